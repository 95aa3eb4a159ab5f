import type { Queryable } from '../../db/index.ts';

/** The programs the organisation has a row for, enabled or not. */
export function selectPrograms(db: Queryable, organisationId: string) {
  return db.selectFrom('program').select(['code', 'enabled']).where('organisation_id', '=', organisationId).execute();
}

/** Enables or disables one of the organisation's programs (its row is created the first time). */
export async function upsertProgramEnabled(db: Queryable, organisationId: string, code: string, enabled: boolean): Promise<void> {
  await db
    .insertInto('program')
    .values({ organisation_id: organisationId, code, enabled })
    .onConflict((oc) => oc.columns(['organisation_id', 'code']).doUpdateSet({ enabled }))
    .execute();
}
