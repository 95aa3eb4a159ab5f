import type { Queryable } from '../../db/index.ts';

/** Code, level and path of the organisation's units (all of them, or those with these codes). */
export async function selectUnitsByCode(db: Queryable, organisationId: string, codes?: readonly string[]) {
  if (codes && codes.length === 0) return [];
  let query = db.selectFrom('org_unit').select(['code', 'level', 'path']).where('organisation_id', '=', organisationId);
  if (codes) query = query.where('code', 'in', [...codes]);
  return query.orderBy('code').execute();
}
