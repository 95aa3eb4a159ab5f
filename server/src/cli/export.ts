import fs from 'node:fs';
import { exportDirectory } from '../modules/directory/index.ts';
import { contextOf, UsageError, withDb, type Command } from './shared.ts';

/** `relais export --org ORG --kind directory --format hsds [--territory T] --output FILE.json`: the directory as HSDS 3.0 services. */
export const exportFile: Command = async ({ config, values }) => {
  if (!values.org || values.kind !== 'directory' || values.format !== 'hsds' || !values.output) {
    throw new UsageError('export needs --org CODE --kind directory --format hsds --output FILE.json [--territory T]');
  }
  const started = Date.now();
  const services = await withDb(config, async (db) => {
    await contextOf(db, values.org!); // an organisation of the instance does it (the directory is the network's)
    return exportDirectory(db.kysely, values.territory);
  });
  fs.writeFileSync(values.output, `${JSON.stringify(services, null, 1)}\n`);
  console.log(JSON.stringify({ kind: 'directory', format: 'hsds', services: services.length, output: values.output, seconds: (Date.now() - started) / 1000 }));
  return 0;
};
