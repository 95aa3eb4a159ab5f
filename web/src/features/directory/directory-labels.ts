import { weekDays, type Locale, type WeekDay } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';

type Labels = Pick<I18n, 't' | 'has'>;

/** A territory's name in the user's language (French where the Arabic is missing, and in English). */
export function territoryName(name: { fr: string; ar: string | null }, locale: Locale): string {
  return locale === 'ar' ? (name.ar ?? name.fr) : name.fr;
}

/** A service type's label from the taxonomy (the code itself when the term is unknown). */
export function termLabel(terms: readonly { code: string; labels: Record<Locale, string> }[] | undefined, code: string, locale: Locale): string {
  return terms?.find((term) => term.code === code)?.labels[locale] ?? code;
}

/** A vocabulary value's label (`directory.<kind>.<value>`), the value itself when unknown. */
export function dirVocab(i18n: Labels, kind: 'status' | 'cost' | 'language' | 'sex' | 'resource' | 'change', value: string): string {
  const key = `directory.${kind}.${value}`;
  return i18n.has(key) ? i18n.t(key) : value;
}

/** Day names, Monday first, short or long, in the user's language (from the browser's calendar data). */
export function dayNames(tag: string, width: 'short' | 'long' = 'short'): Record<WeekDay, string> {
  const format = new Intl.DateTimeFormat(tag, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Object.fromEntries(weekDays.map((d, i) => [d, format.format(new Date(Date.UTC(2024, 0, 1 + i)))])) as Record<WeekDay, string>;
}

export interface HoursLine {
  /** The days, runs of three or more joined ("lun.–ven."), others listed ("sam., dim."). */
  days: string;
  /** The openings of those days ("08:30–12:00, 14:00–16:30"). */
  times: string;
}

/**
 * Weekly hours in a few lines: the days that share the same openings together, Monday first
 * (`MO–FR 08:30–12:00, 14:00–16:30` / `SA 09:00–12:00`). Days without an opening are left out.
 */
export function formatHours(hours: readonly { byDay: readonly WeekDay[]; opensAt: string; closesAt: string }[], names: Record<WeekDay, string>): HoursLine[] {
  const slotsOf = new Map<WeekDay, string[]>();
  for (const h of hours) {
    for (const day of h.byDay) slotsOf.set(day, [...(slotsOf.get(day) ?? []), `${h.opensAt.slice(0, 5)}–${h.closesAt.slice(0, 5)}`]);
  }
  const groups = new Map<string, number[]>();
  weekDays.forEach((day, index) => {
    const slots = slotsOf.get(day);
    if (!slots) return;
    const times = [...new Set(slots)].sort().join(', ');
    groups.set(times, [...(groups.get(times) ?? []), index]);
  });
  return [...groups.entries()].map(([times, indexes]) => ({ days: dayRuns(indexes, names), times }));
}

function dayRuns(indexes: readonly number[], names: Record<WeekDay, string>): string {
  const runs: number[][] = [];
  for (const i of indexes) {
    const last = runs.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else runs.push([i]);
  }
  const name = (i: number) => names[weekDays[i]!];
  return runs.map((run) => (run.length >= 3 ? `${name(run[0]!)}–${name(run.at(-1)!)}` : run.map(name).join(', '))).join(', ');
}

/** The verification line: "Vérifiée le … par …", or "À vérifier" with the date last verified. */
export function verificationLine(i18n: Labels & Pick<I18n, 'formatDate'>, v: { verifiedAt: string | null; verifiedBy?: string | null; stale: boolean }): string {
  if (!v.verifiedAt) return i18n.t('directory.neverVerified');
  const date = i18n.formatDate(v.verifiedAt);
  if (v.stale) return v.verifiedBy ? i18n.t('directory.staleBy', { date, who: v.verifiedBy }) : i18n.t('directory.staleSince', { date });
  return v.verifiedBy ? i18n.t('directory.verifiedOnBy', { date, who: v.verifiedBy }) : i18n.t('directory.verifiedOn', { date });
}

/** Who a service takes, in words: sex, ages ("Femmes, de 12 à 18 ans"). */
export function eligibilityLine(i18n: Labels, e: { sex: string; minimumAge: number | null; maximumAge: number | null }): string {
  const { minimumAge: min, maximumAge: max } = e;
  const ages =
    min !== null && max !== null
      ? i18n.t('directory.ages.range', { min, max })
      : min !== null
        ? i18n.t('directory.ages.from', { min })
        : max !== null
          ? i18n.t('directory.ages.to', { max })
          : i18n.t('directory.ages.any');
  return `${dirVocab(i18n, 'sex', e.sex)}, ${ages}`;
}

/** A phone number as a `tel:` address (spaces dropped). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^+0-9]/g, '')}`;
}

export interface PrintGroup<T> {
  type: string;
  label: string;
  services: T[];
}

/**
 * The services of a printed directory grouped by service type, in the taxonomy's order (types
 * it does not know last), each group's services by name.
 */
export function groupByType<T extends { serviceType: string; name: string }>(
  services: readonly T[],
  terms: readonly { code: string; labels: Record<Locale, string> }[],
  locale: Locale,
): PrintGroup<T>[] {
  const order = new Map(terms.map((term, i) => [term.code, i]));
  const groups = new Map<string, T[]>();
  for (const s of services) groups.set(s.serviceType, [...(groups.get(s.serviceType) ?? []), s]);
  const collator = new Intl.Collator(locale);
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || collator.compare(a, b))
    .map(([type, list]) => ({ type, label: termLabel(terms, type, locale), services: [...list].sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** A changed field's name as the catalogue knows it (`required_documents` → `requiredDocuments`). */
export function camelField(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
