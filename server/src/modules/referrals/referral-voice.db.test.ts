import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Consent, Referral, ReportRow } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

/**
 * The person's voice (her stated needs, her feedback), the receiver's own record of her, the
 * unanswered flag's setting, and the referral indicators on a hand-built dataset (issue 15).
 *
 * The dataset (program mediation, 2026-S1; MS2 at units OUJDA and NADOR sends):
 * - R1 OUJDA → CHAMS, urgent, sent 2026-01-10, accepted, delivered 2026-01-14 (4 days); feedback: satisfied.
 * - R2 OUJDA → CHAMS, normal, sent 2026-02-01, accepted, delivered 2026-02-11 (10 days); feedback: not satisfied.
 * - R3 NADOR → CHAMS, normal, sent 2026-03-01, accepted, not delivered (did not come).
 * - R4 NADOR → TIERS, emergency, sent 2026-03-05, declined.
 * - R5 OUJDA → TIERS, normal, sent 2026-04-02, accepted, delivered 2026-04-03 (1 day).
 * - R6 OUJDA → CHAMS, normal, sent 2026-07-01: outside the period.
 * Sent 5; accepted 4; delivered 3; completion 3/5 = 0.6; median days of (4, 10, 1) = 4;
 * feedback 2, satisfied 1 (0.5). By receiver: CHAMS 3 sent, 2 delivered; TIERS 2 sent, 1 delivered.
 * CHAMS received 3 in the period (from MS2).
 */
describe(`referrals: the person's voice and the indicators (${engine})`, () => {
  let t: TestApp;
  let ms2: TestOrg;
  let chams: TestOrg;
  let sw: Client;
  let receiver: Client;
  let tiers: Client;
  let chamsSw: Client;
  let chamsUnit: string;
  let person: string;
  let oujda: string;
  let nador: string;
  const today = new Date().toISOString().slice(0, 10);

  const consentFor = async (to: string[], purposes: string[], fields: string[], id = person) => {
    const res = await sw.post<Consent>(`/beneficiaries/${id}/consents`, { to, purposes, fields, grantedBy: 'person', givenOn: '2025-12-01', expiresOn: '2027-12-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const refer = async (body: Record<string, unknown>) => {
    const res = await sw.post<Referral>('/referrals', { beneficiaryId: person, need: 'Accompagnement juridique', program: 'mediation', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const step = async (who: Client, id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await who.post<Referral>(`/referrals/${id}/${action}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ms2 = await createOrg(t, 'MS2');
    chams = await createOrg(t, 'CHAMS');
    const tiersOrg = await createOrg(t, 'TIERS');
    oujda = await createUnit(ms2.admin, ms2.rootUnitId, 'OUJDA');
    nador = await createUnit(ms2.admin, ms2.rootUnitId, 'NADOR');
    chamsUnit = await createUnit(chams.admin, chams.rootUnitId, 'AGADIR');
    ({ client: sw } = await createUserClient(t, ms2.admin, 'MS2', 'conseillere', 'social_worker', ms2.rootUnitId));
    ({ client: receiver } = await createUserClient(t, chams.admin, 'CHAMS', 'accueil', 'partner', chams.rootUnitId));
    ({ client: chamsSw } = await createUserClient(t, chams.admin, 'CHAMS', 'as.agadir', 'social_worker', chamsUnit));
    ({ client: tiers } = await createUserClient(t, tiersOrg.admin, 'TIERS', 'accueil', 'partner', tiersOrg.rootUnitId));
    person = (await registerBeneficiary(sw, { orgUnitId: oujda, registeredOn: '2025-11-05', sex: 'F', birthYear: 1994 })).id;
  });
  afterAll(() => t.close());

  it('keeps her own words apart from the worker’s need; the receiver reads them only with `need` consented, never her feedback', async () => {
    await consentFor(['CHAMS'], ['referral'], ['code', 'need']);
    const sent = await refer({ toOrganisation: 'CHAMS', statedNeeds: 'Je veux récupérer mon passeport', serviceType: 'legal_aid' });
    expect(sent).toMatchObject({ need: 'Accompagnement juridique', statedNeeds: 'Je veux récupérer mon passeport', serviceType: 'legal_aid', program: 'mediation', feedback: null });
    // No feedback before the receiver answers.
    expect((await sw.post<ApiErrorBody>(`/referrals/${sent.id}/feedback`, { satisfied: true, givenOn: today })).body.error.code).toBe('transition_not_allowed');
    await step(receiver, sent.id, 'accept');
    await step(receiver, sent.id, 'deliver', { deliveredOn: today });
    const bad = await sw.post<ApiErrorBody>(`/referrals/${sent.id}/feedback`, { satisfied: true, reasons: ['nope'], givenOn: today });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe('reasons.0');
    const fed = await step(sw, sent.id, 'feedback', { satisfied: false, reasons: ['waited_too_long', 'language'], comment: 'Personne ne parlait swahili', givenOn: today });
    expect(fed.feedback).toEqual({ satisfied: false, reasons: ['waited_too_long', 'language'], comment: 'Personne ne parlait swahili', givenOn: today });
    // The receiver: her words (need consented), no feedback, no worker's note.
    const seen = (await receiver.get<Referral>(`/referrals/${sent.id}`)).body;
    expect(seen.statedNeeds).toBe('Je veux récupérer mon passeport');
    expect(seen).not.toHaveProperty('feedback');
    expect(JSON.stringify(seen)).not.toContain('swahili');
    // The receiver cannot give feedback in the person's name.
    expect((await receiver.post(`/referrals/${sent.id}/feedback`, { satisfied: true, givenOn: today })).status).toBe(403);
  });

  it('lets the receiver link its own record of her only while a consent for care coordination holds', async () => {
    const noCoordination = await refer({ toOrganisation: 'CHAMS' });
    const own = (await registerBeneficiary(chamsSw, { orgUnitId: chamsUnit, registeredOn: today, sex: 'F', birthYear: 1994 })).id;
    const refused = await chamsSw.post<ApiErrorBody>(`/referrals/${noCoordination.id}/link`, { beneficiaryId: own });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('consent_required');
    const coordination = await consentFor(['CHAMS'], ['referral', 'care_coordination'], ['code', 'sex', 'birth_year', 'need']);
    const sent = await refer({ toOrganisation: 'CHAMS', consentId: coordination.id });
    // The partner role does not register persons; the sender cannot link on the receiver's behalf.
    expect((await receiver.post(`/referrals/${sent.id}/link`, { beneficiaryId: own })).status).toBe(403);
    expect((await sw.post(`/referrals/${sent.id}/link`, { beneficiaryId: own })).status).toBe(404);
    // Another organisation's person id is not the receiver's to link.
    const foreign = await chamsSw.post<ApiErrorBody>(`/referrals/${sent.id}/link`, { beneficiaryId: person });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields?.[0]?.field).toBe('beneficiaryId');
    const linked = await step(chamsSw, sent.id, 'link', { beneficiaryId: own });
    expect(linked.linkedBeneficiaryId).toBe(own);
    // The sender's view does not carry the receiver's record; the owner of her record is unchanged.
    const mine = (await sw.get<Referral>(`/referrals/${sent.id}`)).body;
    expect(mine).not.toHaveProperty('linkedBeneficiaryId');
    expect(mine.beneficiaryId).toBe(person);
  });

  it('flags an unanswered referral after the organisation’s number of days', async () => {
    const sent = await refer({ toOrganisation: 'CHAMS' });
    await sql`update referral set sent_on = ${today}::date - 5 where id = ${sent.id}`.execute(t.db.kysely);
    expect((await sw.get<Referral>(`/referrals/${sent.id}`)).body.unanswered).toBe(false);
    expect((await sw.put('/referrals/settings', { unansweredAfterDays: 3 })).status).toBe(403);
    const set = await ms2.admin.put<{ unansweredAfterDays: number }>('/referrals/settings', { unansweredAfterDays: 3 });
    expect(set.body).toEqual({ unansweredAfterDays: 3 });
    expect((await sw.get<Referral>(`/referrals/${sent.id}`)).body.unanswered).toBe(true);
    // The receiver's flag follows its own organisation's setting (7 days by default).
    expect((await receiver.get<Referral>(`/referrals/${sent.id}`)).body.unanswered).toBe(false);
    expect((await ms2.admin.put<ApiErrorBody>('/referrals/settings', { unansweredAfterDays: 0 })).body.error.fields?.[0]?.field).toBe('unansweredAfterDays');
  });

  it('counts sent, accepted, delivered, completion, median days and satisfaction on a hand-built dataset', async () => {
    await consentFor(['CHAMS', 'TIERS'], ['referral'], ['code']);
    await sql`delete from referral_feedback`.execute(t.db.kysely);
    await sql`update referral set sent_on = '2025-12-20', delivered_on = null`.execute(t.db.kysely); // the earlier tests' referrals: before the period
    const make = async (unit: string, to: string, urgency: string, sentOn: string) => {
      const r = await refer({ toOrganisation: to, urgency });
      await sql`update referral set sent_on = ${sentOn}::date, org_unit_id = ${unit} where id = ${r.id}`.execute(t.db.kysely);
      return r.id;
    };
    const r1 = await make(oujda, 'CHAMS', 'urgent', '2026-01-10');
    const r2 = await make(oujda, 'CHAMS', 'normal', '2026-02-01');
    const r3 = await make(nador, 'CHAMS', 'normal', '2026-03-01');
    const r4 = await make(nador, 'TIERS', 'emergency', '2026-03-05');
    const r5 = await make(oujda, 'TIERS', 'normal', '2026-04-02');
    await make(oujda, 'CHAMS', 'normal', '2026-07-01');
    for (const id of [r1, r2, r3]) await step(receiver, id, 'accept');
    await step(tiers, r5, 'accept');
    await step(tiers, r4, 'decline', { reason: 'Hors zone' });
    await step(receiver, r1, 'deliver', { deliveredOn: '2026-01-14' });
    await step(receiver, r2, 'deliver', { deliveredOn: '2026-02-11' });
    await step(receiver, r3, 'not-delivered', { reason: 'did_not_come' });
    await step(tiers, r5, 'deliver', { deliveredOn: '2026-04-03' });
    await step(sw, r1, 'feedback', { satisfied: true, reasons: ['well_received'], givenOn: '2026-01-20' });
    await step(sw, r2, 'feedback', { satisfied: false, reasons: ['waited_too_long'], givenOn: '2026-02-20' });

    const indicators = ['referrals_sent', 'referrals_accepted', 'referrals_delivered', 'referral_completion_rate', 'referral_median_days', 'referral_feedback', 'referral_satisfied', 'referral_satisfaction_rate'];
    const report = async (client: Client, body: Record<string, unknown>) => {
      const res = await client.post<{ rows: ReportRow[] }>('/reports/query', { program: 'mediation', period: '2026-S1', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.rows;
    };
    const totals = Object.fromEntries((await report(ms2.admin, { indicators })).map((r) => [r.indicator, r.value]));
    expect(totals).toMatchObject({
      referrals_sent: 5,
      referrals_accepted: 4,
      referrals_delivered: 3,
      referral_median_days: 4,
      referral_feedback: 2,
      referral_satisfied: 1,
    });
    expect(Number(totals.referral_completion_rate)).toBeCloseTo(0.6, 5);
    expect(Number(totals.referral_satisfaction_rate)).toBeCloseTo(0.5, 5);

    // The flows out of MS2: unit × receiver.
    const flows = await report(ms2.admin, { indicators: ['referrals_sent', 'referrals_delivered'], by: ['org_unit', 'receiver'] });
    const cell = (i: string, u: string, r: string) => flows.find((x) => x.indicator === i && x.org_unit === u && x.receiver === r)?.value ?? 0;
    expect([cell('referrals_sent', 'OUJDA', 'CHAMS'), cell('referrals_sent', 'NADOR', 'CHAMS'), cell('referrals_sent', 'NADOR', 'TIERS'), cell('referrals_sent', 'OUJDA', 'TIERS')]).toEqual([2, 1, 1, 1]);
    expect([cell('referrals_delivered', 'OUJDA', 'CHAMS'), cell('referrals_delivered', 'OUJDA', 'TIERS')]).toEqual([2, 1]);
    const byUrgency = await report(ms2.admin, { indicators: ['referrals_sent'], by: ['urgency'] });
    expect(Object.fromEntries(byUrgency.filter((r) => r.urgency !== '*').map((r) => [r.urgency, r.value]))).toMatchObject({ normal: 3, urgent: 1, emergency: 1 });
    // Into CHAMS: received from MS2.
    const received = await report(chams.admin, { indicators: ['referrals_received'], by: ['sender'] });
    expect(received.find((r) => r.sender === 'MS2')?.value).toBe(3);
    // The drill-down: the referrals behind a cell (its dates, its unit).
    const behind = await sw.get<{ items: Referral[]; total: number }>(`/referrals?box=outgoing&from=2026-01-01&to=2026-06-30&orgUnitId=${nador}`);
    expect(behind.body.items.map((r) => r.id).sort()).toEqual([r3, r4].sort());
    expect((await sw.get<{ total: number }>('/referrals?box=outgoing&from=2026-01-01&to=2026-06-30')).body.total).toBe(5);
    expect((await receiver.get<{ total: number }>('/referrals?box=incoming&from=2026-01-01&to=2026-06-30')).body.total).toBe(3);
    expect((await sw.get<ApiErrorBody>('/referrals?box=outgoing&orgUnitId=00000000-0000-4000-8000-000000000999')).body.error.fields?.[0]?.field).toBe('orgUnitId');
    // A service dimension is refused for a referral indicator, with the reason.
    const refused = await ms2.admin.post<ApiErrorBody>('/reports/query', { program: 'mediation', period: '2026-S1', indicators: ['referrals_sent'], by: ['site'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.[0]).toMatchObject({ field: 'by.0', code: 'unknown_dimension' });
  });
});
