import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, InsertionStep, ReportRow } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

/**
 * Insertion pathways (issue 17, ADR 0033) on a hand-built dataset; the answers are written here.
 * 2025, unit TNG:
 * - I1: training 01-06 → 03-28 completed; mediation 04-01; a job from 04-15, still on;
 * - I2: training 02-01 → 04-30 dropped; internship 05-01 → 05-31 completed; self-employment from
 *   06-01, ended 09-30 (a follow-up months later: the end added by a correction);
 * - I3: a job 03-01 → 05-31, another from 07-01 (back at work by 09-01);
 * - I4: training → 05-20 completed; a job from 05-01 entered by mistake, deleted;
 * - I5: a job started 20 days ago (its 6 months still to come).
 * 2025-S1: trained I1, I4 (2); placed I1, I2, I3 (3); 6 months later at work I1, I3 (2 of 3).
 */
describe(`insertion pathways: steps, follow-up and indicators (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let tng: string;
  let worker: Client;
  const person: Record<string, string> = {};

  const add = async (code: string, step: Record<string, unknown>, status = 201) => {
    const res = await worker.post<InsertionStep & ApiErrorBody>('/insertion/steps', { beneficiaryId: person[code], orgUnitId: tng, ...step });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const report = async (period: string, indicators: string[]) => {
    const res = await org.admin.post<{ rows: ReportRow[] } & ApiErrorBody>('/reports/query', { program: 'harm_reduction', period, indicators, by: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (indicator: string) => res.body.rows.find((r) => r.indicator === indicator)?.value;
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUDI');
    tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    ({ client: worker } = await createUserClient(t, org.admin, 'AHSUDI', 'insertion.tng', 'social_worker', tng));
    for (const code of ['I1', 'I2', 'I3', 'I4', 'I5']) person[code] = (await registerBeneficiary(worker, { orgUnitId: tng })).id;
    await add('I1', { kind: 'training', activity: 'Aide-cuisinier', startDate: '2025-01-06', endDate: '2025-03-28', completed: true });
    await add('I1', { kind: 'mediation', activity: 'Restaurant du port', startDate: '2025-04-01' });
    await add('I1', { kind: 'job', activity: 'Restaurant du port', startDate: '2025-04-15' });
    await add('I2', { kind: 'training', activity: 'Menuiserie', startDate: '2025-02-01', endDate: '2025-04-30', completed: false });
    await add('I2', { kind: 'internship', activity: 'Atelier de menuiserie', startDate: '2025-05-01', endDate: '2025-05-31', completed: true });
    const own = await add('I2', { kind: 'self_employment', activity: 'Vente ambulante', startDate: '2025-06-01' });
    const followed = await worker.put<InsertionStep>(`/insertion/steps/${own.id}`, { kind: 'self_employment', activity: 'Vente ambulante', startDate: '2025-06-01', endDate: '2025-09-30', note: 'Activité arrêtée.' });
    expect([followed.status, followed.body.endDate, followed.body.note]).toEqual([200, '2025-09-30', 'Activité arrêtée.']);
    await add('I3', { kind: 'job', activity: 'Chantier', startDate: '2025-03-01', endDate: '2025-05-31' });
    await add('I3', { kind: 'job', activity: 'Chantier naval', startDate: '2025-07-01' });
    await add('I4', { kind: 'training', activity: 'Couture', startDate: '2025-03-03', endDate: '2025-05-20', completed: true });
    const mistake = await add('I4', { kind: 'job', activity: 'Saisie par erreur', startDate: '2025-05-01' });
    expect((await worker.delete(`/insertion/steps/${mistake.id}`)).status).toBe(200);
    await add('I5', { kind: 'job', activity: 'Boulangerie', startDate: daysAgo(20) });
  }, 300_000);
  afterAll(() => t.close());

  it('counts people trained (completed trainings), placed (jobs and self-employment) and still at work 6 months after', async () => {
    const value = await report('2025-S1', ['insertion_trained', 'insertion_placed', 'insertion_cohort_6m', 'insertion_employed_6m', 'insertion_employment_6m']);
    expect(value('insertion_trained')).toBe(2); // I1, I4; I2 dropped hers, an internship is no training
    expect(value('insertion_placed')).toBe(3); // I1, I2, I3; I4's deleted job not
    expect(value('insertion_cohort_6m')).toBe(3);
    expect(value('insertion_employed_6m')).toBe(2); // I1 still on, I3 back at work; I2 stopped on 09-30
    expect(value('insertion_employment_6m')).toBe(0.6667);
    const march = await report('2025-03', ['insertion_trained', 'insertion_placed']);
    expect([march('insertion_trained'), march('insertion_placed')]).toEqual([1, 1]); // I1's training ended, I3's job started
    const recent = await report(daysAgo(20).slice(0, 7), ['insertion_placed', 'insertion_cohort_6m']);
    expect([recent('insertion_placed'), recent('insertion_cohort_6m') ?? 0]).toEqual([1, 0]); // I5: her 6 months to come
  });

  it('lists a person’s pathway oldest first, without the deleted step', async () => {
    const i1 = (await worker.get<{ items: InsertionStep[] }>(`/insertion/steps?beneficiaryId=${person.I1}`)).body.items;
    expect(i1.map((s) => [s.kind, s.startDate, s.endDate, s.completed])).toEqual([
      ['training', '2025-01-06', '2025-03-28', true],
      ['mediation', '2025-04-01', null, null],
      ['job', '2025-04-15', null, null],
    ]);
    const i4 = (await worker.get<{ items: InsertionStep[] }>(`/insertion/steps?beneficiaryId=${person.I4}`)).body.items;
    expect(i4.map((s) => s.kind)).toEqual(['training']);
  });

  it('refuses an inconsistent step with the field and the reason', async () => {
    const issues = async (step: Record<string, unknown>) => (await add('I1', { activity: 'Essai', startDate: '2025-05-01', ...step }, 400)).error.fields?.map((f) => [f.field, f.code]);
    expect(await issues({ kind: 'job', completed: true })).toEqual([['completed', 'not_applicable']]);
    expect(await issues({ kind: 'training', endDate: '2025-04-01' })).toEqual([['endDate', 'ends_before_start']]);
    expect(await issues({ kind: 'training', completed: true })).toEqual([['endDate', 'required']]);
    expect(await issues({ kind: 'job', activity: ' ' })).toEqual([['activity', 'required']]);
  });
});
