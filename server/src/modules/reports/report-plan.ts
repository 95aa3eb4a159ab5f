import { appliesToProgram, isLiveOnlyFilter, measureDimensions, reportDimensions, type FieldIssue, type IndicatorDefinition, type Measure, type ProgramServiceSettings, type ReportDimension, type ReportQuery } from '@relais/core';
import { CELL_SEPARATOR } from './report-cells.ts';
import { REACH_SLOT, reportRules, reportSlots, ruleKey, type ReportRule } from './report-rules.ts';

/**
 * The report planner: pure. For each indicator of a report it chooses where its numbers come
 * from — the person facts, the monthly services roll-up, or the services themselves (live) —
 * from the query, the indicator definitions, the program and the stored rules (ADR 0010).
 * The SQL of each source is in `report.sql.ts`; the engine runs the plan.
 */

/** A measure that is not a ratio (a ratio is computed from two of them). */
export type BaseMeasure = Exclude<Measure, { kind: 'ratio' }>;
/** A measure over services (not cases). */
export type ServiceMeasure = Exclude<BaseMeasure, { kind: 'count_cases' | 'count_cascade' | 'referral_stat' | 'harm_reduction_stat' }>;

/** Dimensions the person facts can break a distinct count down by (the rest need the services). */
export const PERSON_FACT_DIMS: ReadonlySet<ReportDimension> = new Set(['period', 'org_unit', 'program', 'population', 'sex', 'age_band', 'marital_status', 'schooling', 'housing', 'occupation']);
/** Of those, the ones a person may have several values of in one report (the others are hers alone). */
export const CELL_DIMS: ReadonlySet<ReportDimension> = new Set(['period', 'org_unit', 'population']);
/** Dimensions the monthly services roll-up can break counts and sums down by. */
export const ROLLUP_DIMS: ReadonlySet<ReportDimension> = new Set(['period', 'org_unit', 'site', 'program', 'worker', 'modality', 'strategy', 'service', 'kind', 'result']);

/** A period made of whole months, as the months of each year it covers (a 12-bit mask per year). */
export interface MonthSpan {
  fromMonth: string;
  toMonth: string;
  years: Array<{ year: number; mask: number }>;
}

/** A period made of whole months, as the months (12-bit masks) of each year it covers; null otherwise. */
export function monthSpan(from: string, to: string): MonthSpan | null {
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

/** Every subset of the requested dimensions, the cells first, the grand total (no dimension) last. */
export function groupingSetsOf(by: readonly ReportDimension[]): ReportDimension[][] {
  const sets: ReportDimension[][] = [];
  for (let mask = (1 << by.length) - 1; mask >= 0; mask--) sets.push(by.filter((_, i) => mask & (1 << i)));
  return sets;
}

/** The key of a grouping set. */
export const setKey = (dims: readonly ReportDimension[]) => dims.join(',');

/** The dimensions a query reads: its breakdown and its filters. */
export function dimensionsUsed(q: Pick<ReportQuery, 'by' | 'filters'>): Set<ReportDimension> {
  return new Set<ReportDimension>([...q.by, ...(Object.keys(q.filters) as ReportDimension[])]);
}

/** Where one indicator's numbers come from. */
export type IndicatorSource =
  /** The person facts of `slot`; with `reachSlot`, only persons also in the reach's facts (`amongReached`). */
  | { from: 'facts'; slot: number; reachSlot: number | null }
  /** The monthly roll-up of services (counts and sums). */
  | { from: 'rollup' }
  /** The services, one query per grouping set. */
  | { from: 'live' }
  /** The case files (a case measure), one query per grouping set. */
  | { from: 'cases' }
  /** Trainings, cascade sessions and disclosures (a cascade measure), one query per grouping set. */
  | { from: 'cascade' }
  /** Referrals sent or received (a referral statistic), one query per grouping set. */
  | { from: 'referrals' }
  /** Anonymous tallies with the services, and the OST register (a harm-reduction statistic), one query per grouping set. */
  | { from: 'harm_reduction' };

export interface ReportPlan {
  /** The period's months, when it is made of whole months and the facts may be read (else null: live). */
  span: MonthSpan | null;
  /** The grouping sets, cells first. */
  sets: ReportDimension[][];
  /** The source of each non-ratio indicator of the definitions, by code. */
  sourceOf(code: string): IndicatorSource;
}

/**
 * The slots of the person facts that may be read: those whose stored, built rules are exactly
 * the rules the definitions give for the program (else the facts follow other definitions).
 */
export function validSlots(expected: readonly ReportRule[], stored: readonly ReportRule[]): Set<number> {
  return new Set(
    [...new Set(expected.map((r) => r.slot))].filter(
      (slot) => expected.filter((r) => r.slot === slot).map(ruleKey).join() === stored.filter((r) => r.slot === slot).map(ruleKey).join(),
    ),
  );
}

/**
 * Plans a report. `storedRules`: the program's built rules (`readyOnly`); `source: 'live'`
 * reads the services for everything (the reference the facts are tested against).
 */
export function planReport(input: {
  q: Pick<ReportQuery, 'program' | 'by' | 'filters'>;
  period: { from: string; to: string };
  indicators: readonly IndicatorDefinition[];
  program: ProgramServiceSettings | undefined;
  storedRules: readonly ReportRule[];
  source?: 'auto' | 'live';
}): ReportPlan {
  const { q, indicators, program } = input;
  const span = input.source === 'live' ? null : monthSpan(input.period.from, input.period.to);
  const used = dimensionsUsed(q);
  const slots = reportSlots(indicators);
  const expected = span && program ? reportRules(indicators, { [q.program]: program }) : [];
  const valid = validSlots(expected, span ? input.storedRules : []);
  /** The slot of an indicator whose facts follow its definition. */
  const slotOf = (code: string) => {
    const slot = slots.get(code);
    return slot !== undefined && valid.has(slot) ? slot : undefined;
  };
  const byCode = new Map(indicators.map((i) => [i.code, i]));

  const sourceOf = (code: string): IndicatorSource => {
    const measure = byCode.get(code)?.measure;
    if (measure?.kind === 'count_cases') return { from: 'cases' };
    if (measure?.kind === 'count_cascade') return { from: 'cascade' };
    if (measure?.kind === 'referral_stat') return { from: 'referrals' };
    if (measure?.kind === 'harm_reduction_stat') return { from: 'harm_reduction' };
    // The facts and the roll-up know nothing of cases: a filter that reads the service's case is read live.
    if (!span || !measure || measure.kind === 'ratio' || ('filter' in measure && isLiveOnlyFilter(measure.filter))) return { from: 'live' };
    if (measure.kind === 'distinct_persons' || measure.kind === 'distinct_persons_full_paquet') {
      const amongReached = measure.kind === 'distinct_persons' && measure.filter.amongReached === true;
      const reachSlot = amongReached ? slotOf(REACH_SLOT) : undefined;
      const slot = slotOf(code);
      const fits = [...used].every((d) => PERSON_FACT_DIMS.has(d));
      return fits && (!amongReached || reachSlot !== undefined) && slot !== undefined ? { from: 'facts', slot, reachSlot: reachSlot ?? null } : { from: 'live' };
    }
    return !measure.filter.amongReached && [...used].every((d) => ROLLUP_DIMS.has(d)) ? { from: 'rollup' } : { from: 'live' };
  };
  return { span, sets: groupingSetsOf(q.by), sourceOf };
}

/** The base measures a measure is made of (a ratio: its two parts). */
function partsOf(code: string, byCode: ReadonlyMap<string, IndicatorDefinition>, depth = 0): BaseMeasure[] {
  const measure = byCode.get(code)?.measure;
  if (!measure) return [];
  if (measure.kind !== 'ratio') return [measure];
  return depth > 2 ? [] : [...partsOf(measure.numerator, byCode, depth + 1), ...partsOf(measure.denominator, byCode, depth + 1)];
}

/**
 * What a report cannot answer, before anything is read: an unknown indicator, one meant for
 * other programs (`programs`), a dimension one of its measures does not have (core
 * `measureDimensions`: a case measure has no site, worker or service; a cascade measure has only
 * period, unit, program, sex, age group and audience; a service measure has no audience).
 */
export function reportIssues(q: Pick<ReportQuery, 'program' | 'indicators' | 'by' | 'filters'>, indicators: readonly IndicatorDefinition[]): FieldIssue[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const issues: FieldIssue[] = [];
  let allowed: ReportDimension[] = [...reportDimensions];
  q.indicators.forEach((code, i) => {
    const def = byCode.get(code);
    if (!def || !appliesToProgram(def, q.program)) issues.push({ field: `indicators.${i}`, code: 'invalid_choice' });
    else for (const m of partsOf(code, byCode)) allowed = allowed.filter((d) => measureDimensions(m).has(d));
  });
  const list = allowed.join(', ');
  q.by.forEach((d, i) => {
    if (!allowed.includes(d)) issues.push({ field: `by.${i}`, code: 'unknown_dimension', params: { value: d, allowed: list } });
  });
  for (const d of Object.keys(q.filters) as ReportDimension[]) {
    if (!allowed.includes(d)) issues.push({ field: `filters.${d}`, code: 'unknown_dimension', params: { value: d, allowed: list } });
  }
  return issues;
}

/** Splits the rows of one grouping-sets query into the cells of each set (a null dimension is rolled up). */
export function collectSets(by: readonly ReportDimension[], sets: readonly ReportDimension[][], rows: ReadonlyArray<Record<string, unknown>>): Map<string, Map<string, number>> {
  const out = new Map(sets.map((dims) => [setKey(dims), new Map<string, number>()]));
  for (const r of rows) {
    const dims = by.filter((_, i) => r[`d${i}`] !== null);
    out.get(setKey(dims))?.set(dims.map((d) => String(r[`d${by.indexOf(d)}`])).join(CELL_SEPARATOR), Number(r.value));
  }
  return out;
}
