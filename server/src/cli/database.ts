import { migrateToLatest } from '../db/migrate.ts';
import { backupTo, restoreFrom } from '../db/backup.ts';
import { openConfiguredDatabase } from '../db/configured.ts';
import { syncReportFacts } from '../modules/reports/index.ts';
import { auditRestore } from '../modules/setup/index.ts';
import { UsageError, withDb, type Command } from './shared.ts';

/** `relais migrate`: applies pending migrations. */
export const migrate: Command = async ({ config }) => {
  const db = await openConfiguredDatabase(config);
  const applied = await migrateToLatest(db.kysely).finally(() => db.close());
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  return 0;
};

/** `relais backup FILE`. */
export const backup: Command = async ({ config, positionals }) => {
  const file = positionals[0];
  if (!file) throw new UsageError('backup needs a FILE');
  const result = await withDb(config, (db) => backupTo(db.kysely, file));
  console.log(`backup written to ${file}: ${result.rows} rows in ${result.tables} tables`);
  return 0;
};

/** `relais restore FILE [--replace]`: into an empty database, audited in each organisation restored. */
export const restore: Command = async ({ config, values, positionals }) => {
  const file = positionals[0];
  if (!file) throw new UsageError('restore needs a FILE');
  const db = await openConfiguredDatabase(config);
  try {
    const result = await restoreFrom(db.kysely, file, { replace: values.replace });
    await syncReportFacts(db.kysely, undefined, { now: true });
    await auditRestore(db.kysely, file);
    console.log(`restored ${result.rows} rows from ${file}`);
  } finally {
    await db.close();
  }
  return 0;
};
