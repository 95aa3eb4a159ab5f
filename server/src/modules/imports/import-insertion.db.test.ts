import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsertionStep, ReportRow } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { registerBeneficiary, uploadImport } from '../../../test/factories.ts';

/**
 * Insertion pathways by import (ADR 0033): the paper follow-up of AHSUD's rehabilitation unit
 * typed into a file. Hand-built: A trained (a completed training) then placed in a job on
 * 2025-02-01; B a mediation then an internship dropped; C self-employed on 2025-03-10.
 */
describe(`insertion pathways import (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let pe: Client;
  let other: Client;
  const code: Record<string, string> = {};
  const id: Record<string, string> = {};
  const header = 'code,section,kind,activity,start_date,end_date,completed,note\n';

  const steps = async (person: string) => (await pe.get<{ items: InsertionStep[] }>(`/insertion/steps?beneficiaryId=${person}`)).body.items;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUD');
    const tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    const tet = await createUnit(org.admin, org.rootUnitId, 'TET');
    ({ client: pe } = await createUserClient(t, org.admin, 'AHSUD', 'coord.tng', 'coordinator', tng));
    ({ client: other } = await createUserClient(t, org.admin, 'AHSUD', 'coord.tet', 'coordinator', tet));
    for (const p of ['A', 'B', 'C']) {
      const b = await registerBeneficiary(pe, { orgUnitId: tng });
      code[p] = b.code;
      id[p] = b.id;
    }
  });
  afterAll(() => t.close());

  it('refuses the whole file for one bad row, naming the column and the reason in the user’s language; nothing is written', async () => {
    const csv =
      header +
      `${code.A},TNG,training,Initiation à la couture,2025-01-06,2025-01-03,yes,\n` + // ends before it starts
      `${code.B},TNG,mediation,Hôtel Tingis,2025-01-10,,yes,\n` + // completed: not for a mediation
      `${code.C},TNG,internship,Garage Atlas,2025-01-10,,yes,\n` + // completed without its last day
      `${code.C},TNG,promotion,Chef,2025-01-10,,,\n` + // an unknown kind
      `${code.A},TET,job,Hôtel Tingis,2025-02-01,,,\n`; // a unit of another team
    const res = await uploadImport(pe, 'insertion', csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'end_date', 'ends_before_start'],
      [3, 'completed', 'not_applicable'],
      [4, 'end_date', 'required'],
      [5, 'kind', 'invalid_choice'],
      [6, 'section', 'invalid_choice'],
    ]);
    expect(res.body.errors[0]!.message).toContain('end_date');
    expect(await steps(id.A!)).toEqual([]);
    expect((await uploadImport(other, 'insertion', header + `${code.A},TNG,job,Hôtel Tingis,2025-02-01,,,\n`)).body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'section', 'invalid_choice']]);
  });

  it('imports the steps, counted by the insertion indicators; a second import creates nothing', async () => {
    const csv =
      header +
      `${code.A},TNG,training,Initiation à la couture,2025-01-06,2025-01-31,yes,Assidue\n` +
      `${code.A},TNG,job,Hôtel Tingis,2025-02-01,,,\n` +
      `${code.B},TNG,mediation,Hôtel Tingis,2025-01-10,2025-01-20,,\n` +
      `${code.B},TNG,internship,Garage Atlas,2025-02-01,2025-02-15,no,\n` +
      `${code.C},TNG,self_employment,Vente de msemen,2025-03-10,,,\n`;
    const first = await uploadImport(pe, 'insertion', csv);
    expect(first.body.errors).toEqual([]);
    expect(first.body).toMatchObject({ applied: true, created: 5, unchanged: 0 });
    expect((await steps(id.A!)).map((s) => [s.kind, s.activity, s.startDate, s.endDate, s.completed, s.note])).toEqual([
      ['training', 'Initiation à la couture', '2025-01-06', '2025-01-31', true, 'Assidue'],
      ['job', 'Hôtel Tingis', '2025-02-01', null, null, null],
    ]);
    const report = await org.admin.post<{ rows: ReportRow[] }>('/reports/query', { program: 'harm_reduction', period: '2025-Q1', indicators: ['insertion_trained', 'insertion_placed'], by: [] });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(Object.fromEntries(report.body.rows.map((r) => [r.indicator, r.value]))).toEqual({ insertion_trained: 1, insertion_placed: 2 });
    const again = await uploadImport(pe, 'insertion', csv);
    expect(again.body).toMatchObject({ applied: true, created: 0, unchanged: 5 });
    expect(await steps(id.B!)).toHaveLength(2);
  });
});
