import type { CaseData } from '../../api/cases.ts';
import { Alert, Card } from '../../ui/index.ts';
import { useI18n, type I18n } from '../../i18n/i18n.tsx';

type Clock = NonNullable<CaseData['clock']>;
type WindowState = Clock['now']['pep'];

/**
 * The 72 h / 120 h clock: for each window, time left now (hours and minutes, or the day when
 * the incident's time is not known), whether reception was inside it, and the alert when the
 * case was opened inside a window and nothing answering it is recorded yet.
 */
export function CaseClock({ clock, open }: { clock: Clock; open: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Card title={t('cases.clock.title')} className="case-clock">
      <div className="stack">
        {open && clock.alerts.includes('pep') ? <Alert tone="error">{t('cases.alert.pep')}</Alert> : null}
        {open && clock.alerts.includes('ec') ? <Alert tone="error">{t('cases.alert.ec')}</Alert> : null}
        <div className="clock-windows">
          <Window i18n={i18n} now={clock.now.pep} atReception={clock.atReception.pep} />
          <Window i18n={i18n} now={clock.now.ec} atReception={clock.atReception.ec} />
        </div>
      </div>
    </Card>
  );
}

/** What is left of a window now, as one big line. */
function leftNow(i18n: I18n, s: WindowState): string {
  const { t } = i18n;
  const days = s.hours / 24;
  if (!s.open) {
    if (s.minutesElapsed === null) return t('cases.clock.closedDays', { days: s.daysElapsed });
    return t('cases.clock.closedHours', { hours: Math.floor(s.minutesElapsed / 60) });
  }
  if (s.minutesLeft === null) return s.daysElapsed === 0 ? t('cases.clock.sameDay', { days }) : t('cases.clock.day', { day: s.daysElapsed, days });
  return t('cases.clock.left', { hours: Math.floor(s.minutesLeft / 60), minutes: s.minutesLeft % 60 });
}

/** Where reception stood: how long after the incident, inside or outside the window. */
function atReceptionText(i18n: I18n, s: WindowState): string {
  const { t } = i18n;
  const after = s.minutesElapsed === null ? t('cases.clock.afterDays', { days: s.daysElapsed }) : t('cases.clock.afterHours', { hours: Math.round(s.minutesElapsed / 60) });
  return t(s.open ? 'cases.clock.receptionInside' : 'cases.clock.receptionOutside', { after });
}

function Window({ i18n, now, atReception }: { i18n: I18n; now: WindowState; atReception: WindowState }) {
  const { t } = i18n;
  return (
    <section className={now.open ? 'clock-window clock-open' : 'clock-window clock-closed'} aria-label={t(`cases.clock.${now.window}`)}>
      <h3 className="subheading">{t(`cases.clock.${now.window}`)}</h3>
      <p className="clock-left" aria-live="polite">
        {leftNow(i18n, now)}
      </p>
      <p className="muted">{atReceptionText(i18n, atReception)}</p>
      {now.minutesElapsed === null ? <p className="muted">{t('cases.clock.daysNote')}</p> : null}
    </section>
  );
}
