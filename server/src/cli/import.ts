import fs from 'node:fs';
import { translate } from '@relais/core';
import { createImportService, importKinds, type ImportKind, presentReport, readTable } from '../modules/imports/index.ts';
import { importDirectory } from '../modules/directory/index.ts';
import { asNetworkCoordinator, contextOf, locale, UsageError, withDb, type Command } from './shared.ts';

/** `relais import --kind KIND FILE`: the import service, as the system (the whole organisation). */
export const importFile: Command = async ({ config, values, positionals }) => {
  const file = positionals[0];
  if (!values.org || !values.kind || !file) throw new UsageError('import needs --org CODE, --kind KIND and a FILE');
  if (values.kind === 'directory') return importDirectoryFile(values.org, file, config);
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

/** `relais import --kind directory FILE.json`: HSDS 3.0 services, all or nothing (errors with their JSON path). */
async function importDirectoryFile(org: string, file: string, config: Parameters<Command>[0]['config']): Promise<number> {
  if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const started = Date.now();
  const report = await withDb(config, async (db) => importDirectory(db.kysely, asNetworkCoordinator(await contextOf(db, org)).actor, json));
  console.log(JSON.stringify({ kind: 'directory', ...report, seconds: (Date.now() - started) / 1000 }));
  return 0;
}
