import { describe, expect, it } from 'vitest';
import { defaultIndicators, defaultProgramServices, type IndicatorDefinition } from '@relais/core';
import { REACH_SLOT, reportRules, reportSlots } from './report-rules.ts';
import { monthSpan } from './report.engine.ts';

describe('report rules (which services feed which slot of the person facts)', () => {
  it('gives a slot to each distinct-persons indicator, and reuses "reached" for the reach', () => {
    const slots = reportSlots(defaultIndicators);
    expect([...slots.keys()]).toEqual(['reached', 'tested_known_result', 'positive', 'beneficiaries_served', 'persons_full_paquet', 'returned', 'sensitised', REACH_SLOT]);
    expect(slots.get(REACH_SLOT)).toBe(slots.get('reached'));
    expect(slots.has('condoms_distributed')).toBe(false);
  });

  it('gives no slot to an indicator that reads the service’s case; one scoped to programs comes after the others, with rules for its programs only', () => {
    const own: IndicatorDefinition = { code: 'my_tested', measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'] } } };
    const slots = reportSlots([...defaultIndicators, own]);
    for (const code of ['survivors_cared', 'pep_within_72h', 'biomedical_served', 'cases_opened']) expect(slots.has(code)).toBe(false);
    // An organisation's own indicator keeps the slot it had before the gbv defaults existed.
    expect(slots.get('my_tested')).toBe(6);
    expect(slots.get('sensitised')).toBe(7);
    const rules = reportRules([...defaultIndicators, own], { prev_ps: defaultProgramServices.prev_ps!, gbv: defaultProgramServices.gbv! });
    expect(rules.filter((r) => r.indicator === 'sensitised').map((r) => [r.program, r.services])).toEqual([['gbv', ['iec_session']]]);
    expect(rules.filter((r) => r.program === 'prev_ps').map((r) => r.indicator)).not.toContain('sensitised');
  });

  it('adds a reach slot of its own when no indicator is plain reach', () => {
    const own: IndicatorDefinition[] = [{ code: 'tested', measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'] } } }];
    const slots = reportSlots(own);
    expect(slots.get(REACH_SLOT)).toBe(1);
    const rules = reportRules(own, { prev_ps: defaultProgramServices.prev_ps! });
    expect(rules.map((r) => [r.indicator, r.slot, r.services])).toEqual([
      ['tested', 0, ['hiv_test']],
      [REACH_SLOT, 1, ['iec_session', 'outreach_contact']],
    ]);
  });

  it('takes the reach and the paquet minimum of each program from its catalogue', () => {
    const rules = reportRules(defaultIndicators, { prev_hsh: defaultProgramServices.prev_hsh!, gbv: defaultProgramServices.gbv! });
    const of = (program: string, indicator: string) => rules.find((r) => r.program === program && r.indicator === indicator);
    expect(of('prev_hsh', 'reached')?.services).toEqual(['iec_session', 'outreach_contact']);
    expect(of('prev_hsh', 'persons_full_paquet')).toMatchObject({ fullPaquet: true, services: ['condoms', 'iec_session', 'lubricant', 'outreach_contact'] });
    expect(of('gbv', 'persons_full_paquet')?.services).toEqual([]);
    expect(of('gbv', 'tested_known_result')).toMatchObject({ services: ['hiv_test'], results: ['negative', 'positive'] });
    expect(of('gbv', 'returned')).toMatchObject({ services: null, atPremises: true });
  });
});

describe('periods the facts can answer (whole months)', () => {
  it('reads a year, a semester, a quarter, a month, and a range of whole months across years', () => {
    expect(monthSpan('2024-01-01', '2024-12-31')).toEqual({ fromMonth: '2024-01-01', toMonth: '2024-12-01', years: [{ year: 2024, mask: 0xfff }] });
    expect(monthSpan('2024-07-01', '2024-12-31')?.years).toEqual([{ year: 2024, mask: 0xfc0 }]);
    expect(monthSpan('2024-02-01', '2024-02-29')?.years).toEqual([{ year: 2024, mask: 0x2 }]);
    expect(monthSpan('2023-11-01', '2024-02-29')?.years).toEqual([
      { year: 2023, mask: 0xc00 },
      { year: 2024, mask: 0x3 },
    ]);
  });

  it('leaves ranges that cut a month to the services', () => {
    expect(monthSpan('2024-02-10', '2024-05-31')).toBeNull();
    expect(monthSpan('2024-02-01', '2024-02-28')).toBeNull();
  });
});
