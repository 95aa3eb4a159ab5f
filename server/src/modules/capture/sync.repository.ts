import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '@relais/core';
import { programScope, type Actor } from '../../context/index.ts';
import { likePrefix, type Queryable } from '../../db/index.ts';
import { knownUnder } from '../registry/index.ts';

/** The key of the organisation setting holding the sync horizon. */
export const SYNC_HORIZON_KEY = 'sync_horizon';

/** Which of these operations were applied already, one query per 1 000. */
export async function selectAppliedOperations(db: Queryable, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  const done = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('applied_operation').select('id').where('organisation_id', '=', organisationId).where('id', 'in', ids.slice(i, i + 1000)).execute();
    for (const r of rows) done.add(r.id);
  }
  return done;
}

/** Remembers operations as applied, with what each returned. */
export async function insertAppliedOperations(db: Queryable, organisationId: string, userId: string, ops: readonly { id: string; kind: string; result: unknown }[]): Promise<void> {
  if (ops.length === 0) return;
  await db
    .insertInto('applied_operation')
    .values(ops.map((op) => ({ organisation_id: organisationId, id: op.id, user_id: userId, kind: op.kind, result: JSON.stringify({ result: op.result ?? null }) })))
    .execute();
}

/** The sync horizon: the change sequence before which tombstones may be gone (0 when never set). */
export async function readHorizon(db: Queryable, organisationId: string): Promise<number> {
  const row = await db.selectFrom('organisation_setting').select('value').where('organisation_id', '=', organisationId).where('key', '=', SYNC_HORIZON_KEY).executeTakeFirst();
  return Number(row?.value ?? 0);
}

export async function writeHorizon(db: Queryable, organisationId: string, seq: number): Promise<void> {
  await sql`
    insert into organisation_setting (organisation_id, key, value) values (${organisationId}, ${SYNC_HORIZON_KEY}, ${JSON.stringify(seq)}::jsonb)
    on conflict (organisation_id, key) do update set value = excluded.value, updated_at = now()`.execute(db);
}

/** Persons known under the paths that changed after `cursor`, oldest change first (at most `limit`). */
export async function selectChangedPersons(db: Queryable, organisationId: string, paths: readonly string[], cursor: number, limit: number) {
  if (paths.length === 0) return [];
  return db
    .selectFrom('beneficiary as b')
    .select(['b.id', 'b.code', 'b.populations', 'b.sex', 'b.birth_year', 'b.registered_on', 'b.registered_unit_id', 'b.last_seen_on', 'b.merged_into', 'b.change_seq', 'b.version'])
    .where('b.organisation_id', '=', organisationId)
    .where('b.change_seq', '>', String(cursor))
    .where(knownUnder(paths))
    .orderBy('b.change_seq')
    .limit(limit)
    .execute();
}

/** Services the actor may read that changed after `cursor`, oldest change first (at most `limit`). */
export async function selectChangedServices(db: Queryable, actor: Actor, cursor: number, limit: number) {
  return db
    .selectFrom('service_event as s')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
    .select(['s.id', 's.contact_id', 's.beneficiary_id', 's.service_date', 's.worker_id', 's.org_unit_id', 's.site_id', 's.program', 's.service', 's.quantity', 's.result', 's.strategy', 's.modality', 's.kind', 's.treated', 's.register_no', 's.fields', 's.deleted_at', 's.change_seq'])
    .where('s.organisation_id', '=', actor.organisationId)
    .where('s.change_seq', '>', String(cursor))
    .where(serviceVisibleTo(actor, 'person.read'))
    .orderBy('s.change_seq')
    .limit(limit)
    .execute();
}

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
