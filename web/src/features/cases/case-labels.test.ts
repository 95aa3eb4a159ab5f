import { describe, expect, it } from 'vitest';
import { caseClock } from '@relais/core';
import type { CaseSummaryData } from '../../api/cases.ts';
import { createI18n, loadCatalogue } from '../../i18n/i18n.tsx';
import { urgencyChips, vocab, wallClock, windowLeft } from './case-labels.ts';

await loadCatalogue('fr');
await loadCatalogue('ar');

const fr = createI18n('fr', () => undefined);
const ar = createI18n('ar', () => undefined);

describe('case labels', () => {
  it('counts a window in hours when the time of the incident is known, in days when only its date is', () => {
    const timed = caseClock({ date: '2026-11-30', time: '06:00' }, '2026-12-01T12:00', '2026-12-01T12:00');
    expect(windowLeft(fr, timed.now.pep)).toBe('PPE : 42 h restantes');
    expect(windowLeft(fr, timed.now.ec)).toBe('Contraception d’urgence : 90 h restantes');
    expect(windowLeft(ar, timed.now.pep)).toBe('العلاج الوقائي بعد التعرض: تبقى 42 ساعة');
    const lastMinutes = caseClock({ date: '2026-11-28', time: '12:00' }, '2026-12-01T11:30', '2026-12-01T11:30');
    expect(windowLeft(fr, lastMinutes.now.pep)).toBe('PPE : 30 min restantes');
    const dateOnly = caseClock({ date: '2026-11-29', time: null }, '2026-12-01T09:00', '2026-12-01T09:00');
    expect(windowLeft(fr, dateOnly.now.pep)).toBe('PPE : jour 2 sur 3');
    const sameDay = caseClock({ date: '2026-12-01', time: null }, '2026-12-01T09:00', '2026-12-01T09:00');
    expect(windowLeft(fr, sameDay.now.pep)).toBe('PPE : jour de l’incident (sur 3)');
    const past = caseClock({ date: '2026-11-25', time: null }, '2026-12-01T09:00', '2026-12-01T09:00');
    expect(windowLeft(fr, past.now.pep)).toBeNull();
  });

  it('gives one chip per reason of urgency, in the API’s order', () => {
    const clock = caseClock({ date: '2026-11-30', time: '06:00' }, '2026-12-01T12:00', '2026-12-01T12:00');
    const summary = {
      urgency: ['pep_window', 'ec_window', 'action_overdue', 'appointment_due', 'at_risk'],
      clock: { ...clock, alerts: ['pep'] },
      overdueActions: 2,
      appointmentsDue: 1,
    } as unknown as CaseSummaryData;
    expect(urgencyChips(fr, summary).map((c) => [c.text, c.tone])).toEqual([
      ['PPE : 42 h restantes', 'danger'],
      ['Contraception d’urgence : 90 h restantes', 'danger'],
      ['Actions en retard : 2', 'warning'],
      ['Rendez-vous à honorer : 1', 'warning'],
      [fr.t('urgency.at_risk'), 'info'],
    ]);
  });

  it('names vocabulary values (the code when unknown, a dash when empty) and shows wall-clock times without shifting them', () => {
    expect(vocab(fr, 'closure_reason', 'goals_met')).toBe('Objectifs atteints');
    expect(vocab(fr, 'violence_type', 'custom_type')).toBe('custom_type');
    expect(vocab(fr, 'violence_type', null)).toBe('—');
    expect(wallClock('fr-MA', '2026-12-01T23:30')).toContain('23:30');
    expect(wallClock('fr-MA', '2026-12-01')).toContain('2026');
  });
});
