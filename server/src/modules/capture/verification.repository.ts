import { sql } from 'kysely';
import { likePrefix, type Queryable } from '../../db/index.ts';

/** The services a verification reads: those of one organisation's unit (and its sub-units) in one month (`YYYY-MM`). */
export interface VerifiedMonth {
  organisationId: string;
  unitPath: string;
  month: string;
}

/** The live services of the month under the unit, with their unit (`ou`), person (`b`) and worker (`w`, may be missing). */
function servicesOf(db: Queryable, { organisationId, unitPath, month }: VerifiedMonth) {
  const from = `${month}-01`;
  return (
    db
      .selectFrom('service_event as s')
      .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
      .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 's.organisation_id').onRef('b.id', '=', 's.beneficiary_id'))
      // A service may have no worker (old registers): it is counted, under "intervenant non renseigné".
      .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 's.organisation_id').onRef('w.id', '=', 's.worker_id'))
      .where('s.organisation_id', '=', organisationId)
      .where('s.deleted_at', 'is', null)
      .where('ou.path', 'like', likePrefix(unitPath))
      .where(sql<boolean>`s.service_date >= ${from}::date and s.service_date < (${from}::date + interval '1 month')`)
  );
}

/** How many services of each kind each worker gave. */
export function selectWorkerServiceCounts(db: Queryable, m: VerifiedMonth) {
  return servicesOf(db, m)
    .select(['s.worker_id', 'w.display_name', 's.service', sql<number>`count(*)::int`.as('n')])
    .groupBy(['s.worker_id', 'w.display_name', 's.service'])
    .execute();
}

/** How many contacts and persons each worker saw. */
export function selectWorkerTotals(db: Queryable, m: VerifiedMonth) {
  return servicesOf(db, m)
    .select(['s.worker_id', sql<number>`count(distinct s.contact_id)::int`.as('contacts'), sql<number>`count(distinct s.beneficiary_id)::int`.as('persons')])
    .groupBy('s.worker_id')
    .execute();
}

/** Each contact (outside group sessions) with its program and the services it holds. */
export function selectContactServices(db: Queryable, m: VerifiedMonth) {
  return servicesOf(db, m)
    .where('s.group_session_id', 'is', null)
    .select(['s.contact_id', 's.program', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date', sql<string[]>`array_agg(s.service)`.as('services'), sql<string[]>`array_agg(s.id)`.as('ids')])
    .groupBy(['s.contact_id', 's.program', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date'])
    .execute();
}

/** The same person in two contacts (outside group sessions) on the same day. */
export function selectSamePersonSameDay(db: Queryable, m: VerifiedMonth) {
  return servicesOf(db, m)
    .where('s.group_session_id', 'is', null)
    .select(['s.beneficiary_id', 'b.code', 's.service_date', sql<string | null>`min(s.worker_id::text)`.as('worker_id'), sql<string | null>`min(w.display_name)`.as('display_name'), sql<string[]>`array_agg(s.id)`.as('ids')])
    .groupBy(['s.beneficiary_id', 'b.code', 's.service_date'])
    .having(sql`count(distinct s.contact_id)`, '>', 1)
    .execute();
}

/** Quantities above `factor` times the worker's usual for that service (median of the 3 months before, at least 3 of them). */
export async function selectUnusualQuantities(db: Queryable, { organisationId, unitPath, month }: VerifiedMonth, factor: number) {
  const from = `${month}-01`;
  const found = await sql<{ id: string; beneficiary_id: string; code: string; worker_id: string; display_name: string; service_date: string }>`
        with usual as (
          select p.worker_id, p.service, percentile_cont(0.5) within group (order by p.quantity) as median, count(*) as n
          from service_event p
          where p.organisation_id = ${organisationId} and p.deleted_at is null and p.quantity is not null
            and p.service_date >= (${from}::date - interval '3 months') and p.service_date < ${from}::date
          group by p.worker_id, p.service
        )
        select s.id, s.beneficiary_id, b.code, s.worker_id, w.display_name, s.service_date
        from service_event s
        join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
        join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
        join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id
        join usual u on u.worker_id = s.worker_id and u.service = s.service
        where s.organisation_id = ${organisationId} and s.deleted_at is null and ou.path like ${likePrefix(unitPath)}
          and s.service_date >= ${from}::date and s.service_date < (${from}::date + interval '1 month')
          and s.quantity is not null and u.n >= 3 and s.quantity > ${factor} * u.median`.execute(db);
  return found.rows;
}

/** Positive HIV tests with no medical support for the person within 30 days after. */
export function selectPositivesWithoutMedicalSupport(db: Queryable, m: VerifiedMonth) {
  return servicesOf(db, m)
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
}

/** Services entered `days` days or more after their date. */
export function selectLateEntries(db: Queryable, m: VerifiedMonth, days: number) {
  return servicesOf(db, m)
    .where(sql<boolean>`s.service_date < (s.created_at::date - ${days}::int)`)
    .select(['s.id', 's.beneficiary_id', 'b.code', 's.worker_id', 'w.display_name', 's.service_date'])
    .execute();
}
