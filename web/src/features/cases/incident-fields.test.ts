import { describe, expect, it } from 'vitest';
import { IncidentInput } from '@relais/core';
import { emptyIncident, incidentDraftOf, incidentInput } from './incident-fields.tsx';

describe('incident draft', () => {
  it('sends the date and time, or the date alone when the time is unknown or left empty', () => {
    const draft = { ...emptyIncident, date: '2026-11-30', time: '06:30', violenceType: 'rape', repeated: 'yes' as const };
    expect(incidentInput(draft)).toEqual({ at: '2026-11-30T06:30', place: null, perpetrator: null, repeated: true, violenceType: 'rape', reportingConsent: false });
    expect(incidentInput({ ...draft, timeUnknown: true }).at).toBe('2026-11-30');
    expect(incidentInput({ ...draft, time: '' }).at).toBe('2026-11-30');
    expect(IncidentInput.safeParse(incidentInput(draft)).success).toBe(true);
    expect(IncidentInput.safeParse(incidentInput(emptyIncident)).success).toBe(false);
  });

  it('reads a recorded incident back into the form (time unknown when there is none)', () => {
    const recorded = { date: '2026-11-29', time: null, place: 'home', perpetrator: 'client', repeated: false, violenceType: 'sexual_assault', violenceFamily: 'physical_sexual' as const, reportingConsent: true };
    const draft = incidentDraftOf(recorded);
    expect(draft).toMatchObject({ date: '2026-11-29', time: '', timeUnknown: true, repeated: 'no', reportingConsent: true });
    expect(incidentInput(draft)).toEqual({ at: '2026-11-29', place: 'home', perpetrator: 'client', repeated: false, violenceType: 'sexual_assault', reportingConsent: true });
  });
});
