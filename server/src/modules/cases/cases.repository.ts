import { sql, type RawBuilder } from 'kysely';
import { LIST_COUNT_CAP } from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';

/** What every case has from its opening: whose, in which program and unit, since when, through which door, followed by whom. */
export interface CaseColumns {
  id: string;
  beneficiary_id: string;
  program: string;
  org_unit_id: string;
  opened_at: string;
  entry_door: string;
  case_worker_id: string;
}

/** A case as stored, with what its summary shows of its person, unit and worker. */
export interface CaseRow extends CaseColumns, Omit<IncidentColumns, 'incident_on'> {
  beneficiary_code: string;
  org_unit_code: string;
  org_unit_name: string;
  org_unit_path: string;
  case_worker_name: string;
  co_worker_ids: string[];
  status: 'open' | 'closed';
  closed_on: string | null;
  closure_reason: string | null;
  incident_on: string | null;
  needs: string[] | null;
  risk_level: string | null;
  safety_plan: boolean | null;
  last_contact_on: string;
  overdue_actions: number;
  appointments_due: number;
  pep_answered: boolean;
  ec_answered: boolean;
  urgency_rank: number;
}

/**
 * Who reads which cases: the case team, and the subtrees (with their programs) where the reader
 * holds `case.read`. The one SQL form of `casesPolicy.reads`.
 */
export interface CaseReader {
  userId: string;
  places: Array<{ path: string; programs: string[] | null }>;
}

function readableBy(reader: CaseReader): RawBuilder<boolean> {
  const team = sql<boolean>`(cf.case_worker_id = ${reader.userId} or ${reader.userId} = any(cf.co_worker_ids))`;
  const places = reader.places.map((p) =>
    p.programs === null ? sql`u.path like ${likePrefix(p.path)}` : sql`(u.path like ${likePrefix(p.path)} and cf.program in (${sql.join(p.programs.length ? p.programs : [''])}))`,
  );
  return places.length ? sql<boolean>`(${team} or ${sql.join(places, sql` or `)})` : team;
}

/** What the list and the one-case read compute at a moment: the wall-clock now and each program's days before a case is at risk. */
export interface CaseMoment {
  now: string;
  atRiskAfterDays: Record<string, number>;
}

/**
 * A care window open now, in SQL: the same rule as core `windowAt` (time known: at most `hours`
 * hours since the incident; date alone: at most `hours / 24` whole days). Checked against it in
 * cases.db.test.ts.
 */
function windowOpen(now: string, hours: number): RawBuilder<boolean> {
  const nowTs = sql`${now}::timestamp`;
  return sql<boolean>`(cf.incident_on is not null and case
    when cf.incident_time is not null then ${nowTs} - (cf.incident_on + cf.incident_time) between interval '0' and make_interval(hours => ${hours})
    else ${nowTs}::date - cf.incident_on between 0 and ${hours / 24}
  end)`;
}

function atRiskDays(m: CaseMoment): RawBuilder<number> {
  const entries = Object.entries(m.atRiskAfterDays);
  if (!entries.length) return sql<number>`60`;
  return sql<number>`(case cf.program ${sql.join(entries.map(([p, d]) => sql`when ${p} then ${d}::int`), sql` `)} else 60 end)`;
}

/**
 * Cases with their counts and urgency at a moment, set-based: the overdue actions, the
 * appointments due and the services answering a window are each aggregated once per case
 * (hash-joined), not looked up case by case. `only` restricts the aggregates to one case.
 * Columns of the person and the worker are joined by `withNames`, for the rows of a page only.
 */
function rankedCases(org: string, m: CaseMoment, where: RawBuilder<unknown>, only: string | null): RawBuilder<Omit<CaseRow, 'beneficiary_code' | 'case_worker_name'>> {
  const today = m.now.slice(0, 10);
  const one = (col: string) => (only ? sql`and ${sql.ref(col)} = ${only}` : sql``);
  return sql`
    select cf.id, cf.beneficiary_id, cf.program, cf.org_unit_id, u.code as org_unit_code, u.name as org_unit_name, u.path as org_unit_path,
      to_char(cf.opened_at, 'YYYY-MM-DD"T"HH24:MI') as opened_at, cf.entry_door, cf.case_worker_id, cf.co_worker_ids, cf.status,
      to_char(cf.closed_on, 'YYYY-MM-DD') as closed_on, cf.closure_reason, to_char(cf.incident_on, 'YYYY-MM-DD') as incident_on,
      to_char(cf.incident_time, 'HH24:MI') as incident_time, cf.incident_place, cf.perpetrator, cf.repeated_violence, cf.violence_type,
      cf.reporting_consent, cf.needs, cf.risk_level, cf.safety_plan, to_char(cf.last_contact_on, 'YYYY-MM-DD') as last_contact_on,
      coalesce(act.n, 0) as overdue_actions, coalesce(appt.n, 0) as appointments_due,
      coalesce(ans.pep, false) as pep_answered, coalesce(ans.ec, false) as ec_answered,
      case when cf.status <> 'open' then 9
        when ${windowOpen(m.now, 72)} and not coalesce(ans.pep, false) then 0
        when ${windowOpen(m.now, 120)} and not coalesce(ans.ec, false) then 1
        when act.n > 0 then 2
        when appt.n > 0 then 3
        when ${today}::date - cf.last_contact_on > ${atRiskDays(m)} then 4
        else 5 end as urgency_rank,
      cf.opened_at as opened_ts, cf.incident_on + coalesce(cf.incident_time, time '00:00') as incident_ts
    from case_file cf
    join org_unit u on u.organisation_id = cf.organisation_id and u.id = cf.org_unit_id
    left join (
      select a.case_id, count(*)::int as n from case_action a
      where a.organisation_id = ${org} and a.status in ('planned', 'in_progress') and a.due_on < ${today}::date ${one('a.case_id')}
      group by a.case_id
    ) act on act.case_id = cf.id
    left join (
      select p.case_id, count(*)::int as n from case_appointment p
      where p.organisation_id = ${org} and p.status = 'planned' and p.at < ${today}::date + 1 ${one('p.case_id')}
      group by p.case_id
    ) appt on appt.case_id = cf.id
    left join (
      select s.case_id, bool_or(s.service = 'pep_referral') as pep, bool_or(s.service = 'emergency_contraception') as ec from service_event s
      where s.organisation_id = ${org} and s.case_id is not null and s.deleted_at is null and s.service in ('pep_referral', 'emergency_contraception') ${one('s.case_id')}
      group by s.case_id
    ) ans on ans.case_id = cf.id
    where cf.organisation_id = ${org} ${where}`;
}

/** The rows of a page with the person's code and the worker's name. */
function withNames(org: string, page: RawBuilder<unknown>): RawBuilder<CaseRow> {
  return sql<CaseRow>`
    select c.*, b.code as beneficiary_code, coalesce(w.display_name, '?') as case_worker_name
    from (${page}) c
    join beneficiary b on b.organisation_id = ${org} and b.id = c.beneficiary_id
    left join app_user w on w.organisation_id = ${org} and w.id = c.case_worker_id`;
}

export interface CaseFilters {
  status: 'open' | 'closed' | 'any';
  programs?: readonly string[] | undefined;
  workerId?: string | undefined;
  orgUnitPath?: string | undefined;
  beneficiaryId?: string | undefined;
  urgentOnly?: boolean | undefined;
}

function filtersSql(reader: CaseReader, f: CaseFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`and ${readableBy(reader)}`];
  if (f.status !== 'any') parts.push(sql`and cf.status = ${f.status}`);
  if (f.programs?.length) parts.push(sql`and cf.program in (${sql.join([...f.programs])})`);
  if (f.workerId) parts.push(sql`and (cf.case_worker_id = ${f.workerId} or ${f.workerId} = any(cf.co_worker_ids))`);
  if (f.orgUnitPath) parts.push(sql`and u.path like ${likePrefix(f.orgUnitPath)}`);
  if (f.beneficiaryId) parts.push(sql`and cf.beneficiary_id = ${f.beneficiaryId}`);
  return sql.join(parts, sql` `);
}

/** A page of the cases a reader may read, most urgent first (then the oldest incident, then the oldest reception). */
export async function selectCasePage(db: Queryable, org: string, reader: CaseReader, m: CaseMoment, f: CaseFilters, page: { limit: number; offset: number }): Promise<{ rows: CaseRow[]; total: number; totalCapped: boolean }> {
  const ranked = rankedCases(org, m, filtersSql(reader, f), null);
  const urgent = f.urgentOnly ? sql`where r.urgency_rank < 5` : sql``;
  const ordered = sql`select r.* from (${ranked}) r ${urgent} order by r.urgency_rank, r.incident_ts nulls last, r.opened_ts, r.id limit ${page.limit} offset ${page.offset}`;
  const rows = await sql<CaseRow>`${withNames(org, ordered)} order by c.urgency_rank, c.incident_ts nulls last, c.opened_ts, c.id`.execute(db);
  // Counted up to 1,000 past the page's start, as the other long lists (cappedTotal).
  const cap = page.offset + LIST_COUNT_CAP;
  const counted = await sql<{ n: number }>`select count(*)::int as n from (select 1 from (${ranked}) r ${urgent} limit ${cap + 1}) x`.execute(db);
  const n = counted.rows[0]?.n ?? 0;
  return { rows: rows.rows, total: Math.min(n, cap), totalCapped: n > cap };
}

/** One case (no reader filter: the service checks the policy on the row). */
export async function selectCase(db: Queryable, org: string, id: string, m: CaseMoment): Promise<CaseRow | undefined> {
  const r = await withNames(org, rankedCases(org, m, sql`and cf.id = ${id}`, id)).execute(db);
  return r.rows[0];
}

export interface NewCase extends CaseColumns {
  co_worker_ids: string[];
  incident: IncidentColumns | null;
  created_by: string;
}

export interface IncidentColumns {
  incident_on: string;
  incident_time: string | null;
  incident_place: string | null;
  perpetrator: string | null;
  repeated_violence: boolean | null;
  violence_type: string | null;
  reporting_consent: boolean;
}

const noIncident: IncidentColumns = { incident_on: null as unknown as string, incident_time: null, incident_place: null, perpetrator: null, repeated_violence: null, violence_type: null, reporting_consent: false };

/** Inserts a case; false when the id exists already (a retry). Throws the unique violation of a second open case. */
export async function insertCase(db: Queryable, org: string, c: NewCase): Promise<boolean> {
  const i = c.incident ?? noIncident;
  const r = await sql`
    insert into case_file (organisation_id, id, beneficiary_id, program, org_unit_id, opened_at, entry_door, case_worker_id, co_worker_ids,
      incident_on, incident_time, incident_place, perpetrator, repeated_violence, violence_type, reporting_consent, last_contact_on, created_by)
    values (${org}, ${c.id}, ${c.beneficiary_id}, ${c.program}, ${c.org_unit_id}, ${c.opened_at}::timestamp, ${c.entry_door}, ${c.case_worker_id},
      ${sql`${c.co_worker_ids}::uuid[]`}, ${i.incident_on}::date, ${i.incident_time}::time, ${i.incident_place}, ${i.perpetrator}, ${i.repeated_violence},
      ${i.violence_type}, ${i.reporting_consent}, ${c.opened_at.slice(0, 10)}::date, ${c.created_by})
    on conflict (organisation_id, id) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface CasePatch {
  entry_door?: string;
  case_worker_id?: string;
  co_worker_ids?: string[];
  incident?: IncidentColumns | null;
  assessment?: { needs: string[]; risk_level: string | null; safety_plan: boolean };
}

export async function updateCase(db: Queryable, org: string, id: string, p: CasePatch): Promise<void> {
  const sets: RawBuilder<unknown>[] = [sql`updated_at = now()`];
  if (p.entry_door !== undefined) sets.push(sql`entry_door = ${p.entry_door}`);
  if (p.case_worker_id !== undefined) sets.push(sql`case_worker_id = ${p.case_worker_id}`);
  if (p.co_worker_ids !== undefined) sets.push(sql`co_worker_ids = ${p.co_worker_ids}::uuid[]`);
  if (p.incident !== undefined) {
    const i = p.incident ?? noIncident;
    sets.push(sql`incident_on = ${i.incident_on}::date, incident_time = ${i.incident_time}::time, incident_place = ${i.incident_place},
      perpetrator = ${i.perpetrator}, repeated_violence = ${i.repeated_violence}, violence_type = ${i.violence_type}, reporting_consent = ${i.reporting_consent}`);
  }
  if (p.assessment) sets.push(sql`needs = ${p.assessment.needs}::text[], risk_level = ${p.assessment.risk_level}, safety_plan = ${p.assessment.safety_plan}`);
  await sql`update case_file set ${sql.join(sets, sql`, `)} where organisation_id = ${org} and id = ${id}`.execute(db);
}

export async function setCaseStatus(db: Queryable, org: string, id: string, s: { status: 'open' | 'closed'; closed_on: string | null; closure_reason: string | null }): Promise<void> {
  await sql`update case_file set status = ${s.status}, closed_on = ${s.closed_on}::date, closure_reason = ${s.closure_reason}, updated_at = now()
    where organisation_id = ${org} and id = ${id}`.execute(db);
}

export async function insertStatusChange(db: Queryable, org: string, c: { id: string; case_id: string; status: string; on_date: string; reason: string | null; note: string | null; changed_by: string | null }): Promise<void> {
  await db.insertInto('case_status_change').values({ organisation_id: org, ...c }).execute();
}

export async function selectHistory(db: Queryable, org: string, caseId: string) {
  return db
    .selectFrom('case_status_change as h')
    .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 'h.organisation_id').onRef('w.id', '=', 'h.changed_by'))
    .select(['h.status', 'h.on_date', 'h.reason', 'h.note', 'h.changed_by', 'h.changed_at', 'w.display_name'])
    .where('h.organisation_id', '=', org)
    .where('h.case_id', '=', caseId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
}

/** The services recorded in a case. */
export async function selectCaseServices(db: Queryable, org: string, caseId: string) {
  return db
    .selectFrom('service_event as s')
    .innerJoin('org_unit as u', (j) => j.onRef('u.organisation_id', '=', 's.organisation_id').onRef('u.id', '=', 's.org_unit_id'))
    .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 's.organisation_id').onRef('w.id', '=', 's.worker_id'))
    .select(['s.id', sql<string>`to_char(s.service_date, 'YYYY-MM-DD')`.as('date'), 's.service', 's.worker_id', 'w.display_name as worker_name', 'u.id as unit_id', 'u.code as unit_code', 'u.name as unit_name'])
    .where('s.organisation_id', '=', org)
    .where('s.case_id', '=', caseId)
    .where('s.deleted_at', 'is', null)
    .orderBy('s.service_date', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

/** Display names of users (the co-workers of a case). */
export async function selectUserNames(db: Queryable, org: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', org).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A person's birth year (null: not known). */
export async function selectBirthYear(db: Queryable, org: string, beneficiaryId: string): Promise<number | null> {
  const row = await db.selectFrom('beneficiary').select('birth_year').where('organisation_id', '=', org).where('id', '=', beneficiaryId).executeTakeFirst();
  return row?.birth_year ?? null;
}

/** The open case of a person in a program, if any (one at most). */
export async function findOpenCase(db: Queryable, org: string, beneficiaryId: string, program: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('case_file').select('id').where('organisation_id', '=', org).where('beneficiary_id', '=', beneficiaryId).where('program', '=', program).where('status', '=', 'open').executeTakeFirst();
}

/** What a service recorded in a case must agree with. */
export async function selectCaseKeys(db: Queryable, org: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('case_file').select(['id', 'beneficiary_id', 'program', 'org_unit_id', 'status']).where('organisation_id', '=', org).where('id', 'in', [...ids]).execute();
}

// The care plan's rows (actions, appointments, notes) in a file of their own.
export * from './case-plan.repository.ts';
