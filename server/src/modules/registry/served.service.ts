import type { Queryable } from '../../db/index.ts';
import { insertServedUnits, updateLastSeen } from './served.repository.ts';

/** A service given to a person in a unit on a date. */
export interface Visit {
  personId: string;
  unitId: string;
  date: string;
}

/**
 * Where persons are known and when they were last seen, from services given to them: the one rule of
 * every write of services (a contact, a group session, a sync batch, an import). A person served in a
 * unit where she was not known is known there since the EARLIEST of these dates, whatever the order
 * the services came in; her last-seen date is the latest.
 */
export function summariseVisits(visits: Iterable<Visit>): { places: { personId: string; unitId: string; since: string }[]; lastSeen: { personId: string; date: string }[] } {
  const places = new Map<string, { personId: string; unitId: string; since: string }>();
  const last = new Map<string, string>();
  for (const v of visits) {
    const key = `${v.personId}:${v.unitId}`;
    const known = places.get(key);
    if (!known || v.date < known.since) places.set(key, { personId: v.personId, unitId: v.unitId, since: v.date });
    if ((last.get(v.personId) ?? '') < v.date) last.set(v.personId, v.date);
  }
  return { places: [...places.values()], lastSeen: [...last.entries()].map(([personId, date]) => ({ personId, date })) };
}

/** Records, inside the caller's transaction, where the persons of these services are now known and when they were last seen. */
export async function recordVisits(trx: Queryable, organisationId: string, visits: Iterable<Visit>): Promise<void> {
  const { places, lastSeen } = summariseVisits(visits);
  if (places.length === 0) return;
  const added = await insertServedUnits(trx, organisationId, places);
  await updateLastSeen(trx, organisationId, lastSeen, added);
}
