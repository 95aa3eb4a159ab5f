import { DomainError, missingFromPaquetMinimum } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { findUnit } from '../org-units/index.ts';
import { loadProgramServices } from '../settings/index.ts';
import { capturePolicy } from './capture.policy.ts';
import {
  selectContactServices,
  selectLateEntries,
  selectPositivesWithoutMedicalSupport,
  selectSamePersonSameDay,
  selectUnusualQuantities,
  selectWorkerServiceCounts,
  selectWorkerTotals,
  type VerifiedMonth,
} from './verification.repository.ts';

type Flag = {
  kind: 'missing_paquet_minimum' | 'same_person_same_day' | 'unusual_quantity' | 'positive_without_medical_support' | 'date_far_from_entry';
  serviceIds: string[];
  beneficiary: { id: string; code: string } | null;
  worker: { id: string; displayName: string } | null;
  date: string | null;
};

/** Quantities above this multiple of the worker's usual (median of the 3 previous months) are flagged. */
export const UNUSUAL_QUANTITY_FACTOR = 3;
/** Entered this many days after the service date or more: flagged. */
export const LATE_ENTRY_DAYS = 90;

/**
 * The coordinators' monthly data verification of a unit (and its sub-units):
 * counts by worker and service, and the records that deserve a second look.
 */
/** The worker of a row, or null for a service recorded without one. */
const workerOf = (r: { worker_id: string | null; display_name: string | null }) => (r.worker_id ? { id: r.worker_id, displayName: r.display_name ?? '?' } : null);

export function createVerificationService(db: Queryable) {
  return {
    async verify(ctx: RequestContext, orgUnitId: string, month: string) {
      const org = ctx.actor.organisationId;
      const unit = await findUnit(db, org, orgUnitId);
      if (!unit || !capturePolicy.verifyAt(ctx.actor, unit.path)) throw new DomainError('not_found');
      const m: VerifiedMonth = { organisationId: org, unitPath: unit.path, month };

      const counts = await selectWorkerServiceCounts(db, m);
      const totals = await selectWorkerTotals(db, m);
      const workers = new Map<string | null, { worker: { id: string; displayName: string } | null; counts: Record<string, number>; contacts: number; persons: number }>();
      for (const c of counts) {
        const w = workers.get(c.worker_id) ?? { worker: workerOf(c), counts: {}, contacts: 0, persons: 0 };
        w.counts[c.service] = c.n;
        workers.set(c.worker_id, w);
      }
      for (const t of totals) Object.assign(workers.get(t.worker_id)!, { contacts: t.contacts, persons: t.persons });

      const flags: Flag[] = [];
      const who = (r: { beneficiary_id: string; code: string; worker_id: string | null; display_name: string | null }) => ({
        beneficiary: { id: r.beneficiary_id, code: r.code },
        worker: workerOf(r),
      });

      // Contacts without the paquet minimum of their program.
      const programs = await loadProgramServices(db, org);
      for (const c of await selectContactServices(db, m)) {
        const settings = programs[c.program];
        if (settings && settings.paquetMinimum.length && missingFromPaquetMinimum(settings, c.services).length) {
          flags.push({ kind: 'missing_paquet_minimum', serviceIds: c.ids, ...who(c), date: c.service_date });
        }
      }
      for (const r of await selectSamePersonSameDay(db, m)) flags.push({ kind: 'same_person_same_day', serviceIds: r.ids, ...who(r), date: r.service_date });
      for (const r of await selectUnusualQuantities(db, m, UNUSUAL_QUANTITY_FACTOR)) flags.push({ kind: 'unusual_quantity', serviceIds: [r.id], ...who(r), date: r.service_date });
      for (const r of await selectPositivesWithoutMedicalSupport(db, m)) flags.push({ kind: 'positive_without_medical_support', serviceIds: [r.id], ...who(r), date: r.service_date });
      for (const r of await selectLateEntries(db, m, LATE_ENTRY_DAYS)) flags.push({ kind: 'date_far_from_entry', serviceIds: [r.id], ...who(r), date: r.service_date });

      return {
        month,
        orgUnit: { id: unit.id, code: unit.code, name: unit.name },
        // Services without a worker come last.
        workers: [...workers.values()].sort((a, b) => (a.worker && b.worker ? a.worker.displayName.localeCompare(b.worker.displayName) : a.worker ? -1 : b.worker ? 1 : 0)),
        flags,
      };
    },
  };
}
export type VerificationService = ReturnType<typeof createVerificationService>;
