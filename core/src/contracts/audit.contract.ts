import { z } from 'zod';
import { Id, text } from './common.ts';

export const AuditEvent = z.object({
  id: text(),
  at: text(),
  actor: z.object({ id: Id, username: text() }).nullable(),
  action: text(),
  entityType: text(),
  entityId: text().nullable(),
  orgUnitId: Id.nullable(),
  details: z.record(text(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  action: text().max(64).optional(),
  entityType: text().max(64).optional(),
  entityId: text().max(64).optional(),
  actorId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Cursor: only events older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextBefore: z.number().int().nullable() });
