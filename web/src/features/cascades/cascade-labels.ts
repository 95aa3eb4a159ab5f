import type { I18n } from '../../i18n/i18n.tsx';
import type { CascadeSessionData, TrainingSummaryData } from './cascades-api.ts';
type Labels = Pick<I18n, 't' | 'formatDate'>;

/** "From 10 Jan to 12 Jan 2025", or "On 20 Feb 2025" for a one-day training. */
export function trainingDates(i18n: Labels, tr: Pick<TrainingSummaryData, 'startOn' | 'endOn'>): string {
  if (tr.startOn === tr.endOn) return i18n.t('cascades.oneDay', { date: i18n.formatDate(tr.startOn) });
  return i18n.t('cascades.dates', { from: i18n.formatDate(tr.startOn), to: i18n.formatDate(tr.endOn) });
}

/** A cascade session in one line: its date, audience and persons sensitised. */
export function sessionLine(i18n: Labels, s: CascadeSessionData): string {
  const audience = s.audience ? i18n.t(`audience.${s.audience}`) : i18n.t('cascades.noAudience');
  return i18n.t('cascades.session', { date: i18n.formatDate(s.date), audience, n: s.sensitised });
}
