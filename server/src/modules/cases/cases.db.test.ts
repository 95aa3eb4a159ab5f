import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { wallClockNow, windowAt, type ApiErrorBody, type Case, type CaseSummary } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary, recordContact } from '../../../test/factories.ts';

/** The organisation's wall clock (Africa/Casablanca by default), shifted by minutes. */
function wallShift(minutes: number): string {
  const now = wallClockNow('Africa/Casablanca');
  return new Date(Date.parse(`${now}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

describe(`cases (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sectionA: string;
  let sectionB: string;
  let social: Client;
  let ep: Client;
  let epId: string;
  let otherSocial: Client;
  let personId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CHAMS');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'MRK', 'clinic');
    sectionB = await createUnit(org.admin, org.rootUnitId, 'AGA', 'clinic');
    ({ client: social } = await createUserClient(t, org.admin, 'CHAMS', 'as.mrk', 'social_worker', sectionA));
    ({ client: ep, id: epId } = await createUserClient(t, org.admin, 'CHAMS', 'ep.mrk', 'peer_educator', sectionA));
    ({ client: otherSocial } = await createUserClient(t, org.admin, 'CHAMS', 'as.aga', 'social_worker', sectionB));
    personId = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
  });
  afterAll(() => t.close());

  it('opens a case with an incident 30 h ago: the PEP countdown says 42 h left and the case is first in the worklist', async () => {
    const id = randomUUID();
    const res = await social.post<Case>('/cases', {
      id,
      beneficiaryId: personId,
      program: 'gbv',
      orgUnitId: sectionA,
      openedAt: wallShift(-5),
      entryDoor: 'word_of_mouth',
      coWorkerIds: [epId],
      incident: { at: wallShift(-30 * 60), perpetrator: 'client', violenceType: 'physical_assault', reportingConsent: true },
    });
    expect(res.status).toBe(201);
    caseId = res.body.id;
    expect(caseId).toBe(id);
    expect(res.body.status).toBe('open');
    expect(res.body.incident?.violenceFamily).toBe('physical_sexual');
    const left = res.body.clock!.now.pep.minutesLeft!;
    expect(left).toBeGreaterThan(42 * 60 - 2);
    expect(left).toBeLessThanOrEqual(42 * 60);
    expect(res.body.clock!.alerts).toEqual(['pep', 'ec']);
    expect(res.body.urgency[0]).toBe('pep_window');
    expect(res.body.history.map((h) => h.status)).toEqual(['open']);

    // A retry with the same id opens nothing new.
    const again = await social.post<Case>('/cases', { id, beneficiaryId: personId, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-5), entryDoor: 'word_of_mouth' });
    expect(again.status).toBe(200);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from case_file`.execute(t.db.kysely)).rows[0]!.n)).toBe(1);

    const list = await social.get<{ items: CaseSummary[]; total: number }>('/cases');
    expect(list.status).toBe(200);
    expect(list.body.items[0]!.id).toBe(caseId);
    expect(list.body.items[0]!.urgency).toContain('pep_window');
  });

  it('refuses a second open case in the same program, an incident after reception, and a typology code the organisation does not have', async () => {
    const second = await social.post<ApiErrorBody>('/cases', { beneficiaryId: personId, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-1), entryDoor: 'walk_in' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('case_already_open');
    const other = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const after = await social.post<ApiErrorBody>('/cases', { beneficiaryId: other, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-60), entryDoor: 'walk_in', incident: { at: wallShift(-10) } });
    expect(after.status).toBe(400);
    expect(after.body.error.fields?.[0]).toMatchObject({ field: 'incident.at', code: 'after_reception' });
    expect(after.body.error.fields?.[0]?.message).toContain('accueil');
    const type = await social.post<ApiErrorBody>('/cases', { beneficiaryId: other, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-60), entryDoor: 'walk_in', incident: { at: wallShift(-120), violenceType: 'witchcraft' } });
    expect(type.body.error.fields?.[0]).toMatchObject({ field: 'incident.violenceType', code: 'invalid_choice' });
    const future = await social.post<ApiErrorBody>('/cases', { beneficiaryId: other, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(24 * 60), entryDoor: 'walk_in' });
    expect(future.body.error.fields?.[0]).toMatchObject({ field: 'openedAt', code: 'future_date' });
    const format = await social.post<ApiErrorBody>('/cases', { beneficiaryId: other, program: 'gbv', orgUnitId: sectionA, openedAt: '2024-03-10 14h', entryDoor: 'walk_in' });
    expect(format.status).toBe(400);
    expect(format.body.error.fields?.[0]?.message).toContain('2024-03-15T14:30');
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from case_file`.execute(t.db.kysely)).rows[0]!.n)).toBe(1);
  });

  it('a worker of another unit cannot read the case, nor find it in her list; reads are audited', async () => {
    expect((await otherSocial.get(`/cases/${caseId}`)).status).toBe(404);
    expect((await otherSocial.patch(`/cases/${caseId}`, { entryDoor: 'partner' })).status).toBe(404);
    const list = await otherSocial.get<{ items: CaseSummary[] }>('/cases?status=any');
    expect(list.body.items.map((c) => c.id)).not.toContain(caseId);
    // The administrator has no case.read: the case does not exist for her either.
    expect((await org.admin.get(`/cases/${caseId}`)).status).toBe(404);

    const before = Number((await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'case.read' and entity_id = ${caseId}`.execute(t.db.kysely)).rows[0]!.n);
    expect((await social.get(`/cases/${caseId}`)).status).toBe(200);
    const after = Number((await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'case.read' and entity_id = ${caseId}`.execute(t.db.kysely)).rows[0]!.n);
    expect(after).toBe(before + 1);
  });

  it('the unit’s coordinator finds every case of the unit in her worklist; "mine" keeps only the cases whose team she is on', async () => {
    const { client: coord } = await createUserClient(t, org.admin, 'CHAMS', 'coord.mrk', 'coordinator', sectionA);
    const all = await coord.get<{ items: CaseSummary[]; total: number }>('/cases');
    expect(all.body.items.map((c) => c.id)).toContain(caseId);
    const mine = await coord.get<{ items: CaseSummary[]; total: number }>('/cases?scope=mine');
    expect(mine.body.items).toEqual([]);
    expect((await ep.get<{ items: CaseSummary[] }>('/cases?scope=mine')).body.items.map((c) => c.id)).toEqual([caseId]);
  });

  it('a peer educator on the team reads the case and its notes; notes are sealed at rest', async () => {
    const noted = await social.post<Case>(`/cases/${caseId}/notes`, { body: 'Reçue avec son amie, souhaite un avocat.' });
    expect(noted.status).toBe(200);
    const mine = await ep.get<Case>(`/cases/${caseId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.notes?.[0]?.body).toBe('Reçue avec son amie, souhaite un avocat.');
    const raw = await sql<{ b: Buffer }>`select body_encrypted as b from case_note`.execute(t.db.kysely);
    expect(Buffer.from(raw.rows[0]!.b).toString('utf8')).not.toContain('avocat');
  });

  it('a service recorded in the case answers the PEP alert; a service of another person cannot be put in it', async () => {
    const rec = await recordContact(social, { beneficiaryId: personId, orgUnitId: sectionA, program: 'gbv', caseId, services: [{ service: 'pep_referral' }] });
    expect(rec.services).toHaveLength(1);
    const c = (await social.get<Case>(`/cases/${caseId}`)).body;
    expect(c.services.map((s) => s.service)).toEqual(['pep_referral']);
    expect(c.clock!.alerts).toEqual(['ec']);
    expect(c.urgency).not.toContain('pep_window');
    const other = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const wrong = await social.post<ApiErrorBody>('/contacts', { beneficiaryId: other, orgUnitId: sectionA, date: c.openedAt.slice(0, 10), program: 'gbv', caseId, services: [{ service: 'psychological_support' }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.[0]).toMatchObject({ field: 'caseId', code: 'not_in_case' });
  });

  it('plans an action, flags it overdue, and closes then reopens the case keeping its history', async () => {
    const planned = await social.post<Case>(`/cases/${caseId}/actions`, { what: 'Accompagner au tribunal', dueOn: '2020-01-01' });
    expect(planned.status).toBe(200);
    expect(planned.body.actions[0]).toMatchObject({ what: 'Accompagner au tribunal', overdue: true, status: 'planned' });
    expect(planned.body.urgency).toContain('action_overdue');
    const done = await social.patch<Case>(`/cases/${caseId}/actions/${planned.body.actions[0]!.id}`, { status: 'done' });
    expect(done.body.actions[0]).toMatchObject({ overdue: false, status: 'done' });
    const appt = await social.post<Case>(`/cases/${caseId}/appointments`, { at: wallShift(60 * 24), purpose: 'Psychologue' });
    expect(appt.body.appointments).toHaveLength(1);

    const today = wallShift(0).slice(0, 10);
    const closed = await social.post<Case>(`/cases/${caseId}/close`, { closedOn: today, reason: 'goals_met' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: today, closureReason: 'goals_met' });
    const refused = await social.post<ApiErrorBody>(`/cases/${caseId}/actions`, { what: 'Encore' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('case_closed');
    const reopened = await social.post<Case>(`/cases/${caseId}/reopen`, { note: 'Nouvelle plainte' });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.history.map((h) => `${h.status}:${h.reason ?? ''}`)).toEqual(['open:', 'closed:goals_met', 'open:']);
  });

  it('flags a case without contact for more than the program’s days as at risk of loss', async () => {
    const person = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const old = await social.post<Case>('/cases', { beneficiaryId: person, program: 'mediation_pvvih', orgUnitId: sectionA, openedAt: wallShift(-61 * 24 * 60), entryDoor: 'partner' });
    expect(old.status).toBe(201);
    expect(old.body.atRisk).toBe(true);
    expect(old.body.urgency).toEqual(['at_risk']);
    await recordContact(social, { beneficiaryId: person, orgUnitId: sectionA, program: 'mediation_pvvih', caseId: old.body.id, services: [{ service: 'psychological_support' }] });
    const seen = (await social.get<Case>(`/cases/${old.body.id}`)).body;
    expect(seen.atRisk).toBe(false);
    expect(seen.lastContactOn).toBe(new Date().toISOString().slice(0, 10));
  });

  it('a merge moves a case to the kept record, and is refused while both have an open case in the same program', async () => {
    const { client: coord } = await createUserClient(t, org.admin, 'CHAMS', 'coord.merge', 'coordinator', sectionA);
    const [a, b, c] = [await registerBeneficiary(social, { orgUnitId: sectionA }), await registerBeneficiary(social, { orgUnitId: sectionA }), await registerBeneficiary(social, { orgUnitId: sectionA })];
    const open = (id: string) => social.post<Case>('/cases', { beneficiaryId: id, program: 'child_protection', orgUnitId: sectionA, openedAt: wallShift(-10), entryDoor: 'partner' });
    const caseB = (await open(b.id)).body.id;
    expect((await coord.post('/merges', { keepId: a.id, mergeId: b.id })).status).toBe(200);
    expect((await social.get<Case>(`/cases/${caseB}`)).body.beneficiary.id).toBe(a.id);
    await open(c.id);
    const refused = await coord.post<ApiErrorBody>('/merges', { keepId: a.id, mergeId: c.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('merge_open_cases');
    expect((await social.get<{ items: CaseSummary[] }>(`/cases?beneficiaryId=${c.id}`)).body.items).toHaveLength(1);
  });

  it('orders the worklist with the same window rule in SQL as in core (date-only incidents by whole days)', async () => {
    // Incidents 3 and 4 days ago, date alone: the first is inside the PEP window, the second only in the 120 h one.
    const within = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const past = (await registerBeneficiary(social, { orgUnitId: sectionA })).id;
    const day = (n: number) => wallShift(-n * 24 * 60).slice(0, 10);
    const a = await social.post<Case>('/cases', { beneficiaryId: within, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-1), entryDoor: 'outreach', incident: { at: day(3) } });
    const b = await social.post<Case>('/cases', { beneficiaryId: past, program: 'gbv', orgUnitId: sectionA, openedAt: wallShift(-1), entryDoor: 'outreach', incident: { at: day(4) } });
    expect(a.body.clock!.now.pep.open).toBe(windowAt({ date: day(3), time: null }, wallShift(0), 'pep').open);
    expect(a.body.urgency[0]).toBe('pep_window');
    expect(b.body.urgency[0]).toBe('ec_window');
    const list = (await social.get<{ items: CaseSummary[] }>('/cases?program=gbv')).body.items.map((c) => c.id);
    expect(list.indexOf(a.body.id)).toBeLessThan(list.indexOf(b.body.id));
    const urgent = (await social.get<{ items: CaseSummary[] }>('/cases?urgentOnly=true')).body.items;
    expect(urgent.every((c) => c.urgency.length > 0)).toBe(true);
  });
});
