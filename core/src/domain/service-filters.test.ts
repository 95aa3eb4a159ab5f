import { describe, expect, it } from 'vitest';
import { isAtPremises, matchesServiceFilter, type FilteredService } from './service-filters.ts';

const test: FilteredService = { service: 'hiv_test', result: 'negative', kind: null, strategy: 'fixed', modality: null, atSite: false };

describe('isAtPremises: a service given at the organisation’s premises', () => {
  it('is a fixed-strategy service, or one without a strategy, away from any outreach site', () => {
    expect(isAtPremises(test)).toBe(true);
    expect(isAtPremises({ ...test, service: 'medical_support', strategy: null })).toBe(true);
  });
  it('is not an outreach contact, a mobile test, or a service at an outreach site', () => {
    expect(isAtPremises({ ...test, service: 'outreach_contact', strategy: null })).toBe(false);
    expect(isAtPremises({ ...test, strategy: 'mobile' })).toBe(false);
    expect(isAtPremises({ ...test, atSite: true })).toBe(false);
  });
});

describe('matchesServiceFilter: one service against an indicator’s filter', () => {
  it('passes everything through an empty filter', () => {
    expect(matchesServiceFilter({}, { ...test, atSite: true, strategy: 'mobile' })).toBe(true);
  });
  it('reads the services, the program’s reach for `reach`', () => {
    expect(matchesServiceFilter({ services: ['hiv_test'] }, test)).toBe(true);
    expect(matchesServiceFilter({ services: ['condoms'] }, test)).toBe(false);
    expect(matchesServiceFilter({ services: 'reach' }, test, ['outreach_contact'])).toBe(false);
    expect(matchesServiceFilter({ services: 'reach' }, test, ['hiv_test'])).toBe(true);
    expect(matchesServiceFilter({ services: 'reach' }, test)).toBe(false);
  });
  it('keeps a field’s listed values only; a service without the field does not pass', () => {
    expect(matchesServiceFilter({ result: ['negative', 'positive'] }, test)).toBe(true);
    expect(matchesServiceFilter({ result: ['positive'] }, test)).toBe(false);
    expect(matchesServiceFilter({ kind: ['individual'] }, test)).toBe(false);
  });
  it('applies at-premises when asked', () => {
    expect(matchesServiceFilter({ atPremises: true }, test)).toBe(true);
    expect(matchesServiceFilter({ atPremises: true }, { ...test, strategy: 'mobile' })).toBe(false);
  });
});
