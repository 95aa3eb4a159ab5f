import { sql, type RawBuilder } from 'kysely';
import { UNKNOWN_AGE_BAND, caseDimensions, defaultViolenceTypes, type AgeBand, type ProgramServiceSettings, type ReportDimension, type ReportQuery, type ServiceFilter, type ViolenceType } from '@relais/core';
import { likePrefix } from '../../db/index.ts';
import { CELL_DIMS, dimensionsUsed, setKey, type BaseMeasure, type MonthSpan, type ServiceMeasure } from './report-plan.ts';
import { allOf, serviceFilterParts } from './service-filter.sql.ts';

/**
 * The SQL of the report engine's three sources (ADR 0010), one builder each: the services
 * (live, one query per grouping set), the person facts and the monthly roll-up (all the sets
 * of an indicator in one query). Pure: they build queries, the engine runs them. Their text is
 * under review in `report.sql.test.ts` (one named snapshot a query in `__snapshots__/`).
 */

/** Which services the reader may count: subtrees with the programs of each (null = all). */
export type ReportScope = Array<{ path: string; programs: string[] | null }> | 'organisation';

/** What every query of one report shares. */
export interface ReportSqlContext {
  organisationId: string;
  scope: ReportScope;
  q: ReportQuery;
  period: { from: string; to: string };
  program: ProgramServiceSettings | undefined;
  bands: readonly AgeBand[];
  /** The organisation's violence typology (the `violence_family` of a type); the defaults when absent. */
  violenceTypes?: readonly ViolenceType[];
  /** An export marked external (GBVIMS): only cases with consent to reporting count, in case measures and through `inCase`. */
  external?: boolean;
}

/** The family of the violence type `type` in a typology (`''`: no type, or one the typology does not have). */
export function violenceFamilyExpr(type: RawBuilder<unknown>, types: readonly ViolenceType[]): RawBuilder<string> {
  if (types.length === 0) return sql`''`;
  return sql`(case ${type} ${sql.join(types.map((t) => sql`when ${sql.lit(t.code)} then ${sql.lit(t.family)}`), sql` `)} else '' end)`;
}

/** The age band of a person from a year and her birth year (service year − birth year): core `ageBandOf` in SQL. */
export function ageBandExpr(year: RawBuilder<unknown>, birthYear: RawBuilder<unknown>, bands: readonly AgeBand[]): RawBuilder<string> {
  const age = sql`(${year} - ${birthYear})`;
  const cases = bands.map(
    (band) => sql`when ${band.min !== undefined ? sql`${age} >= ${band.min}` : sql`true`} and ${band.max !== undefined ? sql`${age} <= ${band.max}` : sql`true`} then ${band.code}`,
  );
  const unknown = sql.lit(UNKNOWN_AGE_BAND);
  return sql`(case when ${birthYear} is null then ${unknown} ${sql.join(cases, sql` `)} else ${unknown} end)`;
}

/** The sub-period of the query's grain a date falls in (`2024`, `2024-S1`, `2024-Q3`, `2024-07`). */
export function periodExpr(q: Pick<ReportQuery, 'grain'>, date: RawBuilder<unknown>): RawBuilder<string> {
  return q.grain === 'year'
    ? sql`to_char(${date}, 'YYYY')`
    : q.grain === 'semester'
      ? sql`to_char(${date}, 'YYYY') || '-S' || (case when extract(month from ${date}) <= 6 then 1 else 2 end)::text`
      : q.grain === 'quarter'
        ? sql`to_char(${date}, 'YYYY') || '-Q' || extract(quarter from ${date})::int::text`
        : sql`to_char(${date}, 'YYYY-MM')`;
}

/**
 * A dimension's value on a service (alias `s`, its unit `ou`, person `b`, its case `cf`;
 * `first_date`: her first qualifying service). A service outside a case has no case dimension (`''`).
 */
export function dimensionExpr(d: ReportDimension, q: ReportQuery, bands: readonly AgeBand[], violenceTypes: readonly ViolenceType[] = defaultViolenceTypes): RawBuilder<string> {
  switch (d) {
    case 'violence_type':
      return sql`coalesce(cf.violence_type, '')`;
    case 'violence_family':
      return violenceFamilyExpr(sql`cf.violence_type`, violenceTypes);
    case 'entry_door':
      return sql`coalesce(cf.entry_door, '')`;
    case 'period':
      return periodExpr(q, sql`s.service_date`);
    case 'org_unit':
      return q.orgUnitLevel ? sql`coalesce(anc.code, ou.code)` : sql`ou.code`;
    case 'site':
      return sql`coalesce(site.code, '')`;
    case 'program':
      return sql`s.program`;
    case 'population':
      return sql`pop.code`;
    case 'sex':
      return sql`b.sex`;
    case 'age_band':
      return ageBandExpr(sql`extract(year from first_date)::int`, sql`b.birth_year`, bands);
    case 'worker':
      return sql`coalesce(w.username, '')`; // '' : a service without a worker
    case 'modality':
    case 'strategy':
    case 'service':
    case 'kind':
    case 'result':
      return sql`coalesce(${sql.ref(`s.${d}`)}, '')`;
    case 'marital_status':
    case 'schooling':
    case 'housing':
    case 'occupation':
      return sql`coalesce(${sql.ref(`b.${d}`)}, '')`;
    case 'audience':
    case 'age_group':
    case 'urgency':
    case 'receiver':
    case 'sender':
    case 'service_type':
      return sql`''`; // a cascade's or a referral's (cascade-report.sql.ts, referral-report.sql.ts): reportIssues refuses them on services
  }
}

/** The reader's scope on a service or fact (alias `s`) and its unit (alias `ou`). */
export function scopeOn(scope: ReportScope, s: string, ou: string): RawBuilder<boolean> {
  return scope === 'organisation'
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`(${sql.join(
          scope.map((p) =>
            p.programs === null
              ? sql`${sql.ref(`${ou}.path`)} like ${likePrefix(p.path)}`
              : sql`(${sql.ref(`${ou}.path`)} like ${likePrefix(p.path)} and ${sql.ref(`${s}.program`)} = any(${p.programs}::text[]))`,
          ),
          sql` or `,
        )})`;
}

/** An indicator's filter on the service `s` of the report's program and period, `amongReached` included. */
export function filterSql(ctx: ReportSqlContext, f: ServiceFilter): RawBuilder<boolean> {
  const reach = [...(ctx.program?.reach ?? [])];
  const parts = serviceFilterParts('s', f, reach, { consentOnly: ctx.external === true });
  if (f.amongReached) {
    parts.push(sql`s.beneficiary_id in (
          select r.beneficiary_id from service_event r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id
          where r.organisation_id = ${ctx.organisationId} and r.deleted_at is null and r.program = ${ctx.q.program}
            and r.service_date between ${ctx.period.from}::date and ${ctx.period.to}::date and r.service = any(${reach}::text[]) and ${scopeOn(ctx.scope, 'r', 'rou')})`);
  }
  return allOf(parts);
}

/** The query's own filters (dimension = one of its values), each dimension read by `expr`. */
export function userFiltersOn(q: ReportQuery, expr: (d: ReportDimension) => RawBuilder<string>): RawBuilder<unknown>[] {
  return (Object.entries(q.filters) as [ReportDimension, string[]][]).map(([d, values]) => sql`${expr(d)} = any(${values}::text[])`);
}

/** `grouping sets` of the given sets, by the columns `d<i>` of the query's dimensions. */
function groupingSets(by: readonly ReportDimension[], list: readonly ReportDimension[][]): RawBuilder<unknown> {
  return sql.join(list.map((dims) => sql`(${sql.join(dims.map((d) => sql.raw(`d${by.indexOf(d)}`)), sql`, `)})`), sql`, `);
}

/** The months of a year (alias's `year` column) the span covers, as a 12-bit mask. */
function maskOf(span: MonthSpan, alias: string): RawBuilder<number> {
  return sql`(case ${sql.ref(`${alias}.year`)} ${sql.join(span.years.map((y) => sql`when ${y.year}::int then ${y.mask}::int`), sql` `)} else 0 end)`;
}

/** The ancestor at the query's level of a unit `ou` (when it breaks down by org unit at a level). */
export function ancestorJoin(q: ReportQuery, on: RawBuilder<unknown>, used: ReadonlySet<ReportDimension>): RawBuilder<unknown> {
  return used.has('org_unit') && q.orgUnitLevel ? sql`left join org_unit anc on anc.organisation_id = ${on} and anc.level = ${q.orgUnitLevel} and ou.path like anc.path || '%'` : sql``;
}

/** Values of one (non-ratio) indicator for one grouping set, from the services: rows of `d<i>` columns and `value`. */
export function liveQuery(ctx: ReportSqlContext, measure: ServiceMeasure, dims: readonly ReportDimension[]): RawBuilder<Record<string, string | number>> {
  const { q, organisationId, period, bands } = ctx;
  const needs = dimensionsUsed({ by: [...dims], filters: q.filters });
  const types = ctx.violenceTypes ?? defaultViolenceTypes;
  const dimCols = dims.map((d, i) => sql`${dimensionExpr(d, q, bands, types)} as ${sql.raw(`d${i}`)}`);
  const userFilters = userFiltersOn(q, (d) => dimensionExpr(d, q, bands, types));
  const paquet = [...(ctx.program?.paquetMinimum ?? [])];
  // A full-paquet contact: its services of one date at one unit hold the whole paquet minimum.
  const filter =
    measure.kind !== 'distinct_persons_full_paquet'
      ? filterSql(ctx, measure.filter)
      : paquet.length
        ? sql`(s.contact_id, s.service_date, s.org_unit_id) in (
                select c.contact_id, c.service_date, c.org_unit_id from service_event c
                where c.organisation_id = ${organisationId} and c.deleted_at is null and c.program = ${q.program}
                  and c.service_date between ${period.from}::date and ${period.to}::date and c.service = any(${paquet}::text[])
                group by c.contact_id, c.service_date, c.org_unit_id having count(distinct c.service) = ${paquet.length})`
        : sql`false`;
  const value =
    measure.kind === 'count_services'
      ? sql`count(distinct id)::float8`
      : measure.kind === 'sum_quantity'
        ? sql`coalesce(sum(quantity), 0)::float8`
        : sql`count(distinct beneficiary_id)::float8`;
  const groupCols = dims.map((_, i) => sql.raw(`d${i}`));
  // Sums are taken over distinct services (a service appears once per population cell).
  const source = measure.kind === 'sum_quantity' ? sql`(select distinct id, quantity, beneficiary_id, contact_id${dims.length ? sql`, ` : sql``}${sql.join(groupCols.length ? groupCols : [sql``], sql`, `)} from base) as x` : sql`base`;
  return sql<Record<string, string | number>>`
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = ${organisationId} and s.deleted_at is null and s.program = ${q.program}
            and s.service_date between ${period.from}::date and ${period.to}::date
            and ${filter} and ${scopeOn(ctx.scope, 's', 'ou')}
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id${dimCols.length ? sql`, ` : sql``}${sql.join(dimCols.length ? dimCols : [sql``], sql`, `)}
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          ${needs.has('site') ? sql`left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id` : sql``}
          ${needs.has('worker') ? sql`left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id` : sql``}
          ${[...needs].some((d) => caseDimensions.has(d)) ? sql`left join case_file cf on cf.organisation_id = s.organisation_id and cf.id = s.case_id${ctx.external ? sql` and cf.reporting_consent` : sql``}` : sql``}
          ${ancestorJoin(q, sql`s.organisation_id`, needs)}
          ${needs.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          where ${allOf(userFilters)}
        )
        select ${dims.length ? sql`${sql.join(groupCols, sql`, `)}, ` : sql``}${value} as value
        from ${source}
        ${dims.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``}`;
}

/**
 * Distinct persons of every set from the person facts of `slot` (per person, one row per cell);
 * with `reachSlot`, only persons also in the reach's facts. Rows of `d<i>` columns (null: rolled
 * up) and `value`.
 */
export function personFactsQuery(ctx: ReportSqlContext, span: MonthSpan, sets: readonly ReportDimension[][], slot: number, reachSlot: number | null): RawBuilder<Record<string, unknown>> {
  const { q, organisationId, bands } = ctx;
  const used = dimensionsUsed(q);
  const years = span.years;
  const singleYear = years.length === 1;
  const expr = (d: ReportDimension): RawBuilder<string> =>
    d === 'sex'
      ? sql`f.sex`
      : d === 'program'
        ? sql`f.program`
        : d === 'age_band'
          ? ageBandExpr(singleYear ? sql`${years[0]!.year}::int` : sql`fy.first_year`, sql`f.birth_year`, bands)
          : dimensionExpr(d, q, bands);
  const needsPerson = [...used].some((d) => d === 'population' || d === 'marital_status' || d === 'schooling' || d === 'housing' || d === 'occupation');
  const inScopeOf = (alias: string, unitAlias: string, slotOf: number) => sql`
        ${sql.ref(`${alias}.organisation_id`)} = ${organisationId} and ${sql.ref(`${alias}.program`)} = ${q.program} and ${sql.ref(`${alias}.slot`)} = ${slotOf}
        and ${sql.ref(`${alias}.year`)} between ${years[0]!.year} and ${years[years.length - 1]!.year}
        and (${sql.ref(`${alias}.months`)} & ${maskOf(span, alias)}) <> 0 and ${scopeOn(ctx.scope, alias, unitAlias)}`;
  // The sets, grouped by their cell dimensions: one distinct pass per group.
  const groups = new Map<string, ReportDimension[][]>();
  for (const dims of sets) {
    const cells = setKey(dims.filter((d) => CELL_DIMS.has(d)));
    groups.set(cells, [...(groups.get(cells) ?? []), dims]);
  }
  const parts = [...groups.entries()].map(([cells, list]) => {
    const kept = new Set(list.flat());
    const cellDims = cells ? (cells.split(',') as ReportDimension[]) : [];
    const cols = q.by.map((d, i) => (kept.has(d) ? sql.raw(`d${i}`) : sql`null::text as ${sql.raw(`d${i}`)}`));
    const distinctCols = q.by.flatMap((d, i) => (kept.has(d) ? [sql.raw(`d${i}`)] : []));
    const grouped = list.length === 1 && list[0]!.length === cellDims.length;
    return sql`select ${sql.join([...cols, sql`count(*)::float8 as value`], sql`, `)}
          from (select distinct ${sql.join([sql`beneficiary_id`, ...distinctCols], sql`, `)} from x) as d
          ${grouped ? (cellDims.length ? sql`group by ${sql.join(cellDims.map((d) => sql.raw(`d${q.by.indexOf(d)}`)), sql`, `)}` : sql``) : sql`group by grouping sets (${groupingSets(q.by, list)})`}`;
  });
  return sql<Record<string, unknown>>`
        with f as materialized (
          select f.beneficiary_id, f.org_unit_id, f.program, f.year, f.months & ${maskOf(span, 'f')} as months, f.sex, f.birth_year
          from report_person_fact f
          join org_unit ou on ou.organisation_id = f.organisation_id and ou.id = f.org_unit_id
          where ${inScopeOf('f', 'ou', slot)}
          ${reachSlot !== null ? sql`and f.beneficiary_id in (select r.beneficiary_id from report_person_fact r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id where ${inScopeOf('r', 'rou', reachSlot)})` : sql``}
        ),
        fy as (select beneficiary_id, min(year)::int as first_year from f group by beneficiary_id),
        x as materialized (
          select ${sql.join([sql`f.beneficiary_id`, ...q.by.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`)], sql`, `)}
          from f
          join org_unit ou on ou.organisation_id = ${organisationId} and ou.id = f.org_unit_id
          ${ancestorJoin(q, sql`ou.organisation_id`, used)}
          ${needsPerson ? sql`join beneficiary b on b.organisation_id = ${organisationId} and b.id = f.beneficiary_id` : sql``}
          ${used.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          ${used.has('period') ? sql`cross join lateral (select make_date(f.year, m, 1) as service_date from generate_series(1, 12) as m where f.months & (1 << (m - 1)) <> 0) as s` : sql``}
          ${used.has('age_band') && !singleYear ? sql`join fy on fy.beneficiary_id = f.beneficiary_id` : sql``}
          where ${sql.join([sql`true`, ...userFiltersOn(q, expr)], sql` and `)}
        )
        ${sql.join(parts, sql` union all `)}`;
}

/** Counts and sums of every set from the monthly roll-up (additive: one grouping-sets query). */
export function rollupQuery(ctx: ReportSqlContext, span: MonthSpan, sets: readonly ReportDimension[][], measure: Extract<BaseMeasure, { kind: 'count_services' | 'sum_quantity' }>): RawBuilder<Record<string, unknown>> {
  const { q, organisationId, bands } = ctx;
  const used = dimensionsUsed(q);
  const expr = (d: ReportDimension) => dimensionExpr(d, q, bands);
  const cols = q.by.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`);
  return sql<Record<string, unknown>>`
        select ${sql.join([...q.by.map((_, i) => sql.raw(`d${i}`)), sql`sum(v)::float8 as value`], sql`, `)}
        from (
          select ${sql.join([...cols, measure.kind === 'count_services' ? sql`s.services as v` : sql`s.quantity as v`], sql`, `)}
          from (select r.*, r.month as service_date from report_service_month r
                where r.organisation_id = ${organisationId} and r.program = ${q.program} and r.month between ${span.fromMonth}::date and ${span.toMonth}::date) as s
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          ${used.has('site') ? sql`left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id` : sql``}
          ${used.has('worker') ? sql`left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id` : sql``}
          ${ancestorJoin(q, sql`s.organisation_id`, used)}
          where ${sql.join([filterSql(ctx, measure.filter), scopeOn(ctx.scope, 's', 'ou'), ...userFiltersOn(q, expr)], sql` and `)}
        ) as z
        ${q.by.length ? sql`group by grouping sets (${groupingSets(q.by, sets)})` : sql``}
        ${q.by.length ? sql`` : sql`having count(*) > 0`}`;
}

/**
 * Values of a measure read from a set of items `x` — columns `on_date`, `org_unit_id`, `program`,
 * the dimensions of `own` and those `carry` names — for one grouping set: each item in its unit,
 * the report's program, scope and filters, then `value` by the dimensions (rows of `d<i>` and
 * `value`). Cascades and referrals are counted this way (`cascade-report.sql.ts`, `referral-report.sql.ts`).
 */
export function itemsQuery(
  ctx: ReportSqlContext,
  items: RawBuilder<unknown>,
  dims: readonly ReportDimension[],
  m: { own: ReadonlySet<ReportDimension>; carry: readonly string[]; value: RawBuilder<unknown>; onlyWithItems?: boolean },
): RawBuilder<Record<string, string | number>> {
  const { q, organisationId } = ctx;
  const needs = dimensionsUsed({ by: [...dims], filters: q.filters });
  const expr = (d: ReportDimension): RawBuilder<string> => {
    if (d === 'period') return periodExpr(q, sql`x.on_date`);
    if (d === 'org_unit') return q.orgUnitLevel ? sql`coalesce(anc.code, ou.code)` : sql`ou.code`;
    return m.own.has(d) ? sql`coalesce(${sql.ref(`x.${d}`)}::text, '')` : sql`''`; // reportIssues refuses the others
  };
  const groupCols = dims.map((_, i) => sql.raw(`d${i}`));
  return sql<Record<string, string | number>>`
        with x as (${items}),
        y as (
          select ${sql.join([...m.carry.map((c) => sql.ref(`x.${c}`)), ...dims.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`)], sql`, `)}
          from x
          join org_unit ou on ou.organisation_id = ${organisationId} and ou.id = x.org_unit_id
          ${ancestorJoin(q, sql`ou.organisation_id`, needs)}
          where x.program = ${q.program} and ${scopeOn(ctx.scope, 'x', 'ou')}
            ${sql.join(userFiltersOn(q, expr).map((f) => sql`and ${f}`), sql` `)}
        )
        select ${dims.length ? sql`${sql.join(groupCols, sql`, `)}, ` : sql``}${m.value} as value
        from y
        ${dims.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``}
        ${m.onlyWithItems ? sql`having count(*) > 0` : sql``}`;
}
