import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';
import { selectUnitsUnder } from '../org-units/index.ts';
import { programScope, type Actor } from '../../context/index.ts';

/**
 * A service `s` (its unit joined as `ou`) is visible to the actor: its unit lies
 * in a subtree where she holds the permission, for a program that assignment covers.
 */
export function serviceVisibleTo(actor: Actor, permission: Permission) {
  const places = programScope(actor, permission);
  return (): Expression<SqlBool> =>
    places.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(${sql.join(
          places.map((p) => (p.programs === null ? sql`ou.path like ${likePrefix(p.path)}` : sql`(ou.path like ${likePrefix(p.path)} and s.program = any(${p.programs}::text[]))`)),
          sql` or `,
        )})`;
}

/** Where services are visible, as unit ids (each place with its programs; null = every program). */
export type VisiblePlaces = Array<{ unitIds: string[]; programs: string[] | null }>;

/**
 * The places where the actor holds the permission, as the ids of their units (inside `within`,
 * a unit's path, when given). A list then filters `service_event` on `org_unit_id` alone, so its
 * index serves the order and the count without a join on the units.
 */
export async function visiblePlaces(db: Queryable, actor: Actor, permission: Permission, within?: string): Promise<VisiblePlaces> {
  const places = programScope(actor, permission);
  const units = await selectUnitsUnder(db, actor.organisationId, within ? [within] : places.map((p) => p.path));
  return places
    .map((p) => ({ unitIds: units.filter((u) => u.path.startsWith(p.path)).map((u) => u.id), programs: p.programs }))
    .filter((p) => p.unitIds.length > 0);
}

/** A service `s` lies in one of the places (for a program the place covers). */
export function serviceInPlaces(places: VisiblePlaces) {
  return (): Expression<SqlBool> => {
    if (places.length === 0) return sql<SqlBool>`false`;
    const inUnits = (ids: string[]) => (ids.length === 1 ? sql`s.org_unit_id = ${ids[0]}` : sql`s.org_unit_id = any(${ids}::uuid[])`);
    return sql<SqlBool>`(${sql.join(
      places.map((p) => (p.programs === null ? inUnits(p.unitIds) : sql`(${inUnits(p.unitIds)} and s.program = any(${p.programs}::text[]))`)),
      sql` or `,
    )})`;
  };
}
