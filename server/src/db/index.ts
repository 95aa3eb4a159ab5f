import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A database handle or a transaction: repositories take either. */
export type Queryable = Kysely<Database>;
export type { Database } from './schema.ts';
export { openDatabase, type Db, type DatabaseOptions, type Engine } from './database.ts';

/** Is this a unique-constraint violation (optionally of a named constraint)? */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** Escapes LIKE wildcards in a literal prefix. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
