import type { ServiceCode } from './services.ts';

/**
 * Harm reduction as AHSUD runs it (issue 17, ADR 0029): syringe exchange with anonymous tallies,
 * low-threshold services, and the opioid substitution (OST, methadone) register. Pure: the
 * server's SQL, the screens and the tests read these.
 */

/** Low-threshold services and prevention talks (labels `service.<code>`). */
export const lowThresholdServices = ['shower', 'laundry', 'meal', 'rest', 'care', 'overdose_talk', 'naloxone', 'overdose_witnessed', 'overdose_reversed'] as const satisfies readonly ServiceCode[];

/**
 * The services a site may count anonymously (no code: a tally at a site on a day). They count in
 * the totals of services and commodities, never in the persons reached (a tally has no person).
 */
export const anonymousServices = ['syringe_kits', 'syringes_returned', 'condoms', ...lowThresholdServices] as const satisfies readonly ServiceCode[];
export type AnonymousService = (typeof anonymousServices)[number];

/**
 * The statistics of the measure `harm_reduction_stat` (docs/indicators.md "Harm reduction"), read
 * live: kits given and syringes returned (identified services and anonymous tallies), anonymous
 * contacts, low-threshold services; OST persons on treatment, first entries and re-entries, the
 * 6- and 12-month cohorts and those retained, the mean dose, the doses expected and missed;
 * insertion (`insertion.ts`): people trained, placed, and placed 6 months ago with those still at work.
 */
export const harmReductionStats = [
  'kits_given',
  'syringes_returned',
  'anonymous_contacts',
  'low_threshold',
  'ost_persons',
  'ost_new',
  'ost_reentries',
  'ost_cohort_6m',
  'ost_retained_6m',
  'ost_cohort_12m',
  'ost_retained_12m',
  'ost_mean_dose',
  'ost_days_expected',
  'ost_days_missed',
  'insertion_trained',
  'insertion_placed',
  'insertion_cohort_6m',
  'insertion_employed_6m',
] as const;
export type HarmReductionStat = (typeof harmReductionStats)[number];


/** How a dose was given: taken on site, or taken away for `days` days; or the day was missed. Labels `ost_dispensing.<code>`. */
export const ostDispensingKinds = ['on_site', 'take_away', 'missed'] as const;
export type OstDispensingKind = (typeof ostDispensingKinds)[number];

/** Why an episode of treatment ended: an interruption (a re-entry opens a new episode) or an exit. Labels `ost_end.<code>`. */
export const ostEndReasons = ['interrupted', 'completed', 'transferred', 'excluded', 'incarcerated', 'died', 'other'] as const;
export type OstEndReason = (typeof ostEndReasons)[number];

/** The longest take-away, in days (a week). */
export const OST_MAX_TAKE_AWAY_DAYS = 7;
/** The highest daily dose of methadone accepted, in mg. */
export const OST_MAX_DOSE_MG = 400;

/** The day `months` months after `date` (`YYYY-MM-DD`), clamped to the month's end (31 Aug + 6 months = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** An episode of treatment: from its start to its end (the day it ended: no longer on OST that day), open when no end. */
export interface OstEpisodeSpan {
  startDate: string;
  endDate: string | null;
}

/** Is a person on OST on a day (an episode started on or before it and not ended by then)? */
export function onOstOn(episodes: readonly OstEpisodeSpan[], day: string): boolean {
  return episodes.some((e) => e.startDate <= day && (e.endDate === null || e.endDate > day));
}

/**
 * Retained at `months` months: on OST on the day `months` months after the first entry (a person
 * interrupted and back by then is retained). Null while that day is still to come (not in the cohort yet).
 */
export function retainedAt(episodes: readonly OstEpisodeSpan[], months: number, today: string): boolean | null {
  const first = [...episodes].sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (!first) return null;
  const day = addMonths(first.startDate, months);
  return day > today ? null : onOstOn(episodes, day);
}

/** The dose in force on a day: the latest change on or before it (null before the first). */
export function doseOn(changes: ReadonlyArray<{ fromDate: string; doseMg: number }>, day: string): number | null {
  let best: { fromDate: string; doseMg: number } | null = null;
  for (const c of changes) if (c.fromDate <= day && (!best || c.fromDate >= best.fromDate)) best = c;
  return best?.doseMg ?? null;
}
