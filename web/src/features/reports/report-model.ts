import { isOfGrain, parsePeriod, type Measure, type ProgramCode, type ReferralStat, type ReportDimension } from '@relais/core';
import type { IndicatorInfo } from '../../api/indicators.ts';
import type { ReportRequest, ReportRowData } from '../../api/endpoints.ts';

/** The value of a dimension in a total row: all its values. */
export const ALL = '*';

/** Indicators of the performance framework by default: the program's main ones. */
export function mainIndicatorsOf(program: ProgramCode): string[] {
  return program === 'prev_ps' || program === 'prev_hsh'
    ? ['reached', 'tested_known_result', 'positive', 'testing_rate', 'condoms_distributed', 'lubricant_distributed']
    : ['services_delivered', 'beneficiaries_served'];
}

/** Is this indicator a ratio (a fraction 0–1, shown as a percentage)? */
export function isRatio(indicators: readonly IndicatorInfo[], code: string): boolean {
  return indicators.find((i) => i.code === code)?.measure?.kind === 'ratio';
}

/** The value of a dimension in a row (`*` for a total). The period total carries the query's period. */
export function valueIn(row: ReportRowData, dim: ReportDimension, query: ReportRequest): string {
  if (dim === 'period') return row.period === query.period && !isOfGrain(query.period, query.grain) ? ALL : row.period;
  const v = row[dim];
  return v === undefined || v === null ? '' : String(v);
}

/** The rows of a report, found by indicator and dimension values (`*` for totals). */
export interface ReportIndex {
  get: (indicator: string, values: Partial<Record<ReportDimension, string>>) => ReportRowData | undefined;
  /** The values of a dimension (no `*`), unordered. */
  values: (dim: ReportDimension) => string[];
  /** Does any row carry a target? */
  hasTargets: (indicator: string) => boolean;
}

export function indexReport(rows: readonly ReportRowData[], query: ReportRequest): ReportIndex {
  const keyOf = (indicator: string, parts: readonly string[]) => [indicator, ...parts].join('\u0000');
  const byKey = new Map<string, ReportRowData>();
  for (const row of rows) {
    const parts = query.by.map((d) => (d === 'period' ? row.period : valueIn(row, d, query)));
    const key = keyOf(row.indicator, parts);
    // The first row wins: with a single sub-period the cell and its total are the same number.
    if (!byKey.has(key)) byKey.set(key, row);
  }
  return {
    get: (indicator, values) =>
      byKey.get(
        keyOf(
          indicator,
          query.by.map((d) => {
            const v = values[d] ?? ALL;
            return d === 'period' && v === ALL ? query.period : v;
          }),
        ),
      ),
    values: (dim) => {
      const out = new Set<string>();
      for (const row of rows) {
        const v = dim === 'period' ? row.period : valueIn(row, dim, query);
        if (dim === 'period' ? isOfGrain(v, query.grain) : v !== ALL) out.add(v);
      }
      return [...out];
    },
    hasTargets: (indicator) => rows.some((r) => r.indicator === indicator && r.target !== null),
  };
}

/** The service filters a cell maps to (its drill-down), or null when one of its dimensions does not map. */
export interface DrillTarget {
  program: ProgramCode;
  from: string;
  to: string;
  orgUnitCode: string | null;
  service: string | null;
  indicator: string;
}

/** Dimensions a services list can filter on (unit, service, dates). */
const drillable = new Set<ReportDimension>(['org_unit', 'service', 'period']);

export function drillTargetOf(query: ReportRequest, indicator: string, cell: Partial<Record<ReportDimension, string>>): DrillTarget | null {
  const MANY = '\u0000';
  /** The cell's value of a dimension; else the only value of its filter; null when unconstrained. */
  const value = (d: ReportDimension): string | null => {
    const v = cell[d];
    if (v !== undefined && v !== ALL) return v;
    const filter = query.filters[d];
    if (!filter) return null;
    return filter.length === 1 ? (filter[0] ?? null) : MANY;
  };
  const dims = new Set<ReportDimension>([...query.by, ...(Object.keys(query.filters) as ReportDimension[])]);
  const picked: Partial<Record<ReportDimension, string>> = {};
  for (const d of dims) {
    const v = value(d);
    if (v === null) continue;
    // A filter with several values, or a dimension the services list cannot filter on.
    if (v === MANY || !drillable.has(d)) return null;
    picked[d] = v;
  }
  let period = parsePeriod(query.period);
  if (picked.period) {
    const sub = parsePeriod(picked.period);
    if (!sub || !period) return null;
    // A sub-period may start before or end after a custom range: keep the intersection.
    period = { code: picked.period, from: sub.from > period.from ? sub.from : period.from, to: sub.to < period.to ? sub.to : period.to };
  }
  if (!period) return null;
  return { program: query.program, from: period.from, to: period.to, orgUnitCode: picked.org_unit ?? null, service: picked.service ?? null, indicator };
}

/** The services an indicator counts (`reach` resolved by the caller), and the field values it keeps. */
export function measureFilterOf(indicators: readonly IndicatorInfo[], code: string, depth = 0): Extract<Measure, { filter: unknown }>['filter'] | null {
  const measure = indicators.find((i) => i.code === code)?.measure;
  if (!measure || depth > 3) return null;
  if (measure.kind === 'ratio') return measureFilterOf(indicators, measure.numerator, depth + 1);
  if (measure.kind === 'distinct_persons_full_paquet') return {};
  // Cases, trainings, disclosures and referrals are not services: no list of services behind their counts.
  if (measure.kind === 'count_cases' || measure.kind === 'count_cascade' || measure.kind === 'referral_stat' || measure.kind === 'harm_reduction_stat') return null;
  return measure.filter;
}

/** The referral statistic behind an indicator (a ratio: its numerator's), or null when it counts no referrals. */
export function referralStatOf(indicators: readonly IndicatorInfo[], code: string, depth = 0): ReferralStat | null {
  const measure = indicators.find((i) => i.code === code)?.measure;
  if (!measure || depth > 3) return null;
  if (measure.kind === 'ratio') return referralStatOf(indicators, measure.numerator, depth + 1);
  return measure.kind === 'referral_stat' ? measure.stat : null;
}
