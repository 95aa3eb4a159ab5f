import type { FieldIssue } from '../errors.ts';
import type { CascadeCount } from './cascades.ts';
import type { ReferralStat } from './referrals.ts';
import type { HarmReductionStat } from './harm-reduction.ts';
/**
 * Indicators are data: a measure over services filtered by program, service
 * and field values (docs/indicators.md gives the exact rules). The defaults
 * below are seeded; organisations may add their own of the same shape.
 */
export interface ServiceFilter {
  /** Service codes; `reach` = the program's reach services; absent = any service. */
  services?: readonly string[] | 'reach';
  result?: readonly string[];
  kind?: readonly string[];
  strategy?: readonly string[];
  modality?: readonly string[];
  /** Only services given at the organisation's premises (no outreach site, not an outreach contact, not a mobile test). */
  atPremises?: boolean;
  /** Only persons also reached (a reach service of the program) in the period. */
  amongReached?: boolean;
  /** Only services recorded in a case of the program (`service_event.case_id`). */
  inCase?: boolean;
  /**
   * Only services recorded in a case opened within the post-exposure window of its incident
   * (core `openedWithinPep`: 72 h, or 3 whole days for an incident without a time). Implies `inCase`.
   */
  pepWithin72h?: boolean;
  /** Only STI consultations recorded as treated (`treated` yes). */
  treated?: boolean;
}

/**
 * Which cases a case measure counts, for each (sub-)period: opened in it; open at its start
 * (opened before it, not closed at its first day); of those, the ones with a contact (a service
 * recorded in the case) in it; closed in it (with one of `closureReasons` when given).
 */
export const caseCounts = ['opened', 'open_at_start', 'retained', 'closed'] as const;
export type CaseCount = (typeof caseCounts)[number];

export type Measure =
  | { kind: 'distinct_persons'; filter: ServiceFilter }
  /** Persons who got the program's whole paquet minimum in at least one contact. */
  | { kind: 'distinct_persons_full_paquet' }
  | { kind: 'count_services'; filter: ServiceFilter }
  | { kind: 'sum_quantity'; filter: ServiceFilter }
  /** Cases (not persons) of the program, read live from the case files (docs/indicators.md, "Case indicators"). */
  | { kind: 'count_cases'; cases: CaseCount; closureReasons?: readonly string[] }
  /** Trainings, cascade sessions, persons sensitised, disclosures (docs/indicators.md, "Cascade indicators"). */
  | { kind: 'count_cascade'; cascade: CascadeCount }
  /** Referrals sent, received, accepted, delivered, the person's feedback, median days to service (docs/indicators.md, "Referral indicators"). */
  | { kind: 'referral_stat'; stat: ReferralStat }
  /** Syringe exchange with anonymous tallies, low-threshold services, the OST register (docs/indicators.md, "Harm reduction"). */
  | { kind: 'harm_reduction_stat'; stat: HarmReductionStat }
  | { kind: 'ratio'; numerator: string; denominator: string };

export interface IndicatorDefinition {
  code: string;
  measure: Measure;
  /** The programs the indicator is meant for (absent: every program); lists for a program show only these, reports refuse it elsewhere. */
  programs?: readonly string[];
}

/** Does an indicator apply to a program (no scope: every program)? */
export function appliesToProgram(def: Pick<IndicatorDefinition, 'programs'>, program: string): boolean {
  return !def.programs || def.programs.includes(program);
}

/**
 * Is a filter read live only, never from the person facts or the roll-up: it reads the case a
 * service was recorded in (`inCase`, `pepWithin72h`) or a field the facts do not keep (`treated`)?
 */
export function isLiveOnlyFilter(filter: ServiceFilter): boolean {
  return filter.inCase === true || filter.pepWithin72h === true || filter.treated === true;
}

/** The services of the gbv program's care (issue 13): tests, STI, medical, PEP, PrEP, psychological, psychiatric, socio-economic, legal. */
const gbvTests = ['hiv_test', 'syphilis_test', 'hbv_test', 'hcv_test', 'pregnancy_test'];
const gbvBiomedical = [...gbvTests, 'sti_consultation', 'medical_support', 'pep_referral', 'prep'];
const gbvCare = [...gbvBiomedical, 'psychological_support', 'psychiatric_referral', 'socioeconomic_support', 'legal_admin_support'];
const gbv = ['gbv'] as const;
/** Persons with a service of `services` recorded in a case of the gbv program. */
const inGbvCase = (code: string, services: readonly string[], extra: ServiceFilter = {}): IndicatorDefinition => ({
  code,
  programs: gbv,
  measure: { kind: 'distinct_persons', filter: { services, inCase: true, ...extra } },
});

/** The gbv program's indicators (the Chams semester report; codes fixed by issue 13, rules in docs/indicators.md). */
export const gbvIndicators: readonly IndicatorDefinition[] = [
  inGbvCase('survivors_cared', gbvCare),
  inGbvCase('biomedical_served', gbvBiomedical),
  inGbvCase('tested_any', gbvTests),
  inGbvCase('sti_treated', ['sti_consultation'], { treated: true }),
  inGbvCase('medical_other_served', ['medical_support']),
  inGbvCase('pep_within_72h', ['pep_referral'], { pepWithin72h: true }),
  inGbvCase('psychological_served', ['psychological_support']),
  inGbvCase('psychiatric_referred', ['psychiatric_referral']),
  inGbvCase('social_served', ['socioeconomic_support']),
  inGbvCase('legal_served', ['legal_admin_support']),
  inGbvCase('in_vocational_training', ['vocational_training']),
  inGbvCase('placed_in_job', ['job_placement']),
  { code: 'sensitised', programs: gbv, measure: { kind: 'distinct_persons', filter: { services: ['iec_session'] } } },
  { code: 'cases_opened', programs: gbv, measure: { kind: 'count_cases', cases: 'opened' } },
  { code: 'cases_open_at_start', programs: gbv, measure: { kind: 'count_cases', cases: 'open_at_start' } },
  { code: 'cases_retained', programs: gbv, measure: { kind: 'count_cases', cases: 'retained' } },
  { code: 'retention_rate', programs: gbv, measure: { kind: 'ratio', numerator: 'cases_retained', denominator: 'cases_open_at_start' } },
  { code: 'lost_to_follow_up', programs: gbv, measure: { kind: 'count_cases', cases: 'closed', closureReasons: ['lost_to_follow_up'] } },
];

/** The awareness cascades' indicators (issue 14): for every program that runs trainings and cascade sessions. */
export const cascadeIndicators: readonly IndicatorDefinition[] = [
  { code: 'people_trained', measure: { kind: 'count_cascade', cascade: 'people_trained' } },
  { code: 'cascade_sessions', measure: { kind: 'count_cascade', cascade: 'cascade_sessions' } },
  { code: 'cascade_sessions_per_trained', measure: { kind: 'ratio', numerator: 'cascade_sessions', denominator: 'people_trained' } },
  { code: 'persons_sensitised', measure: { kind: 'count_cascade', cascade: 'persons_sensitised' } },
  { code: 'disclosures', measure: { kind: 'count_cascade', cascade: 'disclosures' } },
  { code: 'disclosures_in_circuit_7d', measure: { kind: 'count_cascade', cascade: 'disclosures_in_circuit' } },
];

/** Referrals between organisations (issue 15): for every program (a referral is counted in its case's program, or the one it was sent for). */
export const referralIndicators: readonly IndicatorDefinition[] = [
  { code: 'referrals_sent', measure: { kind: 'referral_stat', stat: 'sent' } },
  { code: 'referrals_received', measure: { kind: 'referral_stat', stat: 'received' } },
  { code: 'referrals_accepted', measure: { kind: 'referral_stat', stat: 'accepted' } },
  { code: 'referrals_delivered', measure: { kind: 'referral_stat', stat: 'delivered' } },
  { code: 'referral_completion_rate', measure: { kind: 'ratio', numerator: 'referrals_delivered', denominator: 'referrals_sent' } },
  { code: 'referral_median_days', measure: { kind: 'referral_stat', stat: 'median_days_to_service' } },
  { code: 'referral_feedback', measure: { kind: 'referral_stat', stat: 'feedback' } },
  { code: 'referral_satisfied', measure: { kind: 'referral_stat', stat: 'satisfied' } },
  { code: 'referral_satisfaction_rate', measure: { kind: 'ratio', numerator: 'referral_satisfied', denominator: 'referral_feedback' } },
];

const hr = ['harm_reduction'] as const;
const hrStat = (code: string, stat: HarmReductionStat): IndicatorDefinition => ({ code, programs: hr, measure: { kind: 'harm_reduction_stat', stat } });
const hrRatio = (code: string, numerator: string, denominator: string): IndicatorDefinition => ({ code, programs: hr, measure: { kind: 'ratio', numerator, denominator } });

/** Harm reduction (issue 17, ADR 0029, 0033): the exchange with its anonymous tallies, low-threshold services, OST, insertion. */
export const harmReductionIndicators: readonly IndicatorDefinition[] = [
  hrStat('exchange_kits_given', 'kits_given'),
  hrStat('exchange_syringes_returned', 'syringes_returned'),
  hrRatio('syringe_return_ratio', 'exchange_syringes_returned', 'exchange_kits_given'),
  hrStat('anonymous_contacts', 'anonymous_contacts'),
  hrStat('low_threshold_services', 'low_threshold'),
  hrStat('ost_persons', 'ost_persons'),
  hrStat('ost_new', 'ost_new'),
  hrStat('ost_reentries', 'ost_reentries'),
  hrStat('ost_cohort_6m', 'ost_cohort_6m'),
  hrStat('ost_retained_6m', 'ost_retained_6m'),
  hrRatio('ost_retention_6m', 'ost_retained_6m', 'ost_cohort_6m'),
  hrStat('ost_cohort_12m', 'ost_cohort_12m'),
  hrStat('ost_retained_12m', 'ost_retained_12m'),
  hrRatio('ost_retention_12m', 'ost_retained_12m', 'ost_cohort_12m'),
  hrStat('ost_mean_dose', 'ost_mean_dose'),
  hrStat('ost_days_expected', 'ost_days_expected'),
  hrStat('ost_days_missed', 'ost_days_missed'),
  hrRatio('ost_missed_dose_rate', 'ost_days_missed', 'ost_days_expected'),
  hrStat('insertion_trained', 'insertion_trained'),
  hrStat('insertion_placed', 'insertion_placed'),
  hrStat('insertion_cohort_6m', 'insertion_cohort_6m'),
  hrStat('insertion_employed_6m', 'insertion_employed_6m'),
  hrRatio('insertion_employment_6m', 'insertion_employed_6m', 'insertion_cohort_6m'),
];

export const defaultIndicators: readonly IndicatorDefinition[] = [
  { code: 'reached', measure: { kind: 'distinct_persons', filter: { services: 'reach' } } },
  { code: 'tested_known_result', measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'], result: ['negative', 'positive'] } } },
  { code: 'tests_performed', measure: { kind: 'count_services', filter: { services: ['hiv_test'] } } },
  { code: 'positive', measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'], result: ['positive'] } } },
  { code: 'condoms_distributed', measure: { kind: 'sum_quantity', filter: { services: ['condoms'] } } },
  { code: 'lubricant_distributed', measure: { kind: 'sum_quantity', filter: { services: ['lubricant'] } } },
  { code: 'syringes_distributed', measure: { kind: 'sum_quantity', filter: { services: ['syringe_kits'] } } },
  { code: 'syringes_returned', measure: { kind: 'sum_quantity', filter: { services: ['syringes_returned'] } } },
  { code: 'beneficiaries_served', measure: { kind: 'distinct_persons', filter: {} } },
  { code: 'services_delivered', measure: { kind: 'count_services', filter: {} } },
  { code: 'persons_full_paquet', measure: { kind: 'distinct_persons_full_paquet' } },
  { code: 'paquet_minimum_rate', measure: { kind: 'ratio', numerator: 'persons_full_paquet', denominator: 'reached' } },
  { code: 'testing_rate', measure: { kind: 'ratio', numerator: 'tested_known_result', denominator: 'reached' } },
  { code: 'returned', measure: { kind: 'distinct_persons', filter: { atPremises: true, amongReached: true } } },
  { code: 'return_rate', measure: { kind: 'ratio', numerator: 'returned', denominator: 'reached' } },
  ...gbvIndicators,
  ...cascadeIndicators,
  ...referralIndicators,
  ...harmReductionIndicators,
];

/**
 * Checks an organisation's own indicator against the others: its code is not a default
 * one, a ratio divides two indicators that exist and are not ratios (nor itself), and an
 * indicator that a ratio divides by or into does not become a ratio itself.
 */
export function checkIndicatorDefinition(def: IndicatorDefinition, others: readonly IndicatorDefinition[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (defaultIndicators.some((d) => d.code === def.code)) issues.push({ field: 'code', code: 'taken' });
  if (def.measure.kind === 'ratio') {
    for (const part of ['numerator', 'denominator'] as const) {
      const code = def.measure[part];
      const target = others.find((o) => o.code === code && o.code !== def.code);
      if (!target) issues.push({ field: `measure.${part}`, code: 'unknown_reference', params: { value: code } });
      else if (target.measure.kind === 'ratio') issues.push({ field: `measure.${part}`, code: 'invalid_choice' });
    }
    const users = indicatorsUsing(def.code, others);
    if (users.length) issues.push({ field: 'measure.kind', code: 'part_of_ratio', params: { value: users.join(', ') } });
  }
  return issues;
}

/** The codes of the indicators that divide by or into `code` (a ratio needs its parts). */
export function indicatorsUsing(code: string, all: readonly IndicatorDefinition[]): string[] {
  return all.filter((i) => i.measure.kind === 'ratio' && (i.measure.numerator === code || i.measure.denominator === code)).map((i) => i.code);
}

/** Dimensions a report may be broken down by; values are stable codes. */
export const reportDimensions = [
  'period', 'org_unit', 'site', 'program', 'population', 'sex', 'age_band', 'worker', 'modality', 'strategy', 'service', 'kind', 'result',
  'marital_status', 'schooling', 'housing', 'occupation', 'violence_type', 'violence_family', 'entry_door', 'audience', 'age_group',
  'urgency', 'receiver', 'sender', 'service_type',
] as const;
export type ReportDimension = (typeof reportDimensions)[number];

/** Dimensions of a case (its incident's violence type and family, its entry door): a service outside a case has none (`''`). */
export const caseDimensions: ReadonlySet<ReportDimension> = new Set(['violence_type', 'violence_family', 'entry_door']);
/** Dimensions a case measure can be broken down by (the case's, its person's, its unit, the period); the service's own (site, worker, result…) it has not. */
export const caseMeasureDimensions: ReadonlySet<ReportDimension> = new Set([
  'period', 'org_unit', 'program', 'population', 'sex', 'age_band', 'marital_status', 'schooling', 'housing', 'occupation', ...caseDimensions,
]);
/** Dimensions of a cascade measure: the period, unit and program of the training, session or disclosure; sex, age group and audience of who it counts. */
export const cascadeMeasureDimensions: ReadonlySet<ReportDimension> = new Set(['period', 'org_unit', 'program', 'sex', 'age_group', 'audience']);
/** Dimensions only cascade measures have (services and cases have no audience; their ages are in `age_band`). */
export const cascadeOnlyDimensions: ReadonlySet<ReportDimension> = new Set(['audience', 'age_group']);
/**
 * Dimensions of a referral statistic: the period (of sending), the sending unit, the program, the
 * urgency, the receiver (an organisation's code or a directory service), the sender (for those
 * received) and the service type (the directory's taxonomy): with `org_unit` × `receiver` a
 * matrix of the flows out of the organisation, with `sender` the flows into it.
 */
export const referralMeasureDimensions: ReadonlySet<ReportDimension> = new Set(['period', 'org_unit', 'program', 'urgency', 'receiver', 'sender', 'service_type']);
const referralOnlyDimensions: ReadonlySet<ReportDimension> = new Set(['urgency', 'receiver', 'sender', 'service_type']);

/** Dimensions of a harm-reduction statistic (an OST statistic has no site nor service: `''`). */
export const harmReductionMeasureDimensions: ReadonlySet<ReportDimension> = new Set<ReportDimension>(['period', 'org_unit', 'program', 'site', 'service']);

/** The dimensions a (non-ratio) measure can be broken down or filtered by. */
export function measureDimensions(measure: Exclude<Measure, { kind: 'ratio' }>): ReadonlySet<ReportDimension> {
  if (measure.kind === 'count_cases') return caseMeasureDimensions;
  if (measure.kind === 'count_cascade') return cascadeMeasureDimensions;
  if (measure.kind === 'referral_stat') return referralMeasureDimensions;
  if (measure.kind === 'harm_reduction_stat') return harmReductionMeasureDimensions;
  return new Set(reportDimensions.filter((d) => !cascadeOnlyDimensions.has(d) && !referralOnlyDimensions.has(d)));
}

/**
 * Age bands, the one set of codes: reports break down by them (from the age at the first
 * qualifying service: service year − birth year), group sessions count anonymous attendees in
 * them, exports and DHIS2 mappings carry their codes. `label`: the catalogue key `age_band.<label>`.
 * The report SQL computes a band from these same bounds (`ageBandExpr`, checked against `ageBandOf`).
 */
export interface AgeBand {
  code: string;
  label: string;
  min?: number;
  max?: number;
}
export const defaultAgeBands = [
  { code: '<25', label: 'lt25', max: 24 },
  { code: '>=25', label: 'ge25', min: 25 },
] as const satisfies readonly AgeBand[];
/** The code of an age band. */
export type AgeBandCode = (typeof defaultAgeBands)[number]['code'];
/** The band codes, in order. */
export const ageBandCodes = defaultAgeBands.map((b) => b.code) as [AgeBandCode, ...AgeBandCode[]];
/** The band of an age not known (no birth year). */
export const UNKNOWN_AGE_BAND = 'unknown';

/** The band codes group sessions took before they were the report codes (still accepted as input). */
export const legacyAgeBandCodes = { lt25: '<25', ge25: '>=25' } as const satisfies Record<string, AgeBandCode>;

/** The catalogue key of an age band's label (`age_band.lt25`); null for a code that is no band. */
export function ageBandLabelKey(code: string): `age_band.${(typeof defaultAgeBands)[number]['label']}` | null {
  const band = defaultAgeBands.find((b) => b.code === code);
  return band ? `age_band.${band.label}` : null;
}

/** The band of an age (null: not known). */
export function ageBandOf(bands: readonly AgeBand[], age: number | null): string {
  if (age === null) return UNKNOWN_AGE_BAND;
  return bands.find((b) => (b.min === undefined || age >= b.min) && (b.max === undefined || age <= b.max))?.code ?? UNKNOWN_AGE_BAND;
}

export type PeriodGrain = 'month' | 'quarter' | 'semester' | 'year';

/** A reporting period: `2020`, `2020-S1`, `2020-Q3`, `2020-07`, or `2020-01-01..2020-06-30`. */
export interface Period {
  code: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Parses a period code; null when it is not one. */
export function parsePeriod(code: string): Period | null {
  let m: RegExpMatchArray | null;
  if ((m = code.match(/^(\d{4})$/))) return { code, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if ((m = code.match(/^(\d{4})-S([12])$/))) {
    const s = Number(m[2]);
    return { code, from: `${m[1]}-${s === 1 ? '01' : '07'}-01`, to: `${m[1]}-${s === 1 ? '06-30' : '12-31'}` };
  }
  if ((m = code.match(/^(\d{4})-Q([1-4])$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { code, from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}` };
  }
  if ((m = code.match(/^(\d{4})-(0[1-9]|1[0-2])$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { code, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${lastDay(y, mo)}` };
  }
  if ((m = code.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/)) && m[1]! <= m[2]!) return { code, from: m[1]!, to: m[2]! };
  return null;
}

const grainPatterns: Record<PeriodGrain, RegExp> = {
  year: /^\d{4}$/,
  semester: /^\d{4}-S[12]$/,
  quarter: /^\d{4}-Q[1-4]$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** Is this period code a sub-period of the grain (a value of the `period` dimension)? */
export function isOfGrain(code: string, grain: PeriodGrain): boolean {
  return grainPatterns[grain].test(code);
}

/** The sub-period code of a date at a grain (for the `period` dimension). */
export function periodOf(date: string, grain: PeriodGrain): string {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  if (grain === 'year') return y;
  if (grain === 'semester') return `${y}-S${mo <= 6 ? 1 : 2}`;
  if (grain === 'quarter') return `${y}-Q${Math.ceil(mo / 3)}`;
  return date.slice(0, 7);
}

/**
 * Every sub-period of a period at a grain, in order, up to `today` (a time axis without holes:
 * a month without data is a month at 0). Empty when the period starts after today; null when
 * the code is not a period.
 */
export function subPeriodsOf(period: string, grain: PeriodGrain, today = new Date().toISOString().slice(0, 10)): string[] | null {
  const range = parsePeriod(period);
  if (!range) return null;
  const out: string[] = [];
  const end = range.to < today ? range.to : today;
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  // Month by month from the start; each month gives its sub-period code once.
  while (`${y}-${pad(m)}-01` <= end) {
    const code = periodOf(`${y}-${pad(m)}-01`, grain);
    if (out[out.length - 1] !== code) out.push(code);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
