import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery, type RawBuilder } from 'kysely';

/** Compiles SQL to text without a database: for the body of a database function, and for SQL snapshots under review. */
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** The query as PostgreSQL receives it: its text and its parameters. */
export function compileSql(expr: RawBuilder<unknown>): CompiledQuery {
  return expr.compile(compiler);
}

/** SQL as text; it must take no parameters (values are literals or columns). */
export function sqlText(expr: RawBuilder<unknown>): string {
  const compiled = compileSql(expr);
  if (compiled.parameters.length) throw new Error('SQL for a database function must take no parameters');
  return compiled.sql;
}
