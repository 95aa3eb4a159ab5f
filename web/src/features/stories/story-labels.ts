import type { StorySummaryData } from '../../api/stories.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { vocab } from '../cases/case-labels.ts';

type Labels = Pick<I18n, 't' | 'has'>;

/** The consent in force today, in words: "Rapport au bailleur, Publication jusqu’au 31/12/2025", or "Aucun". */
export function consentInForce(i18n: Labels, s: Pick<StorySummaryData, 'consentActive' | 'consentExpiresOn'>, formatDate: (iso: string) => string): string {
  if (!s.consentActive.length || !s.consentExpiresOn) return i18n.t('stories.consent.none');
  const scopes = s.consentActive.map((c) => vocab(i18n, 'story_consent', c)).join(', ');
  return i18n.t('stories.consent.until', { scopes, date: formatDate(s.consentExpiresOn) });
}

/** A date `YYYY-MM-DD` in the user's language. */
export function dateIn(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (iso) => format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
