import { describe, expect, it } from 'vitest';
import { atRiskOfLoss, caseClock, daysBetween, openedWithinPep, wallClockNow, windowAt } from './cases.ts';

describe('care windows (72 h PEP, 120 h emergency contraception)', () => {
  const incident = { date: '2024-03-10', time: '22:00' };

  it('counts an incident 71 h 59 before reception inside the PEP window, 72 h 01 outside, 72 h 00 inside', () => {
    expect(windowAt(incident, '2024-03-13T21:59', 'pep').open).toBe(true);
    expect(windowAt(incident, '2024-03-13T22:00', 'pep').open).toBe(true);
    expect(windowAt(incident, '2024-03-13T22:01', 'pep').open).toBe(false);
    expect(openedWithinPep(incident, '2024-03-13T21:59')).toBe(true);
    expect(openedWithinPep(incident, '2024-03-13T22:01')).toBe(false);
  });

  it('gives the minutes left: 30 h after the incident, 42 h of PEP and 90 h of emergency contraception', () => {
    const clock = caseClock(incident, '2024-03-11T08:00', '2024-03-12T04:00');
    expect(clock.atReception.pep.minutesLeft).toBe((72 - 10) * 60);
    expect(clock.now.pep.minutesLeft).toBe(42 * 60);
    expect(clock.now.ec.minutesLeft).toBe(90 * 60);
    expect(clock.now.pep.minutesElapsed).toBe(30 * 60);
  });

  it('counts a date-only incident in whole days: 3 days after is inside PEP, 4 is not; 5 inside emergency contraception, 6 is not', () => {
    const dateOnly = { date: '2024-03-10', time: null };
    expect(windowAt(dateOnly, '2024-03-13T23:59', 'pep').open).toBe(true);
    expect(windowAt(dateOnly, '2024-03-14T00:00', 'pep').open).toBe(false);
    expect(windowAt(dateOnly, '2024-03-15T12:00', 'ec').open).toBe(true);
    expect(windowAt(dateOnly, '2024-03-16T00:01', 'ec').open).toBe(false);
    expect(windowAt(dateOnly, '2024-03-12T10:00', 'pep').minutesLeft).toBeNull();
  });

  it('is not open before the incident (a reception typed before it)', () => {
    expect(windowAt(incident, '2024-03-10T21:00', 'pep').open).toBe(false);
  });

  it('crosses months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(windowAt({ date: '2024-02-28', time: '12:00' }, '2024-03-02T11:00', 'pep').open).toBe(true);
  });
});

describe('the wall clock and the risk of loss', () => {
  it('reads the wall clock of a time zone', () => {
    const at = new Date('2024-07-01T10:30:00Z');
    expect(wallClockNow('UTC', at)).toBe('2024-07-01T10:30');
    expect(wallClockNow('Asia/Tokyo', at)).toBe('2024-07-01T19:30');
  });

  it('flags a case with no contact for more than N days', () => {
    expect(atRiskOfLoss('2024-01-01', '2024-03-01', 60)).toBe(false);
    expect(atRiskOfLoss('2024-01-01', '2024-03-02', 60)).toBe(true);
  });
});
