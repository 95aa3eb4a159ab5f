import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { appliedMigrations, knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

/**
 * Logical backup, the same on both engines: gzip'd JSON lines, a header, then
 * one line per row (`to_jsonb` of the row), tables in foreign-key order.
 * Restoring goes through SQL too (`jsonb_populate_recordset`), so a backup of
 * the embedded database restores on a PostgreSQL server and back (ADR 0004).
 */
export const BACKUP_FORMAT = 'relais-backup';
const BACKUP_VERSION = 1;
/** Not backed up: secrets of live sessions and transient throttling state. */
// Report facts are derived from the services: not saved, rebuilt after a restore (syncReportFacts).
// The stock's monthly sums and balances are derived from its ledger: rebuilt by the ledger's triggers as it is restored.
// Ids claimed across organisations are derived from the tables holding them: refilled by their triggers.
const DERIVED = ['report_rule', 'report_person_fact', 'report_service_month', 'report_pending', 'report_pending_key', 'stock_month', 'stock_balance', 'claimed_id'];
const SKIPPED = new Set(['session', 'login_throttle', 'kysely_migration', 'kysely_migration_lock', ...DERIVED]);
/** Rows of a self-referencing table must come parents first. */
const ROW_ORDER: Record<string, string> = { org_unit: 'length(path), id' };

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

type AnyDb = Kysely<Database>;

/** Tables of the schema in an order where every referenced table comes first. */
async function tablesInDependencyOrder(db: AnyDb): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((t) => !SKIPPED.has(t));
  const edges = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent backup (one repeatable-read snapshot) to a file; returns the row count. */
export async function backupTo(db: AnyDb, file: string): Promise<{ rows: number; tables: number }> {
  const tmp = `${file}.partial`;
  let rows = 0;
  const tables = await tablesInDependencyOrder(db);
  const migrations = await appliedMigrations(db);
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(tmp);
  const done = pipeline(gzip, out);
  const write = (line: unknown) =>
    new Promise<void>((resolve) => (gzip.write(`${JSON.stringify(line)}\n`) ? resolve() : gzip.once('drain', resolve)));
  try {
    const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations, tables };
    await write(header);
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        for (const table of tables) {
          const order = ROW_ORDER[table] ?? '1';
          await sql.raw(`declare relais_backup no scroll cursor for select to_jsonb(t) as r from ${quoteIdent(table)} t order by ${order}`).execute(trx);
          for (;;) {
            const batch = await sql<{ r: Record<string, unknown> }>`fetch 2000 from relais_backup`.execute(trx);
            for (const row of batch.rows) await write({ t: table, r: row.r });
            rows += batch.rows.length;
            if (batch.rows.length < 2000) break;
          }
          await sql`close relais_backup`.execute(trx);
        }
      });
    gzip.end();
    await done;
    fs.renameSync(tmp, file);
    return { rows, tables: tables.length };
  } catch (error) {
    gzip.destroy();
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Restores a backup into this database in one transaction: the schema is
 * migrated to the backup's version, rows loaded, then migrated to the latest.
 * The database must hold no organisation unless `replace` is set, which
 * empties it first.
 */
export async function restoreFrom(db: AnyDb, file: string, options: { replace?: boolean } = {}): Promise<{ rows: number }> {
  if (!fs.existsSync(file)) throw new RestoreError(`backup file not found: ${file}`);
  const lines = readline.createInterface({ input: Readable.from(fs.createReadStream(file).pipe(zlib.createGunzip())), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Header;
  try {
    header = JSON.parse(String(first.value)) as Header;
  } catch {
    throw new RestoreError(`${file} is not a Relais backup`);
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreError(`${file} is not a Relais backup of a known version`);
  const known = await knownMigrations();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw new RestoreError(`the backup comes from a newer Relais (migrations ${unknown.join(', ')}): upgrade first`);

  const target = header.migrations[header.migrations.length - 1];
  const applied = await appliedMigrations(db);
  if (applied.length === 0 && target) await migrateTo(db, target);
  else if (applied.length > 0) {
    const hasData = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
    if (hasData && !options.replace) throw new RestoreError('the database already holds data: restore into an empty database, or pass --replace');
    if (applied.join() !== header.migrations.join()) {
      if (hasData) throw new RestoreError('the database schema differs from the backup’s: restore into an empty database');
      if (target) await migrateTo(db, target);
    }
  }

  let rows = 0;
  await db.transaction().execute(async (trx) => {
    // Emptied first even without --replace: a database without organisations may still hold what
    // migrations seed (the directory's service types); the backup's rows take their place.
    {
      const tables = await tablesInDependencyOrder(trx);
      const derived = (
        await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name = any(${DERIVED}::text[])`.execute(trx)
      ).rows.map((r) => r.name);
      await sql.raw(`truncate ${[...tables, ...derived].map(quoteIdent).join(', ')}, session, login_throttle cascade`).execute(trx);
    }
    let table = '';
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await sql`insert into ${sql.table(table)} select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::jsonb)`.execute(trx);
      rows += batch.length;
      batch = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value) continue;
      const line = JSON.parse(next.value) as { t: string; r: unknown };
      if (line.t !== table || batch.length >= 500) {
        await flush();
        table = line.t;
        if (!header.tables.includes(table)) throw new RestoreError(`unexpected table ${table} in backup`);
      }
      batch.push(line.r);
    }
    await flush();
    // Identity columns continue after the restored rows.
    const identities = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
    for (const { table_name, column_name } of identities.rows) {
      await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(trx);
    }
  });
  await migrateToLatest(db);
  return { rows };
}
