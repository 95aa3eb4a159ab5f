import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Case } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { registerBeneficiary, uploadImport } from '../../../test/factories.ts';


describe(`cases import (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let coordinator: Client;
  let otherCoordinator: Client;
  let codes: string[];
  const caseA = randomUUID();
  const caseB = randomUUID();

  const count = async (table: 'case_file' | 'case_status_change' | 'service_event') => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CHAMSI');
    const mrk = await createUnit(org.admin, org.rootUnitId, 'MRK', 'clinic');
    const aga = await createUnit(org.admin, org.rootUnitId, 'AGA', 'clinic');
    ({ client: coordinator } = await createUserClient(t, org.admin, 'CHAMSI', 'coord.mrk', 'coordinator', mrk));
    ({ client: otherCoordinator } = await createUserClient(t, org.admin, 'CHAMSI', 'coord.aga', 'coordinator', aga));
    codes = [];
    for (let i = 0; i < 3; i++) codes.push((await registerBeneficiary(coordinator, { orgUnitId: mrk })).code);
  });
  afterAll(() => t.close());

  const header = 'id,code,program,section,opened_at,entry_door,incident_at,violence_type,closed_on,closure_reason\n';

  it('refuses the whole file for one bad row, naming the column and the reason; nothing is written', async () => {
    const csv =
      header +
      `${caseA},${codes[0]},gbv,MRK,2024-02-03T10:15,outreach,2024-02-02T22:00,rape,,\n` +
      `,${codes[1]},gbv,MRK,2024-03-01,walk_in,2024-03-04,rape,,\n` + // incident after reception
      `,${codes[2]},gbv,MRK,2024-03-01,walk_in,,unknown_type,2024-04-01,\n` + // typology, incident missing, reason missing
      `,${codes[0]},gbv,MRK,2024-05-01,partner,,,,\n`; // a second open case of the same person in the file
    const res = await uploadImport(coordinator, 'cases', csv);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(false);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'incident_at', 'after_reception'],
      [4, 'incident_at', 'required'],
      [4, 'violence_type', 'invalid_choice'],
      [4, 'closure_reason', 'required'],
      [5, 'code', 'case_already_open'],
    ]);
    expect(res.body.errors[0]!.message).toContain('incident_at');
    expect(await count('case_file')).toBe(0);
    expect(await count('case_status_change')).toBe(0);
    // A unit outside the importer's scope is refused too.
    const elsewhere = await uploadImport(otherCoordinator, 'cases', header + `,${codes[1]},gbv,MRK,2024-03-01,walk_in,,,,\n`);
    expect(elsewhere.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'section', 'invalid_choice']]);
  });

  it('imports open and closed cases (a closed one with its history), and a second import creates nothing', async () => {
    const csv =
      header +
      `${caseA},${codes[0]},gbv,MRK,2024-02-03T10:15,outreach,2024-02-02T22:00,rape,,\n` +
      `${caseB},${codes[1]},gbv,MRK,2024-01-10,word_of_mouth,2024-01-09,psychological_abuse,2024-03-30,goals_met\n` +
      `,${codes[1]},gbv,MRK,2024-04-02T09:00,walk_in,,,,\n`;
    const first = await uploadImport(coordinator, 'cases', csv);
    expect(first.body).toMatchObject({ rows: 3, created: 3, unchanged: 0, applied: true, errors: [] });
    const closed = await coordinator.get<Case>(`/cases/${caseB}`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2024-03-30', closureReason: 'goals_met', openedAt: '2024-01-10T00:00' });
    expect(closed.body.history.map((h) => h.status)).toEqual(['open', 'closed']);
    const open = await coordinator.get<Case>(`/cases/${caseA}`);
    expect(open.body).toMatchObject({ status: 'open', openedAt: '2024-02-03T10:15' });
    expect(open.body.incident).toMatchObject({ violenceType: 'rape', violenceFamily: 'physical_sexual' });
    const again = await uploadImport(coordinator, 'cases', csv);
    expect(again.body).toMatchObject({ created: 0, unchanged: 3, applied: true, errors: [] });
    expect(await count('case_file')).toBe(3);
    expect(await count('case_status_change')).toBe(4);
    // An open case in the database: another open one of the same person and program is a row error.
    const second = await uploadImport(coordinator, 'cases', header + `,${codes[0]},gbv,MRK,2024-06-01,walk_in,,,,\n`);
    expect(second.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'code', 'case_already_open']]);
  });

  it('lands imported services in the case named by case_id, and refuses a case of another person or program', async () => {
    const bad = await uploadImport(
      coordinator,
      'services',
      'code,date,section,program,service,case_id\n' + `${codes[1]},2024-02-04,MRK,gbv,psychological_support,${caseA}\n` + `${codes[0]},2024-02-04,MRK,gbv,psychological_support,${randomUUID()}\n`,
    );
    expect(bad.body.applied).toBe(false);
    expect(bad.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'case_id', 'not_in_case'],
      [3, 'case_id', 'invalid_choice'],
    ]);
    const before = await count('service_event');
    const csv = 'code,date,section,program,service,case_id\n' + `${codes[0]},2024-02-04,MRK,gbv,pep_referral,${caseA}\n` + `${codes[0]},2024-02-10,MRK,gbv,psychological_support,${caseA}\n`;
    const good = await uploadImport(coordinator, 'services', csv);
    expect(good.body).toMatchObject({ created: 2, applied: true, errors: [] });
    expect(await count('service_event')).toBe(before + 2);
    const inCase = await coordinator.get<Case>(`/cases/${caseA}`);
    expect(inCase.body.services.map((s) => [s.date, s.service])).toEqual([
      ['2024-02-10', 'psychological_support'],
      ['2024-02-04', 'pep_referral'],
    ]);
    expect((await uploadImport(coordinator, 'services', csv)).body).toMatchObject({ created: 0, unchanged: 2, applied: true });
  });
});
