import type { Insertable } from 'kysely';
import type { Database, Queryable } from '../../db/index.ts';

/** The organisation's lists the user owns or that are shared, by name. */
export function selectVisibleLists(db: Queryable, organisationId: string, userId: string) {
  return db
    .selectFrom('saved_list')
    .select(['id', 'owner_id', 'name', 'filters', 'shared'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('shared', '=', true)]))
    .orderBy('name')
    .execute();
}

/** Inserts a list unless its id is taken (a replayed save), then reads the list under that id. */
export async function insertListOnce(db: Queryable, row: Insertable<Database['saved_list']>) {
  await db
    .insertInto('saved_list')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
    .execute();
  return db.selectFrom('saved_list').selectAll().where('organisation_id', '=', row.organisation_id).where('id', '=', row.id).executeTakeFirstOrThrow();
}

/** Deletes one of the user's own lists; false when she has none under that id. */
export async function deleteOwnList(db: Queryable, organisationId: string, userId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('saved_list').where('organisation_id', '=', organisationId).where('id', '=', id).where('owner_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
