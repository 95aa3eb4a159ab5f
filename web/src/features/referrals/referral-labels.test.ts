import { describe, expect, it } from 'vitest';
import type { Consent } from '@relais/core';
import { codesOf, consentState } from './referral-labels.ts';

const consent = (c: Partial<Consent>): Consent => ({
  id: 'c1',
  beneficiaryId: 'b1',
  to: [{ code: 'CHAMS', name: 'Chams' }],
  toServices: [],
  purposes: ['referral'],
  fields: ['code', 'need'],
  grantedBy: 'person',
  witness: null,
  givenOn: '2026-01-10',
  expiresOn: '2027-01-09',
  withdrawnAt: null,
  active: true,
  ...c,
});

describe('referral labels', () => {
  it('says where a consent stands on a day: holds, expired, withdrawn', () => {
    expect(consentState(consent({}), '2026-06-01')).toBe('holds');
    expect(consentState(consent({}), '2027-01-09')).toBe('holds');
    expect(consentState(consent({}), '2027-01-10')).toBe('expired');
    expect(consentState(consent({ withdrawnAt: '2026-03-01T10:00:00Z' }), '2026-06-01')).toBe('withdrawn');
  });

  it('reads organisation codes as typed: commas, spaces, small letters, twice', () => {
    expect(codesOf(' chams, Tiers;CHAMS  ms2 ')).toEqual(['CHAMS', 'TIERS', 'MS2']);
    expect(codesOf('  ')).toEqual([]);
  });
});
