import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { ReportRule } from './report-rules.ts';

/**
 * The organisation's stored rules, in a stable order; with `readyOnly`, only those whose facts
 * are built (what reports may read).
 */
export async function loadRules(db: Queryable, organisationId: string, program?: string, options: { readyOnly?: boolean } = {}): Promise<ReportRule[]> {
  const rows = await sql<ReportRule>`
    select slot::int as slot, indicator, program, services, results, kinds, strategies, modalities, at_premises as "atPremises", full_paquet as "fullPaquet"
    from report_rule where organisation_id = ${organisationId} ${program ? sql`and program = ${program}` : sql``} ${options.readyOnly ? sql`and ready` : sql``}
    order by program, slot`.execute(db);
  return rows.rows;
}

/** Replaces the rules of the given programs; `ready` says whether their facts are already built. */
export async function replaceRules(db: Queryable, organisationId: string, programs: readonly string[], rules: readonly ReportRule[], ready: boolean): Promise<void> {
  await sql`delete from report_rule where organisation_id = ${organisationId} and program = any(${[...programs]}::text[])`.execute(db);
  const kept = rules.filter((r) => programs.includes(r.program));
  if (kept.length === 0) return;
  const rows = kept.map(
    (r) => sql`(${organisationId}::uuid, ${r.slot}::smallint, ${r.indicator}, ${r.program}, ${r.services}::text[], ${r.results}::text[], ${r.kinds}::text[],
      ${r.strategies}::text[], ${r.modalities}::text[], ${r.atPremises}, ${r.fullPaquet}, ${ready})`,
  );
  await sql`
    insert into report_rule (organisation_id, slot, indicator, program, services, results, kinds, strategies, modalities, at_premises, full_paquet, ready)
    values ${sql.join(rows, sql`, `)}`.execute(db);
}

/** Of the given programs, those with services (read from the roll-up, which the triggers keep). */
export async function programsWithServices(db: Queryable, organisationId: string, programs: readonly string[]): Promise<string[]> {
  const rows = await sql<{ program: string }>`
    select p.program from unnest(${[...programs]}::text[]) as p(program)
    where exists (select 1 from report_service_month r where r.organisation_id = ${organisationId} and r.program = p.program)`.execute(db);
  return rows.rows.map((r) => r.program);
}

/**
 * Recomputes the organisation's facts from its services at once: the monthly roll-up and
 * the person facts, each in one statement (one scan of the services, one aggregation), and
 * marks the rules built. With `programs`, only the person facts of those programs (the
 * roll-up does not depend on rules). Commit-time refreshes wait meanwhile (see lockRules).
 */
export async function rebuildFacts(db: Queryable, organisationId: string, programs?: readonly string[]): Promise<void> {
  await lockRules(db);
  const onlyPrograms = programs ? sql`and program = any(${[...programs]}::text[])` : sql``;
  await sql`delete from report_person_fact where organisation_id = ${organisationId} ${onlyPrograms}`.execute(db);
  if (!programs) await rebuildRollup(db, organisationId);
  await sql`select relais_write_person_facts(${organisationId}::uuid, ${programs ? [...programs] : null}::text[], null::int, null::uuid[], null::uuid[], null::uuid, null::uuid)`.execute(db);
  await sql`update report_rule set ready = true where organisation_id = ${organisationId} and not ready ${onlyPrograms}`.execute(db);
}

/**
 * Takes report_rule for the rest of the transaction against the commit-time refreshes (they
 * take it in SHARE mode) and against another change of rules; reports still read it. A
 * refresh waiting meanwhile then reads the new rules and the rebuilt facts.
 */
export async function lockRules(db: Queryable): Promise<void> {
  await sql`lock table report_rule in exclusive mode`.execute(db);
}

/** The programs whose rules wait for their facts, each with a token of the rules' version. */
export async function pendingPrograms(db: Queryable, organisationId: string): Promise<Array<{ program: string; version: string }>> {
  const rows = await sql<{ program: string; version: string }>`
    select program, string_agg(xmin::text, ',' order by slot) as version from report_rule
    where organisation_id = ${organisationId} and not ready group by program order by program`.execute(db);
  return rows.rows;
}

/** Whether some rules of the program wait for their facts. */
export async function programWaiting(db: Queryable, organisationId: string, program: string): Promise<boolean> {
  const row = await sql<{ waiting: boolean }>`
    select exists (select 1 from report_rule where organisation_id = ${organisationId} and program = ${program} and not ready) as waiting`.execute(db);
  return row.rows[0]?.waiting ?? false;
}

/** The organisations with rules waiting for their facts. */
export async function organisationsPending(db: Queryable): Promise<string[]> {
  const rows = await sql<{ id: string }>`select distinct organisation_id as id from report_rule where not ready order by 1`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Person ids cutting the organisation's persons into runs of about `size` (in id order). */
export async function personBounds(db: Queryable, organisationId: string, size: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select id from (select id, row_number() over (order by id) as n from beneficiary where organisation_id = ${organisationId}) as p
    where n % ${size} = 0 order by id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * Rebuilds the person facts of some programs for the persons from `from` (included) to `to`
 * (excluded), null meaning no bound. The persons are locked first, as a commit-time refresh
 * locks them: a write for one of them waits for this chunk, or this chunk for it.
 */
export async function rebuildFactsOfPersons(db: Queryable, organisationId: string, programs: readonly string[], from: string | null, to: string | null): Promise<void> {
  const range = sql`${from === null ? sql`` : sql`and id >= ${from}::uuid`} ${to === null ? sql`` : sql`and id < ${to}::uuid`}`;
  await sql`select count(*) from (select 1 from beneficiary where organisation_id = ${organisationId} ${range} order by id for no key update) as locked`.execute(db);
  await sql`
    delete from report_person_fact where organisation_id = ${organisationId} and program = any(${[...programs]}::text[])
    ${from === null ? sql`` : sql`and beneficiary_id >= ${from}::uuid`} ${to === null ? sql`` : sql`and beneficiary_id < ${to}::uuid`}`.execute(db);
  await sql`select relais_write_person_facts(${organisationId}::uuid, ${[...programs]}::text[], null::int, null::uuid[], null::uuid[], ${from}::uuid, ${to}::uuid)`.execute(db);
}

/** Marks a program's rules built, if they are still the version the facts were built for. */
export async function markRulesReady(db: Queryable, organisationId: string, program: string, version: string): Promise<boolean> {
  const res = await sql`
    update report_rule set ready = true where organisation_id = ${organisationId} and program = ${program} and not ready
      and (select string_agg(xmin::text, ',' order by slot) from report_rule where organisation_id = ${organisationId} and program = ${program}) = ${version}`.execute(db);
  return Number(res.numAffectedRows ?? 0) > 0;
}

/** Recomputes the organisation's monthly roll-up of services (it does not depend on rules). */
export async function rebuildRollup(db: Queryable, organisationId: string): Promise<void> {
  await sql`delete from report_service_month where organisation_id = ${organisationId}`.execute(db);
  await sql`
    insert into report_service_month (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality, services, quantity)
    select organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality,
      count(*), coalesce(sum(quantity), 0)
    from service_event where organisation_id = ${organisationId} and deleted_at is null
    group by organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality`.execute(db);
}

/** Every organisation's id, in order (the facts of each are kept in turn). */
export async function selectOrganisationIds(db: Queryable): Promise<string[]> {
  return (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((o) => o.id);
}
