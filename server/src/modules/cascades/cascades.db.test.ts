import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, AuditEvent, Disclosure, ReportRow, Training } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

/**
 * Awareness cascades (issue 14) on a hand-built dataset; the answers are written here.
 * Program child_protection, units SALE and KEN, period 2025-S1 (2025-01-01 .. 2025-06-30).
 * - T1 (SALE, training of trainers, 2025-01-10..2025-01-12): Amal (F, born 1990, professional) present,
 *   Brahim (M, 1985) present, Chaima (F, 2010, peer educator) absent.
 * - T2 (SALE, thematic, 2025-02-20, led by Amal): Dina (F, 2012, peer educator) present, Amal present again.
 * - T0 (SALE, 2024-12-01, before the period): Brahim present (counts in 2024, not in 2025-S1).
 * - S1 (SALE, 2025-03-01, from T1, led by Amal, audience children): counts F 9-11 ×6, M 9-11 ×4, F 12-14 ×3, disability 2.
 * - S2 (KEN, 2025-03-05, from T1, led by Brahim, audience parents): counts F 25+ ×5, plus one identified attendee (P1, F, born 1980).
 * - S3 (SALE, 2025-04-10, from T2, led by Dina, audience children): counts M 12-14 ×8.
 * - S4 (SALE, 2025-07-02, outside the period, audience children): counts F 9-11 ×10.
 * - D1 (SALE, 2025-03-01 at S1, anonymous F 9-11): a referral sent 2025-03-05 (4 days: in time).
 * - D2 (SALE, 2025-03-02 at S1, anonymous M 9-11): a referral sent 2025-03-20 (18 days: late).
 * - D3 (KEN, 2025-03-05 at S2, P1): a case opened for P1 the same day (in time).
 * - D4 (SALE, 2025-04-10 at S3, anonymous M 12-14): waiting.
 * Expected in 2025-S1: people_trained 4 (Amal, Brahim, Dina; Chaima absent… and Amal once) → Amal, Brahim, Dina = 3.
 */
describe(`awareness cascades: trainings, cascade sessions, disclosures and their indicators (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sale: string;
  let ken: string;
  let pe: Client;
  let sw: Client;
  let viewer: Client;
  let t1: Training;
  let t2: Training;
  let p1: string;
  const disclosures: Record<string, string> = {};
  let serviceId: string;

  const report = async (body: Record<string, unknown>) => {
    const res = await org.admin.post<{ rows: ReportRow[] }>('/reports/query', { program: 'child_protection', period: '2025-S1', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.rows;
  };
  const valueOf = (rows: ReportRow[], indicator: string, match: Record<string, string> = {}) =>
    rows.filter((r) => r.indicator === indicator && Object.entries(match).every(([k, v]) => (k === 'period' ? r.period : r[k]) === v)).map((r) => r.value);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AMANE');
    sale = await createUnit(org.admin, org.rootUnitId, 'SALE');
    ken = await createUnit(org.admin, org.rootUnitId, 'KEN');
    ({ client: pe } = await createUserClient(t, org.admin, 'AMANE', 'pair.sale', 'peer_educator', sale));
    ({ client: sw } = await createUserClient(t, org.admin, 'AMANE', 'as.amane', 'social_worker', org.rootUnitId));
    ({ client: viewer } = await createUserClient(t, org.admin, 'AMANE', 'lecteur', 'viewer', org.rootUnitId));

    const training = async (body: Record<string, unknown>) => {
      const res = await org.admin.post<Training>('/trainings', { program: 'child_protection', orgUnitId: sale, modality: 'in_person', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const attend = async (id: string, body: Record<string, unknown>) => {
      const res = await org.admin.post<Training>(`/trainings/${id}/attendance`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const trainee = (name: string, sex: string, birthYear: number, kind = 'professional') => ({ trainee: { kind, name, sex, birthYear, organisation: 'Entraide Nationale', function: null } });
    const traineeId = (tr: Training, name: string) => tr.attendance.find((a) => a.trainee.name === name)!.trainee.id;

    t1 = await training({ kind: 'training_of_trainers', theme: 'Protection de l’enfance', startOn: '2025-01-10', endOn: '2025-01-12' });
    await attend(t1.training.id, trainee('Amal', 'F', 1990));
    await attend(t1.training.id, trainee('Brahim', 'M', 1985));
    t1 = await attend(t1.training.id, { ...trainee('Chaima', 'F', 2010, 'peer_educator'), attended: false });
    const amal = traineeId(t1, 'Amal');
    const brahim = traineeId(t1, 'Brahim');
    t2 = await training({ kind: 'thematic', theme: 'Violences en ligne', startOn: '2025-02-20', endOn: '2025-02-20', ledByTraineeId: amal });
    await attend(t2.training.id, trainee('Dina', 'F', 2012, 'peer_educator'));
    t2 = await attend(t2.training.id, { traineeId: amal });
    const dina = traineeId(t2, 'Dina');
    const t0 = await training({ kind: 'thematic', theme: 'Avant', startOn: '2024-12-01', endOn: '2024-12-01' });
    await attend(t0.training.id, { traineeId: brahim });

    p1 = (await registerBeneficiary(org.admin, { orgUnitId: ken, registeredOn: '2025-01-01', sex: 'F', birthYear: 1980 })).id;
    const session = async (body: Record<string, unknown>) => {
      const res = await org.admin.post<{ id: string }>('/group-sessions', { program: 'child_protection', type: 'awareness_children', theme: 'Mon corps m’appartient', attendees: [], anonymous: [], ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    const s1 = await session({
      date: '2025-03-01', orgUnitId: sale, audience: 'children', trainingId: t1.training.id, ledByTraineeId: amal, disabilityCount: 2,
      audienceCounts: [{ sex: 'F', ageGroup: '9-11', count: 6 }, { sex: 'M', ageGroup: '9-11', count: 4 }, { sex: 'F', ageGroup: '12-14', count: 3 }],
    });
    const s2 = await session({ date: '2025-03-05', orgUnitId: ken, type: 'awareness_parents', audience: 'parents', trainingId: t1.training.id, ledByTraineeId: brahim, attendees: [p1], audienceCounts: [{ sex: 'F', ageGroup: '25+', count: 5 }] });
    const s3 = await session({ date: '2025-04-10', orgUnitId: sale, audience: 'children', trainingId: t2.training.id, ledByTraineeId: dina, audienceCounts: [{ sex: 'M', ageGroup: '12-14', count: 8 }] });
    await session({ date: '2025-07-02', orgUnitId: sale, audience: 'children', audienceCounts: [{ sex: 'F', ageGroup: '9-11', count: 10 }] });

    const disclose = async (name: string, body: Record<string, unknown>, client: Client = pe) => {
      const res = await client.post<Disclosure>('/disclosures', { program: 'child_protection', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      disclosures[name] = res.body.id;
    };
    await disclose('D1', { date: '2025-03-01', orgUnitId: sale, groupSessionId: s1, sex: 'F', ageGroup: '9-11', note: 'Récit confié après la séance' });
    await disclose('D2', { date: '2025-03-02', orgUnitId: sale, groupSessionId: s1, sex: 'M', ageGroup: '9-11' });
    await disclose('D3', { date: '2025-03-05', orgUnitId: ken, groupSessionId: s2, beneficiaryId: p1 }, org.admin);
    await disclose('D4', { date: '2025-04-10', orgUnitId: sale, groupSessionId: s3, sex: 'M', ageGroup: '12-14' });

    serviceId = '00000000-0000-4000-8000-00000000a001';
    await sql`insert into directory_organization (id, name) values ('00000000-0000-4000-8000-00000000a000', 'Hôpital provincial')`.execute(t.db.kysely);
    await sql`insert into directory_service (id, organization_id, name, service_type) values (${serviceId}, '00000000-0000-4000-8000-00000000a000', 'Unité de prise en charge des enfants', 'child_protection')`.execute(t.db.kysely);
    const enter = async (name: string, body: Record<string, unknown>) => {
      const res = await sw.post<Disclosure>(`/disclosures/${disclosures[name]}/circuit`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    await enter('D1', { entry: 'referral_sent', serviceId, on: '2025-03-05' });
    await enter('D2', { entry: 'referral_sent', serviceId, on: '2025-03-20' });
    const opened = await sw.post<{ id: string }>('/cases', { beneficiaryId: p1, program: 'child_protection', orgUnitId: ken, openedAt: '2025-03-05T16:00', entryDoor: 'partner', incident: null });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await enter('D3', { entry: 'case_opened', caseId: opened.body.id });
  });
  afterAll(() => t.close());

  it('counts the cascade indicators of the period, by the rules of docs/indicators.md', async () => {
    const rows = await report({ indicators: ['people_trained', 'cascade_sessions', 'cascade_sessions_per_trained', 'persons_sensitised', 'disclosures', 'disclosures_in_circuit_7d'], by: [] });
    // Amal, Brahim (T1) and Dina (T2); Chaima was absent, Brahim's 2024 training is outside, Amal counts once.
    expect(valueOf(rows, 'people_trained')).toEqual([3]);
    expect(valueOf(rows, 'cascade_sessions')).toEqual([3]);
    expect(valueOf(rows, 'cascade_sessions_per_trained')).toEqual([1]);
    // S1 6+4+3, S2 5 + P1, S3 8 (S4 is in July).
    expect(valueOf(rows, 'persons_sensitised')).toEqual([27]);
    expect(valueOf(rows, 'disclosures')).toEqual([4]);
    // D1 in 4 days, D3 the same day; D2 took 18 days, D4 waits.
    expect(valueOf(rows, 'disclosures_in_circuit_7d')).toEqual([2]);
  });

  it('breaks persons sensitised down by audience × sex × age group, and disclosures by unit', async () => {
    const rows = await report({ indicators: ['persons_sensitised'], by: ['audience', 'sex', 'age_group'] });
    expect(valueOf(rows, 'persons_sensitised', { audience: 'children', sex: 'F', age_group: '9-11' })).toEqual([6]);
    expect(valueOf(rows, 'persons_sensitised', { audience: 'children', sex: 'M', age_group: '12-14' })).toEqual([8]);
    expect(valueOf(rows, 'persons_sensitised', { audience: 'parents', sex: 'F', age_group: '25+' })).toEqual([6]);
    const byUnit = await report({ indicators: ['disclosures', 'disclosures_in_circuit_7d'], by: ['org_unit'] });
    expect(valueOf(byUnit, 'disclosures', { org_unit: 'SALE' })).toEqual([3]);
    expect(valueOf(byUnit, 'disclosures_in_circuit_7d', { org_unit: 'KEN' })).toEqual([1]);
    const bySex = await report({ indicators: ['people_trained'], by: ['sex', 'age_group'] });
    expect(valueOf(bySex, 'people_trained', { sex: 'F', age_group: '25+' })).toEqual([1]);
    expect(valueOf(bySex, 'people_trained', { sex: 'F', age_group: '12-14' })).toEqual([1]);
  });

  it('refuses dimensions a measure does not have, naming them', async () => {
    const res = await org.admin.post<ApiErrorBody>('/reports/query', { program: 'child_protection', period: '2025-S1', indicators: ['persons_sensitised'], by: ['service'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]).toMatchObject({ field: 'by.0', code: 'unknown_dimension' });
    const services = await org.admin.post<ApiErrorBody>('/reports/query', { program: 'child_protection', period: '2025-S1', indicators: ['reached'], by: ['audience'] });
    expect(services.status).toBe(400);
  });

  it('draws the cascade as a tree: a training, its trainees, the sessions and trainings each led', async () => {
    const res = await org.admin.get<Training>(`/trainings/${t1.training.id}`);
    expect(res.status).toBe(200);
    const { cascade, training } = res.body;
    expect(training).toMatchObject({ enrolled: 3, attended: 2, sessions: 2, sensitised: 19 });
    const [root, ...below] = cascade;
    expect(root!.parent).toBeNull();
    const amal = root!.trainees.find((x) => x.trainee.name === 'Amal')!;
    expect(amal.sessions.map((s) => [s.date, s.audience, s.sensitised, s.disclosures])).toEqual([['2025-03-01', 'children', 13, 2]]);
    expect(below.map((n) => [n.training.theme, n.parent])).toEqual([['Violences en ligne', { trainingId: t1.training.id, traineeId: amal.trainee.id }]]);
    expect(amal.trainingIds).toEqual([below[0]!.training.id]);
    const dina = below[0]!.trainees.find((x) => x.trainee.name === 'Dina')!;
    expect(dina.sessions.map((s) => s.sensitised)).toEqual([8]);
    expect(root!.trainees.find((x) => x.trainee.name === 'Chaima')).toMatchObject({ attended: false, sessions: [], trainingIds: [] });
  });

  it('refuses a session led by someone the training did not have, and a disability count above the attendees', async () => {
    const chaima = t1.attendance.find((a) => a.trainee.name === 'Chaima')!.trainee.id;
    const led = await org.admin.post<ApiErrorBody>('/group-sessions', { date: '2025-03-01', orgUnitId: sale, program: 'child_protection', type: 'awareness_children', theme: 'X', audience: 'children', trainingId: t1.training.id, ledByTraineeId: chaima, audienceCounts: [{ sex: 'F', ageGroup: '9-11', count: 3 }] });
    expect(led.status).toBe(400);
    expect(led.body.error.fields?.[0]).toMatchObject({ field: 'ledByTraineeId', code: 'invalid_choice' });
    const many = await org.admin.post<ApiErrorBody>('/group-sessions', { date: '2025-03-01', orgUnitId: sale, program: 'child_protection', type: 'awareness_children', theme: 'X', audience: 'children', disabilityCount: 4, audienceCounts: [{ sex: 'F', ageGroup: '9-11', count: 3 }] });
    expect(many.status).toBe(400);
    expect(many.body.error.fields?.[0]).toMatchObject({ field: 'disabilityCount', code: 'more_than_attendees' });
    expect(JSON.stringify(many.body.error.fields)).toContain('(3)');
    const noAudience = await org.admin.post<ApiErrorBody>('/group-sessions', { date: '2025-03-01', orgUnitId: sale, program: 'child_protection', type: 'awareness_children', theme: 'X', audienceCounts: [{ sex: 'F', ageGroup: '9-11', count: 3 }] });
    expect(noAudience.body.error.fields?.[0]).toMatchObject({ field: 'audience', code: 'required' });
  });

  it('lists disclosures to who follows cases (waiting first) and to who recorded them; notes encrypted; reads audited', async () => {
    const list = await sw.get<{ items: Disclosure[]; total: number }>('/disclosures');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items[0]).toMatchObject({ id: disclosures.D4, entry: null });
    expect(list.body.items.find((d) => d.id === disclosures.D1)).toMatchObject({ entry: 'referral_sent', inTime: true, note: 'Récit confié après la séance', service: { name: 'Unité de prise en charge des enfants' } });
    expect(list.body.items.find((d) => d.id === disclosures.D2)).toMatchObject({ inTime: false });
    const stored = await sql<{ note_encrypted: Buffer }>`select note_encrypted from disclosure where id = ${disclosures.D1}`.execute(t.db.kysely);
    expect(Buffer.from(stored.rows[0]!.note_encrypted).toString('utf8')).not.toContain('Récit');
    // The peer educator sees the three she recorded (not D3, recorded by the administrator at KEN).
    const mine = await pe.get<{ items: Disclosure[] }>('/disclosures');
    expect(mine.body.items.map((d) => d.id).sort()).toEqual([disclosures.D1, disclosures.D2, disclosures.D4].sort());
    expect((await viewer.get<{ items: Disclosure[] }>('/disclosures')).body.items).toEqual([]);
    // Nor the trainings' attendance (names of partners' staff and of children): a viewer reads the indicators.
    expect((await viewer.get<{ items: unknown[] }>('/trainings')).body.items).toEqual([]);
    expect((await viewer.get(`/trainings/${t1.training.id}`)).status).toBe(404);
    const audit = await org.admin.get<{ items: AuditEvent[] }>('/audit?action=disclosure.read');
    expect(audit.body.items.length).toBeGreaterThan(0);
  });

  it('enters the circuit once; a case must be the disclosed person’s; a referral not before the disclosure', async () => {
    const again = await sw.post<ApiErrorBody>(`/disclosures/${disclosures.D1}/circuit`, { entry: 'referral_sent', serviceId, on: '2025-03-06' });
    expect(again.status).toBe(400);
    expect(again.body.error.fields?.[0]).toMatchObject({ field: 'entry', code: 'already_entered' });
    const early = await sw.post<ApiErrorBody>(`/disclosures/${disclosures.D4}/circuit`, { entry: 'referral_sent', serviceId, on: '2025-04-01' });
    expect(early.body.error.fields?.[0]).toMatchObject({ field: 'on', code: 'not_before' });
    const unknown = await sw.post<ApiErrorBody>(`/disclosures/${disclosures.D4}/circuit`, { entry: 'referral_sent', serviceId: '00000000-0000-4000-8000-00000000beef', on: '2025-04-11' });
    expect(unknown.body.error.fields?.[0]).toMatchObject({ field: 'serviceId', code: 'unknown_reference' });
  });

  it('keeps a training and a disclosure once when the same request is retried (client-generated ids)', async () => {
    const id = '00000000-0000-4000-8000-0000000c0001';
    const body = { id, program: 'child_protection', orgUnitId: sale, kind: 'thematic', theme: 'Rejouée', startOn: '2025-05-01', endOn: '2025-05-01' };
    expect((await org.admin.post('/trainings', body)).status).toBe(201);
    expect((await org.admin.post('/trainings', body)).status).toBe(200);
    const count = await sql<{ n: number }>`select count(*)::int as n from training where id = ${id}`.execute(t.db.kysely);
    expect(count.rows[0]!.n).toBe(1);
    const bad = await org.admin.post<ApiErrorBody>('/trainings', { ...body, id: undefined, endOn: '2025-04-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toMatchObject({ field: 'endOn', code: 'ends_before_start' });
  });
});
