import { describe, expect, it } from 'vitest';
import { checkGroupSessionAttendance, parseRegisterNo } from './service-rules.ts';

describe('parseRegisterNo: a testing register number as typed', () => {
  it('reads a whole number', () => {
    expect(parseRegisterNo(' 17 ', 2026)).toEqual({ ok: true, registerNo: 17 });
  });
  it('reads the paper register’s year-number form of the service’s year', () => {
    expect(parseRegisterNo('2026-001', 2026)).toEqual({ ok: true, registerNo: 1 });
    expect(parseRegisterNo('2026/117', 2026)).toEqual({ ok: true, registerNo: 117 });
  });
  it('refuses the paper form of another year, naming both years', () => {
    expect(parseRegisterNo('2025-014', 2026)).toEqual({ ok: false, issue: { code: 'register_year', params: { year: 2025, dateYear: 2026 } } });
  });
  it('says what is expected for anything else', () => {
    for (const raw of ['N° 17', '17a', '26-001', '-3']) expect(parseRegisterNo(raw, 2026)).toEqual({ ok: false, issue: { code: 'register_no_format' } });
  });
});

describe('checkGroupSessionAttendance', () => {
  it('refuses a session with nobody, on the attendees field', () => {
    expect(checkGroupSessionAttendance({ attendees: [], anonymous: [] })).toEqual([{ field: 'attendees', code: 'no_participant' }]);
    expect(checkGroupSessionAttendance({ attendees: ['x'], anonymous: [] })).toEqual([]);
    expect(checkGroupSessionAttendance({ attendees: [], anonymous: [{ count: 3 }] })).toEqual([]);
  });
});
