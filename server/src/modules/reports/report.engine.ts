import { sql, type RawBuilder } from 'kysely';
import {
  DomainError,
  formatIssue,
  defaultAgeBands,
  catalogueOf,
  parsePeriod,
  serviceDefinitions,
  subPeriodsOf,
  type AgeBand,
  type IndicatorDefinition,
  type Measure,
  type ProgramServiceSettings,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
  type ServiceFilter,
} from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';
import { REACH_SLOT, reportRules, reportSlots, ruleKey } from './report-rules.ts';
import { loadRules } from './report-facts.repository.ts';
import { loadIndicators } from './indicators.repository.ts';
import { findReportSites, findReportUnits, findReportWorkers } from './report-catalogue.repository.ts';
import { CELL_SEPARATOR, cellsOf } from './report-cells.ts';
import { loadProgramServices, loadRegistrySettings } from '../settings/index.ts';

/** A number as reports give it: four decimals at most, rounded once, at the edge. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Which services the reader may count: subtrees with the programs of each (null = all). */
export type ReportScope = Array<{ path: string; programs: string[] | null }> | 'organisation';

const ALL = '*';

/** Dimensions the person facts can break a distinct count down by (the rest need the services). */
const PERSON_FACT_DIMS = new Set<ReportDimension>(['period', 'org_unit', 'program', 'population', 'sex', 'age_band', 'marital_status', 'schooling', 'housing', 'occupation']);
/** Of those, the ones a person may have several values of in one report (the others are hers alone). */
const CELL_DIMS = new Set<ReportDimension>(['period', 'org_unit', 'population']);
/** Dimensions the monthly services roll-up can break counts and sums down by. */
const ROLLUP_DIMS = new Set<ReportDimension>(['period', 'org_unit', 'site', 'program', 'worker', 'modality', 'strategy', 'service', 'kind', 'result']);

/** The age band of a person from a year and her birth year (service year − birth year). */
function ageBandExpr(year: RawBuilder<unknown>, birthYear: RawBuilder<unknown>, bands: readonly AgeBand[]): RawBuilder<string> {
  const age = sql`(${year} - ${birthYear})`;
  const cases = bands.map(
    (band) => sql`when ${band.min !== undefined ? sql`${age} >= ${band.min}` : sql`true`} and ${band.max !== undefined ? sql`${age} <= ${band.max}` : sql`true`} then ${band.code}`,
  );
  return sql`(case when ${birthYear} is null then 'unknown' ${sql.join(cases, sql` `)} else 'unknown' end)`;
}

/** A period made of whole months, as the months (12-bit masks) of each year it covers; null otherwise. */
export function monthSpan(from: string, to: string): { fromMonth: string; toMonth: string; years: Array<{ year: number; mask: number }> } | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (fd !== 1 || td !== new Date(Date.UTC(ty, tm, 0)).getUTCDate()) return null;
  const years: Array<{ year: number; mask: number }> = [];
  for (let y = fy; y <= ty; y++) {
    const first = y === fy ? fm : 1;
    const last = y === ty ? tm : 12;
    let mask = 0;
    for (let m = first; m <= last; m++) mask |= 1 << (m - 1);
    years.push({ year: y, mask });
  }
  return { fromMonth: `${from.slice(0, 7)}-01`, toMonth: `${to.slice(0, 7)}-01`, years };
}

export interface ReportEngineOptions {
  /** `live` reads the services for everything (the reference the facts are tested against). */
  source?: 'auto' | 'live';
}

/**
 * The report engine: the same for the API, the screens and `relais report`.
 * Live (no overnight tables): it reads the report facts the triggers keep in the
 * transaction of every write (ADR 0010) — all the grouping sets of an indicator in one
 * query — or, for what the facts cannot answer, the services themselves, one exact
 * query per grouping set. Either way a total is the distinct count over all cells,
 * never their sum (docs/indicators.md).
 */
export function createReportEngine(db: Queryable, options: ReportEngineOptions = {}) {
  function dimensionExpr(d: ReportDimension, q: ReportQuery, bands: readonly AgeBand[]): RawBuilder<string> {
    switch (d) {
      case 'period':
        return q.grain === 'year'
          ? sql`to_char(s.service_date, 'YYYY')`
          : q.grain === 'semester'
            ? sql`to_char(s.service_date, 'YYYY') || '-S' || (case when extract(month from s.service_date) <= 6 then 1 else 2 end)::text`
            : q.grain === 'quarter'
              ? sql`to_char(s.service_date, 'YYYY') || '-Q' || extract(quarter from s.service_date)::int::text`
              : sql`to_char(s.service_date, 'YYYY-MM')`;
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
    }
  }

  /**
   * The values a report lists for each of its dimensions, in report order (docs/indicators.md,
   * "Zero cells"): catalogue codes, the program's services and their fields, the organisation's
   * populations, the periods of the grain, the units, sites and workers in the reader's scope —
   * narrowed by the query's filters. `units`: every unit in scope a target may be shown on.
   */
  async function listedValues(organisationId: string, scope: ReportScope, q: ReportQuery, program: ProgramServiceSettings | undefined) {
    const paths = scope === 'organisation' ? null : scope.filter((p) => p.programs === null || p.programs.includes(q.program)).map((p) => p.path);
    const values = new Map<ReportDimension, readonly string[]>();
    let units = new Set<string>();
    const fieldValues = (field: 'result' | 'strategy' | 'modality' | 'kind') => {
      const used = new Set((program?.services ?? []).flatMap((s) => serviceDefinitions[s]?.[field] ?? []));
      return (catalogueOf(field) ?? []).filter((v) => used.has(v));
    };
    for (const d of q.by) {
      let list: readonly string[];
      switch (d) {
        case 'period':
          list = subPeriodsOf(q.period, q.grain) ?? [];
          break;
        case 'program':
          list = [q.program];
          break;
        case 'age_band':
          list = defaultAgeBands.map((b) => b.code);
          break;
        case 'population':
          list = (await loadRegistrySettings(db, organisationId)).populations;
          break;
        case 'service':
          list = program?.services ?? [];
          break;
        case 'result':
        case 'strategy':
        case 'modality':
        case 'kind':
          list = fieldValues(d);
          break;
        case 'org_unit': {
          const found = await findReportUnits(db, organisationId, paths, q.orgUnitLevel);
          units = new Set(found.map((u) => u.code).filter((c) => !q.filters.org_unit || q.filters.org_unit.includes(c)));
          list = found.filter((u) => u.active).map((u) => u.code);
          break;
        }
        case 'site':
          list = await findReportSites(db, organisationId, paths, q.filters.org_unit);
          break;
        case 'worker':
          list = await findReportWorkers(db, organisationId, q.program, paths, q.filters.org_unit);
          break;
        default:
          list = catalogueOf(d) ?? [];
      }
      const kept = q.filters[d];
      values.set(d, kept ? list.filter((v) => kept.includes(v)) : list);
    }
    return { values, units };
  }

  /** A report; `indicators` defaults to the organisation's (the defaults and its own). */
  async function run(organisationId: string, scope: ReportScope, q: ReportQuery, given?: readonly IndicatorDefinition[]): Promise<ReportRow[]> {
    const indicators = given ?? (await loadIndicators(db, organisationId));
    const period = parsePeriod(q.period);
    if (!period) throw new DomainError('validation_failed', { fields: [formatIssue('period', 'period')] });
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    q.indicators.forEach((code, i) => {
      if (!byCode.has(code)) throw new DomainError('validation_failed', { fields: [{ field: `indicators.${i}`, code: 'invalid_choice' }] });
    });
    const programs = await loadProgramServices(db, organisationId);
    const program = programs[q.program];
    const bands = defaultAgeBands;

    /** The reader's scope on a service (alias `s`) and its unit (alias `ou`). */
    const scopeOn = (s: string, ou: string) =>
      scope === 'organisation'
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
    const scopeSql = scopeOn('s', 'ou');

    const filterSql = (f: ServiceFilter): RawBuilder<unknown> => {
      const parts: RawBuilder<unknown>[] = [];
      const services = f.services === 'reach' ? [...(program?.reach ?? [])] : f.services ? [...f.services] : null;
      if (services) parts.push(sql`s.service = any(${services}::text[])`);
      for (const field of ['result', 'kind', 'strategy', 'modality'] as const) {
        const values = f[field];
        if (values) parts.push(sql`${sql.ref(`s.${field}`)} = any(${[...values]}::text[])`);
      }
      if (f.atPremises) parts.push(sql`(s.site_id is null and s.service <> 'outreach_contact' and coalesce(s.strategy, 'fixed') = 'fixed')`);
      if (f.amongReached) {
        parts.push(sql`s.beneficiary_id in (
          select r.beneficiary_id from service_event r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id
          where r.organisation_id = ${organisationId} and r.deleted_at is null and r.program = ${q.program}
            and r.service_date between ${period.from}::date and ${period.to}::date and r.service = any(${[...(program?.reach ?? [])]}::text[]) and ${scopeOn('r', 'rou')})`);
      }
      return parts.length ? sql.join(parts, sql` and `) : sql`true`;
    };

    /** Values of one (non-ratio) indicator for one grouping set. */
    const aggregate = async (measure: Exclude<Measure, { kind: 'ratio' }>, dims: ReportDimension[]): Promise<Map<string, number>> => {
      const needs = new Set<ReportDimension>([...dims, ...(Object.keys(q.filters) as ReportDimension[])]);
      const dimCols = dims.map((d, i) => sql`${dimensionExpr(d, q, bands)} as ${sql.raw(`d${i}`)}`);
      const userFilters = (Object.entries(q.filters) as [ReportDimension, string[]][]).map(([d, values]) => sql`${dimensionExpr(d, q, bands)} = any(${values}::text[])`);
      const paquet = [...(program?.paquetMinimum ?? [])];
      // A full-paquet contact: its services of one date at one unit hold the whole paquet minimum.
      const filter =
        measure.kind !== 'distinct_persons_full_paquet'
          ? filterSql(measure.filter)
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
      const rows = await sql<Record<string, string | number>>`
        with qualifying as (
          select s.*, b.birth_year, min(s.service_date) over (partition by s.beneficiary_id) as first_date
          from service_event s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          where s.organisation_id = ${organisationId} and s.deleted_at is null and s.program = ${q.program}
            and s.service_date between ${period.from}::date and ${period.to}::date
            and ${filter} and ${scopeSql}
        ),
        base as (
          select s.id, s.quantity, s.beneficiary_id, s.contact_id${dimCols.length ? sql`, ` : sql``}${sql.join(dimCols.length ? dimCols : [sql``], sql`, `)}
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          ${needs.has('site') ? sql`left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id` : sql``}
          ${needs.has('worker') ? sql`left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id` : sql``}
          ${needs.has('org_unit') && q.orgUnitLevel ? sql`left join org_unit anc on anc.organisation_id = s.organisation_id and anc.level = ${q.orgUnitLevel} and ou.path like anc.path || '%'` : sql``}
          ${needs.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          where ${userFilters.length ? sql.join(userFilters, sql` and `) : sql`true`}
        )
        select ${dims.length ? sql`${sql.join(groupCols, sql`, `)}, ` : sql``}${value} as value
        from ${source}
        ${dims.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``}`.execute(db);
      const out = new Map<string, number>();
      for (const r of rows.rows) out.set(dims.map((_, i) => String(r[`d${i}`])).join(CELL_SEPARATOR), Number(r.value));
      return out;
    };

    // ---- Facts (ADR 0010): the same numbers as `aggregate`, read from the tables the triggers keep.
    type SetValues = Map<string, Map<string, number>>;
    const setKey = (dims: readonly ReportDimension[]) => dims.join(',');
    const span = options.source === 'live' ? null : monthSpan(period.from, period.to);
    const used = new Set<ReportDimension>([...q.by, ...(Object.keys(q.filters) as ReportDimension[])]);
    // The stored rules must be the ones these definitions give, slot by slot (else: the services).
    const slots = reportSlots(indicators);
    const expectedRules = span && program ? reportRules(indicators, { [q.program]: program }) : [];
    const storedRules = span ? await loadRules(db, organisationId, q.program, { readyOnly: true }) : [];
    const validSlots = new Set(
      [...new Set(expectedRules.map((r) => r.slot))].filter(
        (slot) => expectedRules.filter((r) => r.slot === slot).map(ruleKey).join() === storedRules.filter((r) => r.slot === slot).map(ruleKey).join(),
      ),
    );
    /** The slot of an indicator whose facts follow its definition. */
    const slotOf = (code: string) => (validSlots.has(slots.get(code) ?? -1) ? slots.get(code) : undefined);

    const sourceOf = (code: string, measure: Exclude<Measure, { kind: 'ratio' }>): 'facts' | 'rollup' | 'live' => {
      if (!span) return 'live';
      if (measure.kind === 'distinct_persons' || measure.kind === 'distinct_persons_full_paquet') {
        const fits = [...used].every((d) => PERSON_FACT_DIMS.has(d));
        const reachOk = measure.kind === 'distinct_persons_full_paquet' || !measure.filter.amongReached || slotOf(REACH_SLOT) !== undefined;
        return fits && reachOk && slotOf(code) !== undefined ? 'facts' : 'live';
      }
      return !measure.filter.amongReached && [...used].every((d) => ROLLUP_DIMS.has(d)) ? 'rollup' : 'live';
    };

    /** Splits the rows of one grouping-sets query into the cells of each set (a null dimension is rolled up). */
    const collect = (rows: Array<Record<string, unknown>>): SetValues => {
      const out: SetValues = new Map(sets.map((dims) => [setKey(dims), new Map<string, number>()]));
      for (const r of rows) {
        const dims = q.by.filter((_, i) => r[`d${i}`] !== null);
        out.get(setKey(dims))?.set(dims.map((d) => String(r[`d${q.by.indexOf(d)}`])).join(CELL_SEPARATOR), Number(r.value));
      }
      return out;
    };
    const groupingSets = (list: ReportDimension[][]) =>
      sql.join(list.map((dims) => sql`(${sql.join(dims.map((d) => sql.raw(`d${q.by.indexOf(d)}`)), sql`, `)})`), sql`, `);
    const maskOf = (alias: string) =>
      sql`(case ${sql.ref(`${alias}.year`)} ${sql.join(span!.years.map((y) => sql`when ${y.year}::int then ${y.mask}::int`), sql` `)} else 0 end)`;
    const userFilterOn = (expr: (d: ReportDimension) => RawBuilder<string>) =>
      (Object.entries(q.filters) as [ReportDimension, string[]][]).map(([d, values]) => sql`${expr(d)} = any(${values}::text[])`);

    /** Distinct persons of every set from the person facts: per person, one row per cell. */
    const fromPersonFacts = async (code: string, amongReached: boolean): Promise<SetValues> => {
      const years = span!.years;
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
      const inScopeOf = (alias: string, unitAlias: string, slot: number) => sql`
        ${sql.ref(`${alias}.organisation_id`)} = ${organisationId} and ${sql.ref(`${alias}.program`)} = ${q.program} and ${sql.ref(`${alias}.slot`)} = ${slot}
        and ${sql.ref(`${alias}.year`)} between ${years[0]!.year} and ${years[years.length - 1]!.year}
        and (${sql.ref(`${alias}.months`)} & ${maskOf(alias)}) <> 0 and ${scopeOn(alias, unitAlias)}`;
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
          ${grouped ? (cellDims.length ? sql`group by ${sql.join(cellDims.map((d) => sql.raw(`d${q.by.indexOf(d)}`)), sql`, `)}` : sql``) : sql`group by grouping sets (${groupingSets(list)})`}`;
      });
      const rows = await sql<Record<string, unknown>>`
        with f as materialized (
          select f.beneficiary_id, f.org_unit_id, f.program, f.year, f.months & ${maskOf('f')} as months, f.sex, f.birth_year
          from report_person_fact f
          join org_unit ou on ou.organisation_id = f.organisation_id and ou.id = f.org_unit_id
          where ${inScopeOf('f', 'ou', slotOf(code)!)}
          ${amongReached ? sql`and f.beneficiary_id in (select r.beneficiary_id from report_person_fact r join org_unit rou on rou.organisation_id = r.organisation_id and rou.id = r.org_unit_id where ${inScopeOf('r', 'rou', slotOf(REACH_SLOT)!)})` : sql``}
        ),
        fy as (select beneficiary_id, min(year)::int as first_year from f group by beneficiary_id),
        x as materialized (
          select ${sql.join([sql`f.beneficiary_id`, ...q.by.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`)], sql`, `)}
          from f
          join org_unit ou on ou.organisation_id = ${organisationId} and ou.id = f.org_unit_id
          ${used.has('org_unit') && q.orgUnitLevel ? sql`left join org_unit anc on anc.organisation_id = ou.organisation_id and anc.level = ${q.orgUnitLevel} and ou.path like anc.path || '%'` : sql``}
          ${needsPerson ? sql`join beneficiary b on b.organisation_id = ${organisationId} and b.id = f.beneficiary_id` : sql``}
          ${used.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          ${used.has('period') ? sql`cross join lateral (select make_date(f.year, m, 1) as service_date from generate_series(1, 12) as m where f.months & (1 << (m - 1)) <> 0) as s` : sql``}
          ${used.has('age_band') && !singleYear ? sql`join fy on fy.beneficiary_id = f.beneficiary_id` : sql``}
          where ${sql.join([sql`true`, ...userFilterOn(expr)], sql` and `)}
        )
        ${sql.join(parts, sql` union all `)}`.execute(db);
      return collect(rows.rows);
    };

    /** Counts and sums of every set from the monthly roll-up (additive: one grouping-sets query). */
    const fromServiceRollup = async (measure: Extract<Measure, { kind: 'count_services' | 'sum_quantity' }>): Promise<SetValues> => {
      const expr = (d: ReportDimension) => dimensionExpr(d, q, bands);
      const cols = q.by.map((d, i) => sql`${expr(d)} as ${sql.raw(`d${i}`)}`);
      const rows = await sql<Record<string, unknown>>`
        select ${sql.join([...q.by.map((_, i) => sql.raw(`d${i}`)), sql`sum(v)::float8 as value`], sql`, `)}
        from (
          select ${sql.join([...cols, measure.kind === 'count_services' ? sql`s.services as v` : sql`s.quantity as v`], sql`, `)}
          from (select r.*, r.month as service_date from report_service_month r
                where r.organisation_id = ${organisationId} and r.program = ${q.program} and r.month between ${span!.fromMonth}::date and ${span!.toMonth}::date) as s
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          ${used.has('site') ? sql`left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id` : sql``}
          ${used.has('worker') ? sql`left join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id` : sql``}
          ${used.has('org_unit') && q.orgUnitLevel ? sql`left join org_unit anc on anc.organisation_id = s.organisation_id and anc.level = ${q.orgUnitLevel} and ou.path like anc.path || '%'` : sql``}
          where ${sql.join([filterSql(measure.filter), scopeSql, ...userFilterOn(expr)], sql` and `)}
        ) as z
        ${q.by.length ? sql`group by grouping sets (${groupingSets(sets)})` : sql``}
        ${q.by.length ? sql`` : sql`having count(*) > 0`}`.execute(db);
      return collect(rows.rows);
    };

    const batches = new Map<string, Promise<SetValues | null>>();
    /** All the sets of one indicator at once, from the facts; null when the facts cannot answer it. */
    const fromFacts = (code: string, measure: Exclude<Measure, { kind: 'ratio' }>): Promise<SetValues | null> => {
      if (!batches.has(code)) {
        const source = sourceOf(code, measure);
        batches.set(
          code,
          source === 'facts'
            ? fromPersonFacts(code, measure.kind === 'distinct_persons' && measure.filter.amongReached === true)
            : source === 'rollup' && (measure.kind === 'count_services' || measure.kind === 'sum_quantity')
              ? fromServiceRollup(measure)
              : Promise.resolve(null),
        );
      }
      return batches.get(code)!;
    };

    // Every subset of the requested dimensions: the cells, then the totals ('*').
    const sets: ReportDimension[][] = [];
    for (let mask = (1 << q.by.length) - 1; mask >= 0; mask--) sets.push(q.by.filter((_, i) => mask & (1 << i)));

    const cache = new Map<string, Map<string, number>>();
    const valuesOf = async (code: string, dims: ReportDimension[]): Promise<Map<string, number>> => {
      const key = `${code}|${dims.join(',')}`;
      if (cache.has(key)) return cache.get(key)!;
      const def = byCode.get(code);
      if (!def) throw new DomainError('validation_failed', { fields: [{ field: 'indicators', code: 'invalid_choice' }] });
      let result: Map<string, number>;
      if (def.measure.kind === 'ratio') {
        const [num, den] = await Promise.all([valuesOf(def.measure.numerator, dims), valuesOf(def.measure.denominator, dims)]);
        result = new Map();
        // Exact here; rounded once, on the row (so an achievement is not taken from a rounded rate).
        for (const [cell, d] of den) if (d > 0) result.set(cell, (num.get(cell) ?? 0) / d);
      } else result = (await fromFacts(code, def.measure))?.get(setKey(dims)) ?? (await aggregate(def.measure, dims));
      cache.set(key, result);
      return result;
    };

    const targets = await db
      .selectFrom('target as t')
      .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 't.organisation_id').onRef('ou.id', '=', 't.org_unit_id'))
      .select(['t.indicator', 't.period', 't.value', 'ou.code', 'ou.parent_id'])
      .where('t.organisation_id', '=', organisationId)
      .where('t.program', '=', q.program)
      .execute();
    const rootCode = targets.find((t) => t.parent_id === null)?.code;
    const listed = await listedValues(organisationId, scope, q, program);

    const rows: ReportRow[] = [];
    for (const code of q.indicators) {
      const isCount = byCode.get(code)!.measure.kind !== 'ratio';
      for (const dims of sets) {
        const values = await valuesOf(code, dims);
        // Every value of each dimension in scope is a row (0, or no value for a ratio), and so is each cell with a target.
        const targeted = dims.every((d) => d === 'org_unit' || d === 'period')
          ? targets
              .filter(
                (t) =>
                  t.indicator === code &&
                  (dims.includes('org_unit') ? listed.units.has(t.code) : t.code === rootCode) &&
                  (dims.includes('period') ? (listed.values.get('period') ?? []).includes(t.period) : t.period === q.period),
              )
              .map((t) => dims.map((d) => (d === 'org_unit' ? t.code : t.period)).join(CELL_SEPARATOR))
          : [];
        for (const cell of cellsOf(dims, listed.values, [...values.keys(), ...targeted])) {
          const parts = cell.split(CELL_SEPARATOR);
          const raw = values.get(cell) ?? (isCount ? 0 : null);
          const row: ReportRow = { indicator: code, period: q.period, value: raw === null ? null : round4(raw), target: null, gap: null, achievement: null };
          for (const d of q.by) if (d !== 'period') row[d] = dims.includes(d) ? parts[dims.indexOf(d)]! : ALL;
          if (dims.includes('period')) row.period = parts[dims.indexOf('period')]!;
          // A target is set per indicator × program × unit × period: it applies to cells broken down by nothing else.
          const others = dims.filter((d) => d !== 'org_unit' && d !== 'period');
          if (others.length === 0) {
            const unit = dims.includes('org_unit') ? row.org_unit : rootCode;
            const target = targets.find((t) => t.indicator === code && t.period === String(row.period) && t.code === unit);
            if (target) {
              row.target = Number(target.value);
              row.gap = raw === null ? null : round4(row.target - raw);
              row.achievement = row.target > 0 && raw !== null ? round4(raw / row.target) : null;
            }
          }
          if (q.suppressBelow && isCount && raw !== null && raw > 0 && raw < q.suppressBelow) {
            row.value = null;
            row.gap = null;
            row.achievement = null;
            row.suppressed = true;
          }
          rows.push(row);
        }
      }
    }
    return rows;
  }

  return { run };
}
export type ReportEngine = ReturnType<typeof createReportEngine>;
