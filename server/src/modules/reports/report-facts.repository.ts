import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { ReportRule } from './report-rules.ts';

/** The organisation's stored rules, in a stable order. */
export async function loadRules(db: Queryable, organisationId: string, program?: string): Promise<ReportRule[]> {
  const rows = await sql<ReportRule>`
    select slot::int as slot, indicator, program, services, results, kinds, strategies, modalities, at_premises as "atPremises", full_paquet as "fullPaquet"
    from report_rule where organisation_id = ${organisationId} ${program ? sql`and program = ${program}` : sql``} order by program, slot`.execute(db);
  return rows.rows;
}

export async function replaceRules(db: Queryable, organisationId: string, rules: readonly ReportRule[]): Promise<void> {
  await sql`delete from report_rule where organisation_id = ${organisationId}`.execute(db);
  if (rules.length === 0) return;
  await sql`
    insert into report_rule (organisation_id, slot, indicator, program, services, results, kinds, strategies, modalities, at_premises, full_paquet)
    select ${organisationId}::uuid, r.slot, r.indicator, r.program,
      case when r.services is null or jsonb_typeof(r.services) = 'null' then null else coalesce((select array_agg(v order by n) from jsonb_array_elements_text(r.services) with ordinality as e(v, n)), '{}') end, case when r.results is null or jsonb_typeof(r.results) = 'null' then null else coalesce((select array_agg(v order by n) from jsonb_array_elements_text(r.results) with ordinality as e(v, n)), '{}') end,
      case when r.kinds is null or jsonb_typeof(r.kinds) = 'null' then null else coalesce((select array_agg(v order by n) from jsonb_array_elements_text(r.kinds) with ordinality as e(v, n)), '{}') end, case when r.strategies is null or jsonb_typeof(r.strategies) = 'null' then null else coalesce((select array_agg(v order by n) from jsonb_array_elements_text(r.strategies) with ordinality as e(v, n)), '{}') end,
      case when r.modalities is null or jsonb_typeof(r.modalities) = 'null' then null else coalesce((select array_agg(v order by n) from jsonb_array_elements_text(r.modalities) with ordinality as e(v, n)), '{}') end, r."atPremises", r."fullPaquet"
    from jsonb_to_recordset(${JSON.stringify(rules)}::jsonb) as r(slot smallint, indicator text, program text, services jsonb, results jsonb, kinds jsonb,
      strategies jsonb, modalities jsonb, "atPremises" boolean, "fullPaquet" boolean)`.execute(db);
}

/**
 * Recomputes the organisation's facts from its services: the monthly roll-up and the person
 * facts, each in one statement (one scan of the services, one aggregation). With `programs`,
 * only the person facts of those programs (their rules changed; the roll-up does not depend
 * on rules). Commit-time refreshes wait meanwhile (see lockRules).
 */
export async function rebuildFacts(db: Queryable, organisationId: string, programs?: readonly string[]): Promise<void> {
  await lockRules(db);
  const onlyPrograms = programs ? sql`and program = any(${[...programs]}::text[])` : sql``;
  await sql`delete from report_person_fact where organisation_id = ${organisationId} ${onlyPrograms}`.execute(db);
  if (!programs) await rebuildRollup(db, organisationId);
  for (const program of programs ?? [null]) {
    await sql`select relais_write_person_facts(${organisationId}::uuid, ${program}::text, null::int, null::uuid[], null::uuid[])`.execute(db);
  }
}

/**
 * Takes report_rule for the rest of the transaction against the commit-time refreshes (they
 * take it in SHARE mode) and against another change of rules; reports still read it. A
 * refresh waiting meanwhile then reads the new rules and the rebuilt facts.
 */
export async function lockRules(db: Queryable): Promise<void> {
  await sql`lock table report_rule in exclusive mode`.execute(db);
}

async function rebuildRollup(db: Queryable, organisationId: string): Promise<void> {
  await sql`delete from report_service_month where organisation_id = ${organisationId}`.execute(db);
  await sql`
    insert into report_service_month (organisation_id, program, month, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality, services, quantity)
    select organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality,
      count(*), coalesce(sum(quantity), 0)
    from service_event where organisation_id = ${organisationId} and deleted_at is null
    group by organisation_id, program, date_trunc('month', service_date)::date, org_unit_id, site_id, worker_id, service, result, kind, strategy, modality`.execute(db);
}
