import { describe, expect, it } from 'vitest';
import type { Consent } from '@relais/core';
import { codesOf, consentState, sharedFields } from './referral-labels.ts';

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

  it('shares on the slip only the fields of the newest consent that holds and covers the receiver for a referral', () => {
    const toChams = { toOrganisation: { code: 'CHAMS', name: 'Chams' }, toService: null, overridden: false };
    const consents = [
      consent({ id: 'new', fields: ['code', 'sex', 'phone'] }),
      consent({ id: 'old', fields: ['code', 'need', 'notes'] }),
    ];
    expect([...sharedFields(toChams, consents, '2026-06-01')]).toEqual(['code', 'sex', 'phone']);
    // Withdrawn, expired, another receiver or another purpose: nothing is shared.
    expect([...sharedFields(toChams, [consent({ withdrawnAt: '2026-02-01T00:00:00Z' })], '2026-06-01')]).toEqual([]);
    expect([...sharedFields(toChams, [consent({})], '2027-02-01')]).toEqual([]);
    expect([...sharedFields(toChams, [consent({ to: [{ code: 'TIERS', name: 'Tiers' }] })], '2026-06-01')]).toEqual([]);
    expect([...sharedFields(toChams, [consent({ purposes: ['reporting'] })], '2026-06-01')]).toEqual([]);
    // A directory service is covered by its id; an override shares the need only.
    const toService = { toOrganisation: null, toService: { id: 's1', name: 'Service' }, overridden: false };
    expect([...sharedFields(toService, [consent({ to: [], toServices: [{ id: 's1', name: 'Service' }], fields: ['sex'] })], '2026-06-01')]).toEqual(['sex']);
    expect([...sharedFields({ ...toChams, overridden: true }, consents, '2026-06-01')]).toEqual(['need']);
  });

  it('reads organisation codes as typed: commas, spaces, small letters, twice', () => {
    expect(codesOf(' chams, Tiers;CHAMS  ms2 ')).toEqual(['CHAMS', 'TIERS', 'MS2']);
    expect(codesOf('  ')).toEqual([]);
  });
});
