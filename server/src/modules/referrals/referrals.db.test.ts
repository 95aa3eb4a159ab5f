import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, AuditEvent, Consent, Referral } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

/**
 * Referrals between organisations resting on consent (issue 15). MS2 (sender, keeps the record)
 * refers a person to CHAMS (on the instance); TIERS is a third organisation.
 */
describe(`referrals and consent (${engine})`, () => {
  let t: TestApp;
  let ms2: TestOrg;
  let chams: TestOrg;
  let tiers: TestOrg;
  let sw: Client;
  let pe: Client;
  let coord: Client;
  let receiver: Client;
  let third: Client;
  let person: string;
  let oujda: string;
  let code: string;
  const today = new Date().toISOString().slice(0, 10);

  const consent = async (body: Record<string, unknown>, who: Client = sw, id = person) => {
    const res = await who.post<Consent>(`/beneficiaries/${id}/consents`, { purposes: ['referral'], fields: ['code', 'need'], grantedBy: 'person', givenOn: today, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const refer = (body: Record<string, unknown> = {}, who: Client = sw) =>
    who.post<Referral & ApiErrorBody>('/referrals', { beneficiaryId: person, toOrganisation: 'CHAMS', need: 'Prise en charge psychologique', urgency: 'urgent', note: 'Note du conseiller', ...body });

  beforeAll(async () => {
    t = await createTestApp();
    ms2 = await createOrg(t, 'MS2');
    chams = await createOrg(t, 'CHAMS');
    tiers = await createOrg(t, 'TIERS');
    oujda = await createUnit(ms2.admin, ms2.rootUnitId, 'OUJDA');
    ({ client: sw } = await createUserClient(t, ms2.admin, 'MS2', 'conseillere', 'social_worker', oujda));
    ({ client: pe } = await createUserClient(t, ms2.admin, 'MS2', 'pair', 'peer_educator', oujda));
    ({ client: coord } = await createUserClient(t, ms2.admin, 'MS2', 'coord', 'coordinator', ms2.rootUnitId));
    ({ client: receiver } = await createUserClient(t, chams.admin, 'CHAMS', 'accueil', 'partner', chams.rootUnitId));
    ({ client: third } = await createUserClient(t, tiers.admin, 'TIERS', 'autre', 'coordinator', tiers.rootUnitId));
    const b = await registerBeneficiary(sw, { orgUnitId: oujda, registeredOn: '2026-01-05', sex: 'F', birthYear: 1996 });
    person = b.id;
    code = b.code;
  });
  afterAll(() => t.close());

  it('refuses a referral without a valid consent covering that receiver and purpose (422 consent_required)', async () => {
    const none = await refer();
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('consent_required');
    await consent({ to: ['CHAMS'], purposes: ['care_coordination'] });
    await consent({ to: ['TIERS'] });
    await consent({ to: ['CHAMS'], givenOn: '2024-01-01', expiresOn: '2024-12-31' });
    const withdrawn = await consent({ to: ['CHAMS'] });
    expect((await sw.post<Consent>(`/consents/${withdrawn.id}/withdraw`, {})).body.active).toBe(false);
    const still = await refer();
    expect(still.status).toBe(422);
    expect(still.body.error.code).toBe('consent_required');
    const unknown = await sw.post<ApiErrorBody>(`/beneficiaries/${person}/consents`, { to: ['NOPE'], purposes: ['referral'], fields: ['code'], grantedBy: 'person', givenOn: today });
    expect(unknown.body.error.fields?.[0]).toMatchObject({ field: 'to.0', code: 'unknown_reference' });
  });

  it('sends with consent; the receiver sees only the consented fields, a third organisation nothing', async () => {
    const given = await consent({ to: ['CHAMS'], fields: ['code', 'need'] });
    expect(given).toMatchObject({ active: true, to: [{ code: 'CHAMS' }] });
    const sent = await refer({ id: '00000000-0000-4000-8000-0000000f0001' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ status: 'sent', side: 'sender', beneficiaryId: person, note: 'Note du conseiller', person: { code, sex: 'F', birthYear: 1996 } });
    expect(sent.body.reference).toMatch(/^REF-\d{4}-000001$/);
    expect((await refer({ id: '00000000-0000-4000-8000-0000000f0001' })).status).toBe(200);

    const inbox = await receiver.get<{ items: Referral[] }>('/referrals?box=incoming');
    expect(inbox.body.items).toHaveLength(1);
    const seen = (await receiver.get<Referral>(`/referrals/${sent.body.id}`)).body;
    expect(seen).toEqual({
      id: sent.body.id,
      reference: sent.body.reference,
      status: 'sent',
      side: 'receiver',
      from: { code: 'MS2', name: 'Organisation MS2' },
      toOrganisation: { code: 'CHAMS', name: 'Organisation CHAMS' },
      toService: null,
      urgency: 'urgent',
      serviceType: null,
      program: null,
      accompanied: false,
      interpretation: null,
      sentOn: today,
      person: { code },
      need: 'Prise en charge psychologique',
      statedNeeds: null,
      linkedBeneficiaryId: null,
      overridden: false,
      declineReason: null,
      deliveredOn: null,
      deliveryNote: null,
      notDeliveredReason: null,
      daysToService: null,
      unanswered: false,
      history: [expect.objectContaining({ status: 'sent', organisation: 'Organisation MS2' })],
    });
    expect((await third.get(`/referrals/${sent.body.id}`)).status).toBe(404);
    expect((await third.get<{ items: Referral[] }>('/referrals?box=incoming')).body.items).toEqual([]);
    // The receiving organisation's staff who read persons find no such person; its partner role reads no person at all.
    expect((await chams.admin.get(`/beneficiaries/${person}`)).status).toBe(404);
    expect((await receiver.get(`/beneficiaries/${person}`)).status).toBe(404);
    expect((await third.get(`/beneficiaries/${person}`)).status).toBe(404);
  });

  it('follows the states: each side its steps, none out of order, every step stamped', async () => {
    const id = '00000000-0000-4000-8000-0000000f0001';
    expect((await receiver.post<ApiErrorBody>(`/referrals/${id}/deliver`, { deliveredOn: today })).body.error.code).toBe('transition_not_allowed');
    expect((await sw.post(`/referrals/${id}/accept`, {})).status).toBe(409);
    expect((await receiver.post<Referral>(`/referrals/${id}/accept`, {})).body.status).toBe('accepted');
    const done = await receiver.post<Referral>(`/referrals/${id}/deliver`, { deliveredOn: today, note: 'Première séance' });
    expect(done.body).toMatchObject({ status: 'delivered', deliveredOn: today, daysToService: 0 });
    expect((await sw.post<ApiErrorBody>(`/referrals/${id}/withdraw`, {})).status).toBe(409);
    const closed = await sw.post<Referral>(`/referrals/${id}/close`, {});
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((h) => h.status)).toEqual(['sent', 'accepted', 'delivered', 'closed']);
    const sent = await sw.get<{ items: Referral[] }>('/referrals?box=outgoing');
    expect(sent.body.items.find((r) => r.id === id)).toMatchObject({ status: 'closed', daysToService: 0 });
  });

  it('takes the shared fields away at once when the consent is withdrawn', async () => {
    const given = await consent({ to: ['CHAMS'], fields: ['code', 'sex', 'need', 'notes'] });
    const sent = await refer({ consentId: given.id });
    expect(sent.status).toBe(201);
    expect((await receiver.get<Referral>(`/referrals/${sent.body.id}`)).body).toMatchObject({ person: { code, sex: 'F' }, need: 'Prise en charge psychologique', note: 'Note du conseiller' });
    expect(sent.body.sharedFields).toEqual(['code', 'sex', 'need', 'notes']);
    await sw.post(`/consents/${given.id}/withdraw`, {});
    // The sender's view says what the receiver sees now (her slip prints no more).
    expect((await sw.get<Referral>(`/referrals/${sent.body.id}`)).body.sharedFields).toEqual([]);
    const after = (await receiver.get<Referral>(`/referrals/${sent.body.id}`)).body;
    expect(after.person).toEqual({});
    expect(after).not.toHaveProperty('need');
    expect(after).not.toHaveProperty('note');
  });

  it('lets a coordinator refer without consent with a reason (audited), not a peer educator', async () => {
    const child = (await registerBeneficiary(sw, { orgUnitId: oujda, registeredOn: '2026-01-05', sex: 'M', birthYear: 2014 })).id;
    const body = { beneficiaryId: child, toOrganisation: 'TIERS', override: { reason: 'Enfant en danger : signalement obligatoire' } };
    expect((await refer(body, pe)).status).toBe(403);
    const short = await refer({ ...body, override: { reason: 'vite' } }, coord);
    expect(short.status).toBe(400);
    const ok = await refer(body, coord);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.overridden).toBe(true);
    const audit = await ms2.admin.get<{ items: AuditEvent[] }>('/audit?action=referral.override');
    expect(audit.body.items[0]?.details).toMatchObject({ reason: 'Enfant en danger : signalement obligatoire' });
    // The receiver of an override sees the need, nothing of the person.
    const seen = (await third.get<Referral>(`/referrals/${ok.body.id}`)).body;
    expect(seen.person).toEqual({});
    expect(seen.need).toBe('Prise en charge psychologique');
  });
});
