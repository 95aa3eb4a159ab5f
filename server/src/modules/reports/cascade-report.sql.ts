import { sql, type RawBuilder } from 'kysely';
import { cascadeAgeGroups, cascadeMeasureDimensions, UNKNOWN_AGE_GROUP, type CascadeCount, type ReportDimension } from '@relais/core';
import type { BaseMeasure } from './report-plan.ts';
import { itemsQuery, type ReportSqlContext } from './report.sql.ts';

/**
 * The SQL of cascade measures (`count_cascade`, docs/indicators.md "Cascade indicators"): what a
 * cascade counts is read live from trainings, group sessions with an audience and disclosures
 * (small volumes). Each count is first a set of items `x` — a key, a weight, a date, a unit, a
 * program, a sex, an age group, an audience — then grouped by the report's dimensions: distinct
 * keys (persons trained, sessions, disclosures) or the sum of weights (persons sensitised: the
 * anonymous counts of a session cannot be told apart, so its attendances are summed).
 */

type CascadeMeasure = Extract<BaseMeasure, { kind: 'count_cascade' }>;

/** The age group (core `cascadeAgeGroups`) of an age in years; `unknown` when the age is not known. */
export function ageGroupExpr(age: RawBuilder<unknown>): RawBuilder<string> {
  const cases = cascadeAgeGroups.map((g) => {
    const min = 'min' in g ? sql`${age} >= ${g.min}` : sql`true`;
    const max = 'max' in g ? sql`${age} <= ${g.max}` : sql`true`;
    return sql`when ${min} and ${max} then ${g.code}`;
  });
  return sql`(case when ${age} is null or ${age} < 0 then ${sql.lit(UNKNOWN_AGE_GROUP)} ${sql.join(cases, sql` `)} else ${sql.lit(UNKNOWN_AGE_GROUP)} end)`;
}

/** The items of one count in the report's period: columns k, w, on_date, org_unit_id, program, sex, age_group, audience. */
function itemsOf(ctx: ReportSqlContext, cascade: CascadeCount): RawBuilder<unknown> {
  const { organisationId: org, period } = ctx;
  const between = (col: RawBuilder<unknown>) => sql`${col} between ${period.from}::date and ${period.to}::date`;
  const yearOf = (col: RawBuilder<unknown>) => sql`extract(year from ${col})::int`;
  const inPeriod = sql`g.organisation_id = ${org} and g.deleted_at is null and g.audience is not null and ${between(sql`g.session_date`)}`;
  switch (cascade) {
    case 'people_trained':
      return sql`
        select ta.trainee_id::text as k, 1 as w, t.end_on as on_date, t.org_unit_id, t.program, tr.sex,
          ${ageGroupExpr(sql`${yearOf(sql`t.end_on`)} - tr.birth_year`)} as age_group, '' as audience
        from training_attendance ta
        join training t on t.organisation_id = ta.organisation_id and t.id = ta.training_id
        join trainee tr on tr.organisation_id = ta.organisation_id and tr.id = ta.trainee_id
        where ta.organisation_id = ${org} and ta.attended and ${between(sql`t.end_on`)}`;
    case 'cascade_sessions':
      return sql`select g.id::text as k, 1 as w, g.session_date as on_date, g.org_unit_id, g.program, '' as sex, '' as age_group, g.audience from group_session g where ${inPeriod}`;
    case 'persons_sensitised':
      return sql`
        select g.id::text || ':c' || e.n as k, (e.c->>'count')::int as w, g.session_date as on_date, g.org_unit_id, g.program, e.c->>'sex' as sex, e.c->>'ageGroup' as age_group, g.audience
        from group_session g cross join lateral jsonb_array_elements(g.audience_counts) with ordinality as e(c, n)
        where ${inPeriod}
        union all
        select g.id::text || ':a' || e.n, (e.c->>'count')::int, g.session_date, g.org_unit_id, g.program, e.c->>'sex', ${sql.lit(UNKNOWN_AGE_GROUP)}, g.audience
        from group_session g cross join lateral jsonb_array_elements(g.anonymous) with ordinality as e(c, n)
        where ${inPeriod}
        union all
        select distinct g.id::text || ':' || se.beneficiary_id::text, 1, g.session_date, g.org_unit_id, g.program, b.sex,
          ${ageGroupExpr(sql`${yearOf(sql`g.session_date`)} - b.birth_year`)}, g.audience
        from group_session g
        join service_event se on se.organisation_id = g.organisation_id and se.group_session_id = g.id and se.deleted_at is null
        join beneficiary b on b.organisation_id = se.organisation_id and b.id = se.beneficiary_id
        where ${inPeriod}`;
    case 'disclosures':
    case 'disclosures_in_circuit':
      return sql`
        select d.id::text as k, 1 as w, d.disclosed_on as on_date, d.org_unit_id, d.program, coalesce(b.sex, d.sex, '') as sex,
          case when b.id is not null then ${ageGroupExpr(sql`${yearOf(sql`d.disclosed_on`)} - b.birth_year`)} else coalesce(d.age_group, ${sql.lit(UNKNOWN_AGE_GROUP)}) end as age_group,
          coalesce(g.audience, '') as audience
        from disclosure d
        left join beneficiary b on b.organisation_id = d.organisation_id and b.id = d.beneficiary_id
        left join group_session g on g.organisation_id = d.organisation_id and g.id = d.group_session_id
        where d.organisation_id = ${org} and ${between(sql`d.disclosed_on`)}
          ${cascade === 'disclosures_in_circuit' ? sql`and d.entered_on is not null and d.entered_on - d.disclosed_on between 0 and 7` : sql``}`;
  }
}

/** Values of one cascade measure for one grouping set: rows of `d<i>` columns and `value`. */
export function cascadeQuery(ctx: ReportSqlContext, measure: CascadeMeasure, dims: readonly ReportDimension[]): RawBuilder<Record<string, string | number>> {
  const value = measure.cascade === 'persons_sensitised' ? sql`coalesce(sum(w), 0)::float8` : sql`count(distinct k)::float8`;
  return itemsQuery(ctx, itemsOf(ctx, measure.cascade), dims, { own: cascadeMeasureDimensions, carry: ['k', 'w'], value });
}
