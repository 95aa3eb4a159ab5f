import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@relais/core';
import { likePrefix } from '../../db/index.ts';
import { programScope, type Actor } from '../../http/actor.ts';

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
