import fs from 'node:fs';
import { translate } from '@relais/core';
import { createImportService, importKinds, type ImportKind, presentReport, readTable } from '../modules/imports/index.ts';
import { contextOf, locale, UsageError, withDb, type Command } from './shared.ts';

/** `relais import --kind KIND FILE`: the import service, as the system (the whole organisation). */
export const importFile: Command = async ({ config, values, positionals }) => {
  const file = positionals[0];
  if (!values.org || !values.kind || !file) throw new UsageError('import needs --org CODE, --kind KIND and a FILE');
  if (!(importKinds as readonly string[]).includes(values.kind)) throw new UsageError(`--kind is one of ${importKinds.join(', ')}`);
  if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
  const started = Date.now();
  const report = await withDb(config, async (db) => {
    const ctx = await contextOf(db, values.org!);
    const table = await readTable(fs.readFileSync(file));
    process.stderr.write(`read ${table.rows.length} rows\n`);
    const onProgress = (phase: string, done: number, total: number) => process.stderr.write(`${phase} ${done}/${total}\n`);
    return createImportService(db.kysely).importTable({ organisationId: ctx.actor.organisationId, ctx, onProgress }, values.kind as ImportKind, table, { dryRun: values['dry-run'] });
  });
  const shown = presentReport(report, locale);
  for (const e of shown.errors) console.error(e.message);
  console.log(JSON.stringify({ kind: shown.kind, dryRun: shown.dryRun, rows: shown.rows, created: shown.created, unchanged: shown.unchanged, applied: shown.applied, errors: shown.errors.length, seconds: (Date.now() - started) / 1000 }));
  if (shown.errors.length) {
    console.error(translate(locale, 'error.import_rejected', { count: shown.errors.length }));
    return 1;
  }
  return 0;
};
