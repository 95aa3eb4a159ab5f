/**
 * The directory of actors and services of a territory's network (issue 14, after Open Referral
 * HSDS 3.0): organisations (on Relais or not), their services, locations, opening hours and focal
 * points. Pure rules: vocabularies, staleness, "open now". The taxonomy of service types is data
 * (table directory_taxonomy_term); `defaultServiceTypes` seeds it.
 */

/** The service types a network starts with (AMANE's care circuits); an instance may add its own. */
export const defaultServiceTypes = [
  'medical_emergency',
  'forensic_certificate',
  'psychosocial',
  'legal_aid',
  'police',
  'gendarmerie',
  'justice',
  'shelter',
  'social_protection',
  'child_protection',
  'education',
  'vocational_training',
  'pharmacy',
  'interpretation',
  'un_agency',
] as const;

/** HSDS 3.0 `service.status`. */
export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** What a service costs the person. */
export const serviceCosts = ['free', 'low_cost', 'fee'] as const;
export type ServiceCost = (typeof serviceCosts)[number];

/** HSDS 3.0 `location.location_type`. */
export const locationTypes = ['physical', 'postal', 'virtual'] as const;

/** HSDS 3.0 `phone.type` (RFC 6350). */
export const phoneTypes = ['voice', 'cell', 'fax', 'text', 'video', 'pager', 'textphone'] as const;

/** Who a service takes, by sex: women, men, or anyone. */
export const eligibleSexes = ['any', 'F', 'M'] as const;

/** Languages a service speaks (ISO 639: Arabic, Moroccan Arabic, Tamazight, French, English, Spanish). */
export const serviceLanguages = ['ar', 'ary', 'zgh', 'fr', 'en', 'es'] as const;

/** The kinds of directory entries; each carries when it was last verified and by whom. */
export const directoryResources = ['organization', 'service', 'location', 'contact'] as const;
export type DirectoryResource = (typeof directoryResources)[number];

/** HSDS day codes (iCal BYDAY), Monday first; index = ISO weekday − 1. */
export const weekDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekDay = (typeof weekDays)[number];

/** Months without verification after which an entry is stale (a setting of the instance). */
export const DEFAULT_STALE_AFTER_MONTHS = 6;

/** `YYYY-MM-DD` `months` months before `today` (the same day of month, clamped to the month's end). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Is an entry stale: never verified, or last verified before `today` minus `months` months?
 * `verifiedOn` and `today` are `YYYY-MM-DD` (a longer timestamp is cut to its date).
 */
export function isStale(verifiedOn: string | null, today: string, months: number): boolean {
  if (!verifiedOn) return true;
  return verifiedOn.slice(0, 10) < monthsBefore(today, months);
}

/** One weekly opening: days, and times `HH:MM` (closing after opening; past midnight not supported). */
export interface WeeklyHours {
  byDay: readonly WeekDay[];
  opensAt: string;
  closesAt: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/** The ISO weekday code of a wall-clock date `YYYY-MM-DD…`. */
export function weekDayOf(date: string): WeekDay {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return weekDays[(day + 6) % 7]!;
}

/** Is a place open at this wall-clock moment `YYYY-MM-DDTHH:MM`, by its weekly hours? */
export function isOpenAt(hours: readonly WeeklyHours[], at: string): boolean {
  const date = at.slice(0, 10);
  const time = at.slice(11, 16);
  const day = weekDayOf(date);
  return hours.some(
    (h) =>
      h.byDay.includes(day) &&
      h.opensAt.slice(0, 5) <= time &&
      time < h.closesAt.slice(0, 5) &&
      (!h.validFrom || h.validFrom <= date) &&
      (!h.validTo || date <= h.validTo),
  );
}

/** A territory's or taxonomy term's code: lower-case letters, digits and `_`. */
export const directoryCodePattern = /^[a-z][a-z0-9_]*$/;

/** A code from a free name (`Skhirat-Témara` → `skhirat_temara`), for territories met first in an import. */
export function codeFromName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(base) ? base.slice(0, 40) : `t_${base}`.slice(0, 40);
}
