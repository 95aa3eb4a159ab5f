import { sql, type RawBuilder } from 'kysely';
import {
  DomainError,
  defaultAgeBands,
  defaultIndicators,
  parsePeriod,
  type AgeBand,
  type IndicatorDefinition,
  type Measure,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
  type ServiceFilter,
} from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';
import { loadProgramServices } from '../capture/catalogue.service.ts';

/** Which services the reader may count: subtrees with the programs of each (null = all). */
export type ReportScope = Array<{ path: string; programs: string[] | null }> | 'organisation';

const ALL = '*';

/**
 * The report engine: the same for the API, the screens and `relais report`.
 * Reads services live (no overnight tables). For each indicator and each
 * subset of the requested dimensions it runs one exact query: a total is the
 * distinct count over all cells, never their sum (docs/indicators.md).
 */
export function createReportEngine(db: Queryable) {
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
      case 'age_band': {
        const age = sql`(extract(year from first_date)::int - b.birth_year)`;
        const cases = bands.map(
          (band) =>
            sql`when ${band.min !== undefined ? sql`${age} >= ${band.min}` : sql`true`} and ${band.max !== undefined ? sql`${age} <= ${band.max}` : sql`true`} then ${band.code}`,
        );
        return sql`(case when b.birth_year is null then 'unknown' ${sql.join(cases, sql` `)} else 'unknown' end)`;
      }
      case 'worker':
        return sql`w.username`;
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

  async function run(organisationId: string, scope: ReportScope, q: ReportQuery, indicators: readonly IndicatorDefinition[] = defaultIndicators): Promise<ReportRow[]> {
    const period = parsePeriod(q.period);
    if (!period) throw new DomainError('validation_failed', { fields: [{ field: 'period', code: 'invalid_format' }] });
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
      const filter = measure.kind === 'distinct_persons_full_paquet' ? sql`true` : filterSql(measure.filter);
      const value =
        measure.kind === 'count_services'
          ? sql`count(distinct id)::float8`
          : measure.kind === 'sum_quantity'
            ? sql`coalesce(sum(quantity), 0)::float8`
            : sql`count(distinct beneficiary_id)::float8`;
      const paquet = [...(program?.paquetMinimum ?? [])];
      const fullPaquet =
        measure.kind === 'distinct_persons_full_paquet'
          ? paquet.length
            ? sql`and contact_id in (select contact_id from base group by contact_id having count(distinct service) filter (where service = any(${paquet}::text[])) = ${paquet.length})`
            : sql`and false`
          : sql``;
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
          select s.id, s.quantity, s.beneficiary_id, s.contact_id, s.service${dimCols.length ? sql`, ` : sql``}${sql.join(dimCols.length ? dimCols : [sql``], sql`, `)}
          from qualifying s
          join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
          join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
          ${needs.has('site') ? sql`left join org_unit site on site.organisation_id = s.organisation_id and site.id = s.site_id` : sql``}
          ${needs.has('worker') ? sql`join app_user w on w.organisation_id = s.organisation_id and w.id = s.worker_id` : sql``}
          ${needs.has('org_unit') && q.orgUnitLevel ? sql`left join org_unit anc on anc.organisation_id = s.organisation_id and anc.level = ${q.orgUnitLevel} and ou.path like anc.path || '%'` : sql``}
          ${needs.has('population') ? sql`cross join lateral unnest(b.populations) as pop(code)` : sql``}
          where ${userFilters.length ? sql.join(userFilters, sql` and `) : sql`true`}
        )
        select ${dims.length ? sql`${sql.join(groupCols, sql`, `)}, ` : sql``}${value} as value
        from ${source}
        where true ${fullPaquet}
        ${dims.length ? sql`group by ${sql.join(groupCols, sql`, `)}` : sql``}`.execute(db);
      const out = new Map<string, number>();
      for (const r of rows.rows) out.set(dims.map((_, i) => String(r[`d${i}`])).join('\u0000'), Number(r.value));
      return out;
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
        for (const [cell, d] of den) if (d > 0) result.set(cell, Math.round(((num.get(cell) ?? 0) / d) * 10_000) / 10_000);
      } else result = await aggregate(def.measure, dims);
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

    const rows: ReportRow[] = [];
    for (const code of q.indicators) {
      const isCount = byCode.get(code)!.measure.kind !== 'ratio';
      for (const dims of sets) {
        const values = await valuesOf(code, dims);
        const cells: Array<[string, number | null]> = [...values.entries()].sort(([a], [b]) => a.localeCompare(b));
        // The grand total always has a row: 0 for a count, no value for a ratio with nothing to divide.
        if (dims.length === 0 && cells.length === 0) cells.push(['', isCount ? 0 : null]);
        for (const [cell, value] of cells) {
          const parts = cell.split('\u0000');
          const row: ReportRow = { indicator: code, period: q.period, value, target: null, gap: null, achievement: null };
          for (const d of q.by) if (d !== 'period') row[d] = dims.includes(d) ? parts[dims.indexOf(d)]! : ALL;
          if (dims.includes('period')) row.period = parts[dims.indexOf('period')]!;
          // A target is set per indicator × program × unit × period: it applies to cells broken down by nothing else.
          const others = dims.filter((d) => d !== 'org_unit' && d !== 'period');
          if (others.length === 0) {
            const unit = dims.includes('org_unit') ? row.org_unit : rootCode;
            const target = targets.find((t) => t.indicator === code && t.period === String(row.period) && t.code === unit);
            if (target) {
              row.target = Number(target.value);
              row.gap = value === null ? null : Math.round((row.target - value) * 10_000) / 10_000;
              row.achievement = row.target > 0 && value !== null ? Math.round((value / row.target) * 10_000) / 10_000 : null;
            }
          }
          if (q.suppressBelow && isCount && value !== null && value > 0 && value < q.suppressBelow) {
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
