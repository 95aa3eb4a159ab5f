import { applyRetentionEverywhere } from '../modules/privacy/index.ts';
import { contextOf, withDb, type Command } from './shared.ts';

/**
 * `relais retention [--org CODE]`: applies the retention periods now (ADR 0026), as the server's
 * daily job does, for one organisation or all; prints what was cleared or deleted, one JSON line
 * per organisation.
 */
export const retention: Command = async ({ config, values }) => {
  await withDb(config, async (db) => {
    const today = new Date().toISOString().slice(0, 10);
    const only = values.org ? (await contextOf(db, values.org)).actor.organisationId : null;
    for (const { organisationId, run } of await applyRetentionEverywhere(db.kysely, today, only)) console.log(JSON.stringify({ organisationId, ...run }));
  });
  return 0;
};
