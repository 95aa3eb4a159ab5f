import type { CaseSummaryData } from '../../api/cases.ts';
import type { I18n } from '../../i18n/i18n.tsx';

type WindowState = NonNullable<CaseSummaryData['clock']>['now']['pep'];
type Labels = Pick<I18n, 't' | 'has'>;

/** A vocabulary value's label (`<prefix>.<value>`), the value itself when unknown, a dash when null. */
export function vocab(i18n: Labels, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const key = `${prefix}.${value}`;
  return i18n.has(key) ? i18n.t(key) : value;
}

/**
 * Where a care window stands, in words: hours left when the time of the incident is known
 * ("PPE : 42 h restantes"), the day when only its date is ("PPE : jour 2 sur 3").
 * Null when the window is closed.
 */
export function windowLeft(i18n: Labels, state: WindowState): string | null {
  if (!state.open) return null;
  const window = i18n.t(`cases.window.${state.window}`);
  const days = state.hours / 24;
  if (state.minutesLeft === null) {
    return state.daysElapsed === 0 ? i18n.t('cases.left.sameDay', { window, days }) : i18n.t('cases.left.day', { window, day: state.daysElapsed, days });
  }
  const hours = Math.floor(state.minutesLeft / 60);
  return hours >= 1 ? i18n.t('cases.left.hours', { window, hours }) : i18n.t('cases.left.minutes', { window, minutes: state.minutesLeft });
}

export interface Chip {
  key: string;
  text: string;
  tone: 'danger' | 'warning' | 'info';
}

/** The urgency chips of a case, most urgent first (as the API orders its reasons). */
export function urgencyChips(i18n: Labels, c: CaseSummaryData): Chip[] {
  const chips: Chip[] = [];
  for (const reason of c.urgency) {
    if ((reason === 'pep_window' || reason === 'ec_window') && c.clock) {
      const state = reason === 'pep_window' ? c.clock.now.pep : c.clock.now.ec;
      const text = windowLeft(i18n, state);
      if (text) chips.push({ key: reason, text, tone: 'danger' });
    } else if (reason === 'action_overdue') {
      chips.push({ key: reason, text: i18n.t('cases.chip.overdue', { n: c.overdueActions }), tone: 'warning' });
    } else if (reason === 'appointment_due') {
      chips.push({ key: reason, text: i18n.t('cases.chip.appointments', { n: c.appointmentsDue }), tone: 'warning' });
    } else if (reason === 'at_risk') {
      chips.push({ key: reason, text: i18n.t('urgency.at_risk'), tone: 'info' });
    }
  }
  return chips;
}

/** A wall-clock `YYYY-MM-DDTHH:MM` (or a date alone) shown in the user's language, without any time-zone shift. */
export function wallClock(locale: string, value: string): string {
  const [date, time] = value.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [hh, mm] = (time ?? '').split(':').map(Number);
  if (!y || !m || !d) return value;
  const instant = new Date(Date.UTC(y, m - 1, d, hh ?? 0, mm ?? 0));
  const options: Intl.DateTimeFormatOptions = time ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(instant);
}
