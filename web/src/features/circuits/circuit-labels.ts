import type { Locale } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';

type Labels = Pick<I18n, 't' | 'has' | 'formatDate'>;

export type PosterSize = 'A4' | 'A3';
/** The languages of a poster: the network prints in French and in Arabic. */
export type PosterLocale = 'fr' | 'ar';

/** The poster's size from the address bar (`?size=A3`), A4 otherwise. */
export function posterSizeOf(search: string): PosterSize {
  return new URLSearchParams(search).get('size')?.toUpperCase() === 'A3' ? 'A3' : 'A4';
}

/** The poster's language: `?lang=` when it says fr or ar, else the user's (Arabic for Arabic, French otherwise). */
export function posterLocaleOf(search: string, userLocale: Locale): PosterLocale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'fr' || asked === 'ar') return asked;
  return userLocale === 'ar' ? 'ar' : 'fr';
}

/** The poster's address for a size and a language. */
export function posterHref(id: string, size: PosterSize, locale: PosterLocale): string {
  return `/circuits/${encodeURIComponent(id)}/poster?size=${size}&lang=${locale}`;
}

/** A case type in words where the catalogue knows it, else its code (case types are data). */
export function caseTypeLabel(i18n: Pick<I18n, 't' | 'has'>, code: string): string {
  const key = `circuits.caseType.${code}`;
  return i18n.has(key) ? i18n.t(key) : code;
}

/** "Révision 2 validée le 12 mars 2026 par Atelier de coordination…". */
export function revisionLine(i18n: Labels, r: { number: number; validatedOn: string; validatedBy: string }): string {
  return i18n.t('circuits.revisionLine', { n: r.number, date: i18n.formatDate(r.validatedOn), who: r.validatedBy });
}
