import { sql } from 'kysely';
import { DomainError, missingFromPaquetMinimum } from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { findUnit } from '../org-units/index.ts';
import { loadProgramServices } from '../settings/index.ts';
import { capturePolicy } from './capture.policy.ts';

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
      const from = `${month}-01`;
      const inMonth = sql<boolean>`s.service_date >= ${from}::date and s.service_date < (${from}::date + interval '1 month')`;
      const under = likePrefix(unit.path);
      const base = () =>
        db
          .selectFrom('service_event as s')
          .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
          .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 's.organisation_id').onRef('b.id', '=', 's.beneficiary_id'))
          // A service may have no worker (old registers): it is counted, under "intervenant non renseigné".
          .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 's.organisation_id').onRef('w.id', '=', 's.worker_id'))
          .where('s.organisation_id', '=', org)
          .where('s.deleted_at', 'is', null)
          .where('ou.path', 'like', under)
          .where(inMonth);

      const counts = await base()
        .select(['s.worker_id', 'w.display_name', 's.service', sql<number>`count(*)::int`.as('n')])
        .groupBy(['s.worker_id', 'w.display_name', 's.service'])
        .execute();
      const totals = await base()
        .select(['s.worker_id', sql<number>`count(distinct s.contact_id)::int`.as('contacts'), sql<number>`count(distinct s.beneficiary_id)::int`.as('persons')])
        .groupBy('s.worker_id')
        .execute();
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
      const contacts = await base()
        .where('s.group_session_id', 'is', null)
        .select(['s.contact_id', 's.program', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date', sql<string[]>`array_agg(s.service)`.as('services'), sql<string[]>`array_agg(s.id)`.as('ids')])
        .groupBy(['s.contact_id', 's.program', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date'])
        .execute();
      for (const c of contacts) {
        const settings = programs[c.program];
        if (settings && settings.paquetMinimum.length && missingFromPaquetMinimum(settings, c.services).length) {
          flags.push({ kind: 'missing_paquet_minimum', serviceIds: c.ids, ...who(c), date: c.service_date });
        }
      }

      // The same person in two contacts on the same day.
      const twice = await base()
        .where('s.group_session_id', 'is', null)
        .select(['s.beneficiary_id', 'b.code', 's.service_date', sql<string | null>`min(s.worker_id::text)`.as('worker_id'), sql<string | null>`min(w.display_name)`.as('display_name'), sql<string[]>`array_agg(s.id)`.as('ids')])
        .groupBy(['s.beneficiary_id', 'b.code', 's.service_date'])
        .having(sql`count(distinct s.contact_id)`, '>', 1)
        .execute();
      for (const r of twice) flags.push({ kind: 'same_person_same_day', serviceIds: r.ids, ...who(r), date: r.service_date });

      // Quantities far above the worker's usual for that service (median of the 3 months before).
      const unusual = await sql<{ id: string; beneficiary_id: string; code: string; worker_id: string; display_name: string; service_date: string }>`
        with usual as (
          select p.worker_id, p.service, percentile_cont(0.5) within group (order by p.quantity) as median, count(*) as n
          from service_event p
          where p.organisation_id = ${org} and p.deleted_at is null and p.quantity is not null
            and p.service_date >= (${from}::date - interval '3 months') and p.service_date < ${from}::date
          group by p.worker_id, p.service
        )
        select s.id, s.beneficiary_id, b.code, s.worker_id, w.display_name, s.service_date
        from service_event s
        join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
        join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
        join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id
        join usual u on u.worker_id = s.worker_id and u.service = s.service
        where s.organisation_id = ${org} and s.deleted_at is null and ou.path like ${under}
          and s.service_date >= ${from}::date and s.service_date < (${from}::date + interval '1 month')
          and s.quantity is not null and u.n >= 3 and s.quantity > ${UNUSUAL_QUANTITY_FACTOR} * u.median`.execute(db);
      for (const r of unusual.rows) flags.push({ kind: 'unusual_quantity', serviceIds: [r.id], ...who(r), date: r.service_date });

      // Positive HIV tests with no medical support for the person within 30 days after.
      const positives = await base()
        .where('s.service', '=', 'hiv_test')
        .where('s.result', '=', 'positive')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('service_event as m')
                .select(sql`1`.as('one'))
                .whereRef('m.organisation_id', '=', 's.organisation_id')
                .whereRef('m.beneficiary_id', '=', 's.beneficiary_id')
                .where('m.service', '=', 'medical_support')
                .where('m.deleted_at', 'is', null)
                .where(sql<boolean>`m.service_date between s.service_date and s.service_date + 30`),
            ),
          ),
        )
        .select(['s.id', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date'])
        .execute();
      for (const r of positives) flags.push({ kind: 'positive_without_medical_support', serviceIds: [r.id], ...who(r), date: r.service_date });

      // Entered long after the service date.
      const late = await base()
        .where(sql<boolean>`s.service_date < (s.created_at::date - ${LATE_ENTRY_DAYS}::int)`)
        .select(['s.id', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date'])
        .execute();
      for (const r of late) flags.push({ kind: 'date_far_from_entry', serviceIds: [r.id], ...who(r), date: r.service_date });

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
