import { ageBandLabelKey, parsePeriod, UNKNOWN_AGE_BAND, type ReportDimension } from '@relais/core';
import { intlTag, type I18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { formatDay } from '../capture/service-labels.ts';
import { ALL } from './report-model.ts';
import type { IndicatorInfo } from '../../api/indicators.ts';

type Tr = Pick<I18n, 't' | 'has' | 'locale'>;

/** Names of units by code (dimension values of `org_unit` and `site` are unit codes). */
export type UnitNames = ReadonlyMap<string, string>;

/** Names of the organisation's own indicators, as last listed (GET /indicators). */
const ownNames = new Map<string, { fr: string; ar: string; en: string }>();

/** Remembers the names of the organisation's own indicators, for `indicatorLabel`. */
export function rememberIndicatorNames(indicators: readonly IndicatorInfo[]): void {
  for (const i of indicators) if (i.labels) ownNames.set(i.code, i.labels);
}

/** Label of an indicator code (`indicator.<code>`), the name an organisation gave its own, or the code. */
export function indicatorLabel(i18n: Tr, code: string): string {
  const key = `indicator.${code}`;
  return i18n.has(key) ? i18n.t(key) : (ownNames.get(code)?.[i18n.locale] ?? code);
}

/** Label of a dimension (`report.dimension.<dim>`; the period has `report.period`). */
export function dimensionLabel(i18n: Tr, dim: ReportDimension): string {
  return dim === 'period' ? i18n.t('report.period') : i18n.t(`report.dimension.${dim}`);
}

/** Catalogue prefix of the coded values of a dimension. */
const valuePrefix: Partial<Record<ReportDimension, string>> = {
  sex: 'sex',
  service: 'service',
  population: 'population',
  result: 'result',
  strategy: 'strategy',
  modality: 'modality',
  kind: 'kind',
  marital_status: 'marital_status',
  schooling: 'schooling',
  housing: 'housing',
  occupation: 'occupation',
  violence_type: 'violence_type',
  urgency: 'urgency',
  violence_family: 'violence_family',
  entry_door: 'entry_door',
  audience: 'audience',
  age_group: 'age_group',
};

/** A period code in words: `2024`, `S1 2024`, `T3 2024`, `juillet 2024`, or a date range. */
export function periodLabel(i18n: Tr, code: string): string {
  let m: RegExpMatchArray | null;
  if ((m = code.match(/^(\d{4})-S([12])$/))) return i18n.t('reports.periodLabel.semester', { n: m[2] ?? '', year: m[1] ?? '' });
  if ((m = code.match(/^(\d{4})-Q([1-4])$/))) return i18n.t('reports.periodLabel.quarter', { n: m[2] ?? '', year: m[1] ?? '' });
  if ((m = code.match(/^(\d{4})-(\d{2})$/))) {
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return new Intl.DateTimeFormat(intlTag(i18n.locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const range = code.includes('..') ? parsePeriod(code) : null;
  if (range) {
    const locale = intlTag(i18n.locale);
    return i18n.t('reports.periodLabel.range', { from: formatDay(locale, range.from), to: formatDay(locale, range.to) });
  }
  return code;
}

/** Label of a value of a dimension: catalogues for codes, unit names for units, `Total` for `*`. */
export function dimensionValueLabel(i18n: Tr, dim: ReportDimension, value: string, units: UnitNames): string {
  if (value === ALL) return i18n.t('report.all');
  if (value === '') return i18n.t(dim === 'worker' ? 'worker.not_recorded' : 'reports.notRecorded');
  switch (dim) {
    case 'period':
      return periodLabel(i18n, value);
    case 'org_unit':
    case 'site':
      return units.get(value) ?? value;
    case 'program':
      return programLabel(i18n.t, value);
    case 'age_band':
    {
      if (value === UNKNOWN_AGE_BAND) return i18n.t('reports.ageUnknown');
      const key = ageBandLabelKey(value);
      return key && i18n.has(key) ? i18n.t(key) : value;
    }
    default: {
      const prefix = valuePrefix[dim];
      const key = prefix ? `${prefix}.${value}` : '';
      return prefix && i18n.has(key) ? i18n.t(key) : value;
    }
  }
}

/** Formats report numbers: counts as numbers, ratios (fractions 0–1) as percentages. */
export function numberFormats(locale: I18n['locale']) {
  const count = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 1 });
  return {
    count: (n: number) => count.format(n),
    percent: (fraction: number) => percent.format(fraction),
    /** A value of an indicator: a percentage for a ratio. */
    value: (n: number, ratio: boolean) => (ratio ? percent.format(n) : count.format(n)),
  };
}
export type NumberFormats = ReturnType<typeof numberFormats>;
