import { Dhis2Mapping } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { getSetting, putSetting } from '../registry/registry.repository.ts';

const KEY = 'dhis2_mapping';

/** The organisation's DHIS2 mapping (empty when none is set). */
export async function loadDhis2Mapping(db: Queryable, organisationId: string): Promise<Dhis2Mapping> {
  const parsed = Dhis2Mapping.safeParse(await getSetting(db, organisationId, KEY));
  return parsed.success ? parsed.data : Dhis2Mapping.parse({ orgUnits: {}, dataElements: [] });
}

export async function storeDhis2Mapping(db: Queryable, organisationId: string, mapping: Dhis2Mapping): Promise<void> {
  await putSetting(db, organisationId, KEY, mapping);
}

/** Code, level and path of the organisation's units (all of them, or those with these codes). */
export async function selectUnitsByCode(db: Queryable, organisationId: string, codes?: readonly string[]) {
  if (codes && codes.length === 0) return [];
  let query = db.selectFrom('org_unit').select(['code', 'level', 'path']).where('organisation_id', '=', organisationId);
  if (codes) query = query.where('code', 'in', [...codes]);
  return query.orderBy('code').execute();
}
