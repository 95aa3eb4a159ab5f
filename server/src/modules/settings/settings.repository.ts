import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** The stored value of one setting of an organisation (undefined when none is stored). */
export async function getSetting(db: Queryable, organisationId: string, key: string): Promise<unknown> {
  const row = await db.selectFrom('organisation_setting').select('value').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Stores one setting of an organisation (insert or replace). */
export async function putSetting(db: Queryable, organisationId: string, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('organisation_setting')
    .values({ organisation_id: organisationId, key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
}
