import { sql, type RawBuilder } from 'kysely';
import { defaultViolenceTypes, parsePeriod, subPeriodsOf, type CaseCount, type ReportDimension } from '@relais/core';
import { dimensionsUsed, type BaseMeasure } from './report-plan.ts';
import { ageBandExpr, ancestorJoin, dimensionExpr, scopeOn, userFiltersOn, type ReportSqlContext } from './report.sql.ts';

/**
 * The SQL of case measures (`count_cases`): cases, not persons, read live from `case_file`
 * (volumes are small: a program's cases, not its services). Each (sub-)period of the report is
 * a row of `p` (code, first and last day); a case counts in a cell when the measure's rule holds
 * for it in that (sub-)period (docs/indicators.md, "Case indicators"). Its unit, program and
 * person are the case's; in an external export only cases with consent to reporting count.
 */

type CaseMeasure = Extract<BaseMeasure, { kind: 'count_cases' }>;

/** The (sub-)periods of the report: its sub-periods at the grain when the period is a dimension or a filter, else the period itself. */
export function caseReportPeriods(ctx: ReportSqlContext, dims: readonly ReportDimension[]): Array<{ code: string; from: string; to: string }> {
  const { q, period } = ctx;
  if (!dimensionsUsed({ by: [...dims], filters: q.filters }).has('period')) return [{ code: q.period, from: period.from, to: period.to }];
  return (subPeriodsOf(q.period, q.grain) ?? []).flatMap((code) => {
    const range = parsePeriod(code);
    if (!range) return [];
    const from = range.from < period.from ? period.from : range.from;
    const to = range.to > period.to ? period.to : range.to;
    return [{ code, from, to }];
  });
}

/** Is the case `cf` open on the first day of `p`: opened before it, and its last status change before that day (else its file) says open. */
function openAtStart(): RawBuilder<boolean> {
  return sql<boolean>`(cf.opened_at::date < p.from_on and coalesce(
      (select h.status from case_status_change h where h.organisation_id = cf.organisation_id and h.case_id = cf.id and h.on_date < p.from_on
        order by h.on_date desc, h.changed_at desc limit 1),
      case when cf.closed_on is null or cf.closed_on >= p.from_on then 'open' else 'closed' end) = 'open')`;
}

/** The rule of a case measure on the case `cf` in the (sub-)period `p`. */
export function caseRuleSql(cases: CaseCount, closureReasons: readonly string[] | undefined): RawBuilder<boolean> {
  switch (cases) {
    case 'opened':
      return sql<boolean>`cf.opened_at::date between p.from_on and p.to_on`;
    case 'open_at_start':
      return openAtStart();
    case 'retained':
      return sql<boolean>`(${openAtStart()} and exists (select 1 from service_event se where se.organisation_id = cf.organisation_id and se.case_id = cf.id
        and se.deleted_at is null and se.service_date between p.from_on and p.to_on))`;
    case 'closed': {
      // Every closure in the period counts (the history keeps those a reopening undid); a case once.
      const reasons = closureReasons ? [...closureReasons] : null;
      return sql<boolean>`(exists (select 1 from case_status_change h where h.organisation_id = cf.organisation_id and h.case_id = cf.id and h.status = 'closed'
          and h.on_date between p.from_on and p.to_on${reasons ? sql` and h.reason = any(${reasons}::text[])` : sql``})
        or (cf.status = 'closed' and cf.closed_on between p.from_on and p.to_on${reasons ? sql` and cf.closure_reason = any(${reasons}::text[])` : sql``}))`;
    }
  }
}

/** Values of one case measure for one grouping set: rows of `d<i>` columns and `value` (distinct cases). */
export function caseQuery(ctx: ReportSqlContext, measure: CaseMeasure, dims: readonly ReportDimension[]): RawBuilder<Record<string, string | number>> {
  const { q, organisationId, bands } = ctx;
  const types = ctx.violenceTypes ?? defaultViolenceTypes;
  const needs = dimensionsUsed({ by: [...dims], filters: q.filters });
  const periods = caseReportPeriods(ctx, dims);
  // The age: in the year of the opening (cases opened), else in the year the (sub-)period starts.
  const year = measure.cases === 'opened' ? sql`extract(year from cf.opened_at)::int` : sql`extract(year from p.from_on)::int`;
  const expr = (d: ReportDimension): RawBuilder<string> =>
    d === 'period' ? sql`p.code` : d === 'program' ? sql`cf.program` : d === 'age_band' ? ageBandExpr(year, sql`b.birth_year`, bands) : dimensionExpr(d, q, bands, types);
  const groupCols = dims.map((_, i) => sql.raw(`d${i}`));
  const periodRows = periods.length
    ? sql`(values ${sql.join(periods.map((p) => sql`(${p.code}::text, ${p.from}::date, ${p.to}::date)`), sql`, `)}) as p(code, from_on, to_on)`
    : sql`(select null::text as code, null::date as from_on, null::date as to_on where false) as p`;
  return sql<Record<string, string | number>>`
        with x as (
          select distinct ${sql.join([sql`cf.id`, ...dims.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`)], sql`, `)}
          from case_file cf
          cross join ${periodRows}
          join beneficiary b on b.organisation_id = cf.organisation_id and b.id = cf.beneficiary_id
          join org_unit ou on ou.organisation_id = cf.organisation_id and ou.id = cf.org_unit_id
          ${ancestorJoin(q, sql`cf.organisation_id`, needs)}
          ${needs.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          where cf.organisation_id = ${organisationId} and cf.program = ${q.program} and ${scopeOn(ctx.scope, 'cf', 'ou')}
            ${ctx.external ? sql`and cf.reporting_consent` : sql``}
            and ${sql.join([caseRuleSql(measure.cases, measure.closureReasons), ...userFiltersOn(q, expr)], sql` and `)}
        )
        select ${dims.length ? sql`${sql.join(groupCols, sql`, `)}, ` : sql``}count(distinct id)::float8 as value
        from x
        ${dims.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``}`;
}
