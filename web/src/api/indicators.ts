import { caseCounts, cascadeCounts, referralStats, harmReductionStats, type Measure, type ServiceFilter } from '@relais/core';

/**
 * GET /indicators read tolerantly: indicators are data (core `IndicatorDefinition`), and an
 * organisation may define its own. A measure of a shape this version does not know is kept
 * as `null` (the indicator can still be reported, not drilled down).
 */
export interface IndicatorInfo {
  code: string;
  measure: Measure | null;
  /** An organisation's own indicator, with its names (the defaults are named by the catalogues). */
  custom?: boolean;
  labels?: { fr: string; ar: string; en: string };
  /** The programs it is meant for (absent: every program). */
  programs?: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);

function parseFilter(raw: unknown): ServiceFilter | null {
  if (!isRecord(raw)) return null;
  const filter: ServiceFilter = {};
  if (raw.services === 'reach') filter.services = 'reach';
  else if (raw.services !== undefined) {
    const services = strings(raw.services);
    if (!services) return null;
    filter.services = services;
  }
  for (const key of ['result', 'kind', 'strategy', 'modality'] as const) {
    if (raw[key] === undefined) continue;
    const values = strings(raw[key]);
    if (!values) return null;
    filter[key] = values;
  }
  if (raw.atPremises === true) filter.atPremises = true;
  if (raw.amongReached === true) filter.amongReached = true;
  if (raw.inCase === true) filter.inCase = true;
  if (raw.pepWithin72h === true) filter.pepWithin72h = true;
  if (raw.treated === true) filter.treated = true;
  return filter;
}

function parseMeasure(raw: unknown): Measure | null {
  if (!isRecord(raw)) return null;
  switch (raw.kind) {
    case 'distinct_persons':
    case 'count_services':
    case 'sum_quantity': {
      const filter = parseFilter(raw.filter);
      return filter ? { kind: raw.kind, filter } : null;
    }
    case 'distinct_persons_full_paquet':
      return { kind: raw.kind };
    case 'count_cases': {
      const cases = caseCounts.find((c) => c === raw.cases);
      if (!cases) return null;
      const reasons = raw.closureReasons === undefined ? undefined : strings(raw.closureReasons);
      return { kind: 'count_cases', cases, ...(reasons ? { closureReasons: reasons } : {}) };
    }
    case 'count_cascade': {
      const cascade = cascadeCounts.find((c) => c === raw.cascade);
      return cascade ? { kind: 'count_cascade', cascade } : null;
    }
    case 'referral_stat': {
      const stat = referralStats.find((c) => c === raw.stat);
      return stat ? { kind: 'referral_stat', stat } : null;
    }
    case 'harm_reduction_stat': {
      const stat = harmReductionStats.find((c) => c === raw.stat);
      return stat ? { kind: 'harm_reduction_stat', stat } : null;
    }
    case 'ratio':
      return typeof raw.numerator === 'string' && typeof raw.denominator === 'string' ? { kind: 'ratio', numerator: raw.numerator, denominator: raw.denominator } : null;
    default:
      return null;
  }
}

/** Parses the answer of GET /indicators; throws when its shape is not the expected one. */
export function parseIndicators(data: unknown): { items: IndicatorInfo[] } {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new Error('indicators: unexpected shape');
  const items: IndicatorInfo[] = [];
  for (const raw of data.items) {
    if (!isRecord(raw) || typeof raw.code !== 'string' || !raw.code) continue;
    const labels = isRecord(raw.labels) && ['fr', 'ar', 'en'].every((l) => typeof (raw.labels as Record<string, unknown>)[l] === 'string') ? (raw.labels as IndicatorInfo['labels']) : undefined;
    const programs = strings(raw.programs);
    items.push({ code: raw.code, measure: parseMeasure(raw.measure), ...(raw.custom === true ? { custom: true } : {}), ...(labels ? { labels } : {}), ...(programs ? { programs } : {}) });
  }
  return { items };
}
