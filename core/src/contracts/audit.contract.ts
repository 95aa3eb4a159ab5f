import { z } from 'zod';
import { Id } from './common.ts';

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: Id, username: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: Id.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Cursor: only events older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextBefore: z.number().int().nullable() });
