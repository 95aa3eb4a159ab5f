import { isRootPath } from '@relais/core';
import type { AuditEvent, AuditQuery } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { isSystemActor } from '../../context/system.ts';
import { insertAuditEvent, insertAuditEvents, selectAuditEvents, type NewAuditEvent } from './audit.repository.ts';
import { auditPolicy } from './audit.policy.ts';

/** Who did it: the organisation, the user (null before login) and the request. */
export interface AuditWho {
  organisationId: string;
  actorId: string | null;
  requestId?: string;
  ip?: string;
}

export interface AuditWhat {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The unit the record belongs to: scopes who may read this event. */
  orgUnit?: { id: string; path: string } | null;
  details?: Record<string, unknown>;
}

export function whoOf(ctx: RequestContext): AuditWho {
  // The command line acts as no one: its events name no user, request or address.
  if (isSystemActor(ctx.actor)) return { organisationId: ctx.actor.organisationId, actorId: null };
  return { organisationId: ctx.actor.organisationId, actorId: ctx.actor.userId, requestId: ctx.requestId, ip: ctx.ip };
}

/** Appends an audit event; called inside the transaction of the write it records, so neither exists without the other. */
export async function recordAudit(db: Queryable, who: AuditWho, what: AuditWhat): Promise<void> {
  await insertAuditEvent(db, auditRow(who, what));
}

/** Appends one event per record of a bulk write, in one statement, inside the caller's transaction. */
export async function recordAudits(db: Queryable, who: AuditWho, whats: readonly AuditWhat[]): Promise<void> {
  if (whats.length) await insertAuditEvents(db, whats.map((what) => auditRow(who, what)));
}

function auditRow(who: AuditWho, what: AuditWhat): NewAuditEvent {
  return {
    organisation_id: who.organisationId,
    actor_id: who.actorId,
    action: what.action,
    entity_type: what.entityType,
    entity_id: what.entityId ?? null,
    org_unit_id: what.orgUnit?.id ?? null,
    org_unit_path: what.orgUnit?.path ?? null,
    details: what.details ?? {},
    ip: who.ip ?? null,
    request_id: who.requestId ?? null,
  };
}

export function createAuditService(db: Queryable) {
  return {
    /** The audit log as an administrator may see it: events of her subtrees; organisation-wide ones for root administrators. */
    async listAudit(ctx: RequestContext, q: AuditQuery): Promise<{ items: AuditEvent[]; nextBefore: number | null }> {
      const paths = auditPolicy.readableUnits(ctx.actor);
      const withOrgWide = paths.some(isRootPath);
      const rows = await selectAuditEvents(db, ctx.actor.organisationId, paths, withOrgWide, q);
      const items = rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actor: r.actor_id ? { id: r.actor_id, username: r.username ?? '?' } : null,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        orgUnitId: r.org_unit_id,
        details: r.details,
      }));
      const last = rows[rows.length - 1];
      return { items, nextBefore: rows.length === q.limit && last ? Number(last.id) : null };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
