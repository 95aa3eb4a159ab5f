import type { Permission } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { selectUnitsUnderKept } from '../org-units/index.ts';
import { programScope, type Actor } from '../../context/index.ts';
import type { VisiblePlaces } from './capture.repository.ts';

/**
 * The places where the actor holds the permission, as the ids of their units (inside `within`,
 * a unit's path, when given). A list then filters `service_event` on `org_unit_id` alone, so its
 * index serves the order and the count without a join on the units.
 */
export async function visiblePlaces(db: Queryable, actor: Actor, permission: Permission, within?: string): Promise<VisiblePlaces> {
  const places = programScope(actor, permission);
  const units = await selectUnitsUnderKept(db, actor, within ? [within] : places.map((p) => p.path));
  return places
    .map((p) => ({ unitIds: units.filter((u) => u.path.startsWith(p.path)).map((u) => u.id), programs: p.programs }))
    .filter((p) => p.unitIds.length > 0);
}
