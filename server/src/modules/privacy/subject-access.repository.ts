import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** What the subject access export reads of one person (her record and those merged into it: `ids`). SQL only. */

export async function organisationOf(db: Queryable, org: string): Promise<{ code: string; name: string }> {
  const r = await sql<{ code: string; name: string }>`select code, name from organisation where id = ${org}`.execute(db);
  return r.rows[0] ?? { code: '', name: '' };
}

export async function servicesOf(db: Queryable, org: string, ids: readonly string[]) {
  const r = await sql<{ date: string; program: string; service: string; unit: string; note: string | null }>`
    select to_char(s.service_date, 'YYYY-MM-DD') as date, s.program, s.service, ou.name as unit, s.note
    from service_event s join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
    where s.organisation_id = ${org} and s.beneficiary_id = any(${ids}::uuid[]) and s.deleted_at is null
    order by s.service_date, s.created_at`.execute(db);
  return r.rows;
}

export async function casesOf(db: Queryable, org: string, ids: readonly string[]) {
  const r = await sql<{ id: string; program: string; status: string; openedOn: string; closedOn: string | null; unit: string }>`
    select c.id, c.program, c.status, to_char(c.opened_at, 'YYYY-MM-DD') as "openedOn", to_char(c.closed_on, 'YYYY-MM-DD') as "closedOn", ou.name as unit
    from case_file c join org_unit ou on ou.organisation_id = c.organisation_id and ou.id = c.org_unit_id
    where c.organisation_id = ${org} and c.beneficiary_id = any(${ids}::uuid[]) order by c.opened_at`.execute(db);
  return r.rows;
}

/** Her insertion steps (ADR 0033), deleted ones left out (entered by mistake, counted nowhere), oldest first. */
export async function insertionOf(db: Queryable, org: string, ids: readonly string[]) {
  const r = await sql<{ kind: string; activity: string; startDate: string; endDate: string | null; completed: boolean | null; unit: string; note: string | null }>`
    select s.kind, s.activity, to_char(s.start_date, 'YYYY-MM-DD') as "startDate", to_char(s.end_date, 'YYYY-MM-DD') as "endDate", s.completed, ou.name as unit, s.note
    from insertion_step s join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
    where s.organisation_id = ${org} and s.beneficiary_id = any(${ids}::uuid[]) and s.deleted_at is null order by s.start_date, s.created_at`.execute(db);
  return r.rows;
}

/** Her OST episodes (ADR 0029), oldest first: each with its doses from the first and its days dispensed on site, taken away and missed. */
export async function ostOf(db: Queryable, org: string, ids: readonly string[]) {
  const r = await sql<{
    unit: string;
    startDate: string;
    endDate: string | null;
    endReason: string | null;
    endNote: string | null;
    prescriber: string;
    doses: { fromDate: string; doseMg: number }[];
    daysOnSite: number;
    daysTakenAway: number;
    daysMissed: number;
  }>`
    select ou.name as unit, to_char(e.start_date, 'YYYY-MM-DD') as "startDate", to_char(e.end_date, 'YYYY-MM-DD') as "endDate",
      e.end_reason as "endReason", e.end_note as "endNote", e.prescriber,
      coalesce((select json_agg(json_build_object('fromDate', to_char(d.from_date, 'YYYY-MM-DD'), 'doseMg', d.dose_mg) order by d.from_date)
        from ost_dose d where d.organisation_id = e.organisation_id and d.episode_id = e.id), '[]') as doses,
      coalesce(g.on_site, 0)::int as "daysOnSite", coalesce(g.taken_away, 0)::int as "daysTakenAway", coalesce(g.missed, 0)::int as "daysMissed"
    from ost_episode e
    join org_unit ou on ou.organisation_id = e.organisation_id and ou.id = e.org_unit_id
    left join lateral (
      select count(*) filter (where x.kind = 'on_site') as on_site, sum(x.days) filter (where x.kind = 'take_away') as taken_away, count(*) filter (where x.kind = 'missed') as missed
      from ost_dispensing x where x.organisation_id = e.organisation_id and x.episode_id = e.id) g on true
    where e.organisation_id = ${org} and e.beneficiary_id = any(${ids}::uuid[]) order by e.start_date, e.created_at`.execute(db);
  return r.rows;
}

export async function referralsOf(db: Queryable, org: string, ids: readonly string[]) {
  const r = await sql<{ id: string; reference: string; sentOn: string; status: string; to: string; need: string }>`
    select r.id, r.reference, to_char(r.sent_on, 'YYYY-MM-DD') as "sentOn", r.status, coalesce(o.name, ds.name, '') as to, r.need
    from referral r left join organisation o on o.id = r.to_organisation_id left join directory_service ds on ds.id = r.to_service_id
    where r.organisation_id = ${org} and r.beneficiary_id = any(${ids}::uuid[]) order by r.sent_at`.execute(db);
  return r.rows;
}

export async function storyCount(db: Queryable, org: string, ids: readonly string[]): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from change_story where organisation_id = ${org} and beneficiary_id = any(${ids}::uuid[])`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** How many voice notes her contacts have: the export says they exist, never gives their audio (ADR 0035). */
export async function voiceNoteCount(db: Queryable, org: string, ids: readonly string[]): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from voice_note where organisation_id = ${org} and beneficiary_id = any(${ids}::uuid[])`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * The audit events about her: on her records, her cases and her consents (her organisation's
 * log), and on her referrals (also the receivers' reads, named with their organisation), oldest
 * first, with who acted (display name; null for the command line).
 */
export async function eventsAbout(db: Queryable, org: string, ids: readonly string[], caseIds: readonly string[], referralIds: readonly string[]) {
  const r = await sql<{ at: Date; action: string; by: string | null; details: Record<string, unknown> }>`
    select e.at, e.action, case when e.organisation_id = ${org} then u.display_name else coalesce(u.display_name, '?') || ' (' || o.name || ')' end as by, e.details
    from audit_event e
    left join app_user u on u.organisation_id = e.organisation_id and u.id = e.actor_id
    join organisation o on o.id = e.organisation_id
    where (e.organisation_id = ${org} and (
        (e.entity_type = 'beneficiary' and e.entity_id = any(${ids}::text[]))
        or (e.entity_type = 'case' and e.entity_id = any(${caseIds}::text[]))
        or (e.entity_type = 'consent' and e.details->>'beneficiary' = any(${ids}::text[]))))
      or (e.entity_type = 'referral' and e.entity_id = any(${referralIds}::text[]))
    order by e.at, e.id`.execute(db);
  return r.rows;
}
