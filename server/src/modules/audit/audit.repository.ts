import { sql, type Selectable } from 'kysely';
import type { AuditQuery } from '@relais/core';
import { likePrefix, type Database, type Queryable } from '../../db/index.ts';

/** An audit row to write: its columns but those the database fills, details as an object. */
export type NewAuditEvent = Omit<Selectable<Database['audit_event']>, 'id' | 'at' | 'details'> & { details: Record<string, unknown> };

export async function insertAuditEvent(db: Queryable, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ ...event, details: JSON.stringify(event.details) })
    .execute();
}

/** Appends many events in one statement (a bulk write audits each of its records). */
export async function insertAuditEvents(db: Queryable, events: readonly NewAuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    await db
      .insertInto('audit_event')
      .values(events.slice(i, i + 2000).map((e) => ({ ...e, details: JSON.stringify(e.details) })))
      .execute();
  }
}

/** Events of the organisation under one of the subtrees (and organisation-wide ones when `withOrgWide`), newest first. */
export async function selectAuditEvents(
  db: Queryable,
  organisationId: string,
  scopePaths: string[],
  withOrgWide: boolean,
  q: AuditQuery,
) {
  let query = db
    .selectFrom('audit_event as e')
    .leftJoin('app_user as u', (j) => j.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.actor_id'))
    .select(['e.id', 'e.at', 'e.actor_id', 'u.username', 'e.action', 'e.entity_type', 'e.entity_id', 'e.org_unit_id', 'e.details'])
    .where('e.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        ...scopePaths.map((p) => eb('e.org_unit_path', 'like', likePrefix(p))),
        ...(withOrgWide ? [eb('e.org_unit_path', 'is', null)] : []),
      ]),
    );
  if (q.action) query = query.where('e.action', '=', q.action);
  if (q.entityType) query = query.where('e.entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('e.entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('e.actor_id', '=', q.actorId);
  if (q.from) query = query.where('e.at', '>=', sql<Date>`${q.from}::date`);
  if (q.to) query = query.where('e.at', '<', sql<Date>`${q.to}::date + 1`);
  if (q.before) query = query.where('e.id', '<', String(q.before));
  return query.orderBy('e.id', 'desc').limit(q.limit).execute();
}
