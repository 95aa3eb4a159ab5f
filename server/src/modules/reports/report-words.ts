import {
  ageBandLabelKey,
  ALL_VALUES,
  UNKNOWN_AGE_BAND,
  hasKey,
  isOfGrain,
  sortDimensionValues,
  translate,
  type Locale,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
} from '@relais/core';

/** How an XLSX report is laid out: the screen's table (then the rows), or the rows alone. */
export type ReportLayout = 'performance' | 'pivot' | 'rows';

/** What a report file says besides its rows: names, which indicators are rates, who and when. */
export interface ReportFileContext {
  units?: ReadonlyMap<string, string>;
  indicators?: ReadonlyMap<string, string>;
  /** Codes of the ratio indicators (their values are percentages). */
  ratios?: ReadonlySet<string>;
  organisation?: string;
  layout?: ReportLayout;
  /** The day the file is made (YYYY-MM-DD), today by default. */
  generatedOn?: string;
}

/** The words of a report file in one language: heads, codes, periods. */
export function reportWords(locale: Locale, ctx: ReportFileContext) {
  const t = (key: string, fallback: string, params?: Record<string, string | number>) => (hasKey(key) ? translate(locale, key, params) : fallback);
  const units = ctx.units ?? new Map<string, string>();
  const prefixed = new Set<ReportDimension>(['sex', 'service', 'program', 'population', 'result', 'strategy', 'modality', 'kind', 'marital_status', 'schooling', 'housing', 'occupation', 'urgency']);
  const tag = locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-FR';
  const day = (iso: string) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const period = (code: string): string => {
    let m: RegExpMatchArray | null;
    if ((m = code.match(/^(\d{4})-S([12])$/))) return t('report.period.semester', code, { n: m[2]!, year: m[1]! });
    if ((m = code.match(/^(\d{4})-Q([1-4])$/))) return t('report.period.quarter', code, { n: m[2]!, year: m[1]! });
    if ((m = code.match(/^(\d{4})-(\d{2})$/))) return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
    if ((m = code.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) return t('report.period.range', code, { from: day(m[1]!), to: day(m[2]!) });
    return code;
  };
  /** A dimension value in words; `withCode` adds a unit's code after its name. */
  const value = (d: ReportDimension, v: string, withCode = false): string => {
    if (v === ALL_VALUES) return t('report.all', v);
    if (d === 'period') return period(v);
    if (v === '') return d === 'worker' ? t('worker.not_recorded', v) : t('report.not_recorded', v);
    if ((d === 'org_unit' || d === 'site') && units.has(v)) return withCode ? `${units.get(v)} (${v})` : units.get(v)!;
    if (d === 'age_band') return v === UNKNOWN_AGE_BAND ? t('report.age_unknown', v) : t(ageBandLabelKey(v) ?? v, v);
    return prefixed.has(d) ? t(`${d}.${v}`, v) : v;
  };
  return {
    locale,
    t,
    period,
    value,
    dimension: (d: ReportDimension) => (d === 'period' ? t('report.period', d) : t(`report.dimension.${d}`, d)),
    indicator: (code: string) => ctx.indicators?.get(code) ?? t(`indicator.${code}`, code),
    day,
  };
}
export type Words = ReturnType<typeof reportWords>;

/** The values of a dimension in the rows (no total), in the order the screens show them. */
export function orderedValues(rows: readonly ReportRow[], q: ReportQuery, d: ReportDimension, words: Words, locale: Locale): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = d === 'period' ? r.period : String(r[d] ?? '');
    // A period total carries the query's period; the values are the sub-periods of the grain.
    if (d === 'period' ? isOfGrain(v, q.grain) : v !== ALL_VALUES) seen.add(v);
  }
  return sortDimensionValues(d, [...seen], (v) => words.value(d, v), locale);
}

/** Finds a row by indicator and dimension values (`*` = total; the period total is the query's period). */
export function rowFinder(rows: readonly ReportRow[], q: ReportQuery) {
  const keyOf = (indicator: string, values: Partial<Record<ReportDimension, string>>) =>
    [indicator, ...q.by.map((d) => (d === 'period' ? (values.period === undefined || values.period === ALL_VALUES ? q.period : values.period) : (values[d] ?? ALL_VALUES)))].join('\u0000');
  const index = new Map<string, ReportRow>();
  for (const r of rows) {
    const key = keyOf(r.indicator, Object.fromEntries(q.by.map((d) => [d, d === 'period' ? r.period : String(r[d])])));
    if (!index.has(key)) index.set(key, r);
  }
  return (indicator: string, values: Partial<Record<ReportDimension, string>>) => index.get(keyOf(indicator, values));
}
