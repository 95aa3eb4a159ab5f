import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { LIST_COUNT_CAP, serviceCodes, serviceDefinitions, defaultProgramServices, type ServiceRecord } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, tableCounts, type Client, type TestApp } from '../../../test/harness.ts';
import { uploadImport } from '../../../test/factories.ts';

const today = new Date().toISOString().slice(0, 10);

describe(`file import (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let clerk: Client;
  let clerkB: Client;
  let sectionA: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'IMP');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'SEC-A');
    const sectionB = await createUnit(org.admin, org.rootUnitId, 'SEC-B');
    clerk = (await createUserClient(t, org.admin, 'IMP', 'clerk.a', 'me_officer', sectionA)).client;
    clerkB = (await createUserClient(t, org.admin, 'IMP', 'clerk.b', 'me_officer', sectionB)).client;
    await createUserClient(t, org.admin, 'IMP', 'ep.a', 'peer_educator', sectionA);
  });
  afterAll(() => t.close());

  it('imports org units in any order, and a second import creates nothing', async () => {
    const csv = 'code,name,parent_code,level\nPLAGE,Plage,CORNICHE,site\nCORNICHE,Corniche,SEC-A,site\n';
    const first = await uploadImport(org.admin, 'org-units', csv);
    expect(first.body).toMatchObject({ rows: 2, created: 2, unchanged: 0, applied: true, errors: [] });
    const again = await uploadImport(org.admin, 'org-units', csv);
    expect(again.body).toMatchObject({ created: 0, unchanged: 2, applied: true });
  });

  it('places a row without parent_code directly under the root unit: a national tree imports as is', async () => {
    const csv = 'code,name,parent_code,level\nMA,Maroc,,country\nMA-CS,Casablanca-Settat,MA,region\nMA-OR,Oriental,MA,region\nCASA,Section Casablanca,MA-CS,section\nOUJDA,Section Oujda,MA-OR,section\n';
    const res = await uploadImport(org.admin, 'org-units', csv);
    expect(res.body).toMatchObject({ rows: 5, created: 5, applied: true, errors: [] });
    const units = await org.admin.get<{ items: Array<{ id: string; code: string; parentId: string | null }> }>('/org-units');
    const byCode = new Map(units.body.items.map((u) => [u.code, u]));
    expect(byCode.get('MA')!.parentId).toBe(org.rootUnitId);
    expect(byCode.get('MA-OR')!.parentId).toBe(byCode.get('MA')!.id);
    expect(byCode.get('OUJDA')!.parentId).toBe(byCode.get('MA-OR')!.id);
    expect((await uploadImport(org.admin, 'org-units', csv)).body).toMatchObject({ created: 0, unchanged: 5, applied: true });
    // The root unit itself, listed without a parent, is already there.
    expect((await uploadImport(org.admin, 'org-units', 'code,name,parent_code,level\nIMP,Organisation IMP,,country\n')).body).toMatchObject({ created: 0, unchanged: 1, applied: true });
  });

  it('imports where units are (decimal degrees, comma or point), both coordinates or neither', async () => {
    const bad = await uploadImport(org.admin, 'org-units', 'code;name;parent_code;level;latitude;longitude\nPORT;Port;SEC-A;site;30,42;\nSOUK;Souk;SEC-A;site;95;-9.6\n');
    expect(bad.body.applied).toBe(false);
    expect(bad.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'longitude', 'required'],
      [3, 'latitude', 'too_big'],
    ]);
    const good = await uploadImport(org.admin, 'org-units', 'code;name;parent_code;level;latitude;longitude\nPORT;Port;SEC-A;site;30,42;-9,6\nSOUK;Souk;SEC-A;site;;\n');
    expect(good.body).toMatchObject({ created: 2, applied: true });
    const units = await org.admin.get<{ items: Array<{ code: string; latitude: number | null; longitude: number | null }> }>('/org-units');
    expect(units.body.items.find((u) => u.code === 'PORT')).toMatchObject({ latitude: 30.42, longitude: -9.6 });
    expect(units.body.items.find((u) => u.code === 'SOUK')).toMatchObject({ latitude: null, longitude: null });
  });

  it('rejects a whole file for one bad row, saying line, column and reason; nothing is written', async () => {
    const before = await tableCounts(t.db);
    const csv = '\ufeffcode;populations;sex;birth_year;section;registered_on;entry_door\n' + 'FAMO1985F;PS;F;1985;SEC-A;2024-03-01;outreach\n' + 'FAMO19A5F;PS;Q;1985;SEC-Z;2999-01-01;teleport\n';
    const res = await uploadImport(clerk, 'beneficiaries', csv);
    expect(res.body.applied).toBe(false);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'code', 'invalid_code'],
      [3, 'sex', 'invalid_choice'],
      [3, 'section', 'unknown_reference'],
      [3, 'registered_on', 'future_date'],
      [3, 'entry_door', 'invalid_choice'],
    ]);
    expect(res.body.errors[0]!.message).toBe('Ligne 3, colonne « code » : code : la partie « année de naissance » (caractères 5 à 8) doit être en chiffres : « 19A5 » (ex. 1985).');
    expect(res.body.errors[2]!.message).toBe('Ligne 3, colonne « section » : section : « SEC-Z » est inconnu.');
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses a row whose sex or birth year its code contradicts, naming the column', async () => {
    const csv = 'code;populations;sex;birth_year;section;registered_on\n' + 'NAZI1990F;PS;M;1990;SEC-A;2024-03-01\n' + 'NAZI1991F;PS;F;1992;SEC-A;2024-03-01\n' + 'NAZI1993T;PS;X;1993;SEC-A;2024-03-01\n';
    const res = await uploadImport(clerk, 'beneficiaries', csv, true);
    expect(res.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'sex', 'code_mismatch'],
      [3, 'birth_year', 'code_mismatch'],
    ]);
    expect(res.body.errors[1]!.message).toMatch(/« 1991 »/);
  });

  it('imports beneficiaries (semicolons, BOM), queues probable duplicates, and is idempotent', async () => {
    const csv = '\ufeffcode;populations;sex;birth_year;section;registered_on;entry_door;marital_status;schooling;housing;occupation\n' +
      'FAMO1985F;PS;F;1985;SEC-A;2024-03-01;outreach;single_mother;primary;tenant;unemployed\n' +
      'FEMO1985F;PS;F;1985;SEC-A;2024-03-02;walk_in;;;;\n' +
      'KHAB1990M;"HSH ; pvvih";M;1990;SEC-A;2024-03-03;;;;;\n'; // populations hold ';': quoted
    const fixed = csv;
    const dry = await uploadImport(clerk, 'beneficiaries', fixed, true);
    expect(dry.body).toMatchObject({ created: 3, applied: false, errors: [] });
    expect((await t.db.kysely.selectFrom('beneficiary').select('id').execute()).length).toBe(0);
    const res = await uploadImport(clerk, 'beneficiaries', fixed);
    expect(res.body).toMatchObject({ rows: 3, created: 3, unchanged: 0, applied: true });
    const famo = await t.db.kysely.selectFrom('beneficiary').selectAll().where('code', '=', 'FAMO1985F').executeTakeFirstOrThrow();
    expect(famo).toMatchObject({ marital_status: 'single_mother', schooling: 'primary', housing: 'tenant', occupation: 'unemployed', entry_door: 'outreach', birth_year: 1985 });
    const pairs = await t.db.kysely.selectFrom('beneficiary_pair').select(['status']).execute();
    expect(pairs).toEqual([{ status: 'open' }]);
    const again = await uploadImport(clerk, 'beneficiaries', fixed);
    expect(again.body).toMatchObject({ created: 0, unchanged: 3, applied: true });
  });

  it('an old file imported again does not bring back a person erased since: her row counts as unchanged', async () => {
    const csv = 'code;populations;sex;birth_year;section;registered_on\n' + 'ZOLA1977F;PS;F;1977;SEC-A;2024-05-01\n' + 'ZULE1978F;PS;F;1978;SEC-A;2024-05-02\n';
    expect((await uploadImport(clerk, 'beneficiaries', csv)).body).toMatchObject({ created: 2, unchanged: 0, applied: true });
    const zola = await t.db.kysely.selectFrom('beneficiary').select('id').where('code', '=', 'ZOLA1977F').executeTakeFirstOrThrow();
    expect((await org.admin.post(`/beneficiaries/${zola.id}/erase`, { reason: 'Demande écrite' })).status).toBe(200);
    const persons = async () => (await t.db.kysely.selectFrom('beneficiary').select('id').execute()).length;
    const before = await persons();
    const dry = await uploadImport(clerk, 'beneficiaries', csv, true);
    expect(dry.body).toMatchObject({ created: 0, unchanged: 2, errors: [] });
    expect((await uploadImport(clerk, 'beneficiaries', csv)).body).toMatchObject({ created: 0, unchanged: 2, applied: true });
    expect(await t.db.kysely.selectFrom('beneficiary').select('id').where('code', '=', 'ZOLA1977F').execute()).toEqual([]);
    expect(await persons()).toBe(before);
  });

  it('imports every service type from CSV, through the same rules as the API; a second import creates nothing', async () => {
    const header = 'id,code,date,section,program,service,quantity,result,kind,strategy,modality,treated,site,worker,register_no';
    const lines = serviceCodes.map((service) => {
        const def = serviceDefinitions[service];
        const program = Object.entries(defaultProgramServices).find(([, p]) => p.services.includes(service))![0];
        return ['', 'FAMO1985F', today, 'SEC-A', program, service, def.quantity ? '15' : '', def.result?.[1] ?? '', def.kind?.[0] ?? '', def.strategy?.[0] ?? '', def.modality?.[2] ?? '', def.treated ? 'no' : '', 'PLAGE', 'ep.a', ''].join(',');
    });
    const csv = [header, ...lines, `9f000000-0000-4000-8000-000000000001,FEMO1985F,${today},SEC-A,prev_ps,hiv_test,,negative,,fixed,,,,ep.a,77`].join('\r\n');
    const res = await uploadImport(clerk, 'services', csv);
    expect(res.body.errors).toEqual([]);
    expect(res.body).toMatchObject({ created: lines.length + 1, applied: true });
    const list = await clerk.get<{ items: ServiceRecord[] }>('/services?limit=200');
    const byService = new Map(list.body.items.filter((s) => s.beneficiary.code === 'FAMO1985F').map((s) => [s.service, s]));
    for (const service of serviceCodes) {
      const def = serviceDefinitions[service];
      expect(byService.get(service), service).toMatchObject({
        worker: { displayName: 'User ep.a' },
        site: { code: 'PLAGE' },
        quantity: def.quantity ? 15 : null,
        result: def.result?.[1] ?? null,
        kind: def.kind?.[0] ?? null,
        strategy: def.strategy?.[0] ?? null,
        modality: def.modality?.[2] ?? null,
        treated: def.treated ? false : null,
      });
    }
    expect(byService.get('hiv_test')!.registerNo).toBe(1);
    expect(list.body.items.find((s) => s.id === '9f000000-0000-4000-8000-000000000001')!.registerNo).toBe(77);
    const again = await uploadImport(clerk, 'services', csv);
    expect(again.body).toMatchObject({ created: 0, unchanged: lines.length + 1, applied: true });
  });

  it('reads XLSX files with the same columns', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('services');
    sheet.addRow(['code', 'date', 'section', 'program', 'service', 'quantity', 'worker']);
    sheet.addRow(['KHAB1990M', new Date(`${today}T00:00:00Z`), 'SEC-A', 'prev_hsh', 'condoms', 40, 'ep.a']);
    sheet.addRow(['KHAB1990M', new Date(`${today}T00:00:00Z`), 'SEC-A', 'prev_hsh', 'lubricant', 20, 'ep.a']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await uploadImport(clerk, 'services', data, false, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.body).toMatchObject({ rows: 2, created: 2, applied: true, errors: [] });
  });

  it('reads a register number as the paper register writes it (2024-018), of the year of the date', async () => {
    const head = 'code,date,section,program,service,result,strategy,worker,register_no';
    const row = (no: string) => `KHAB1990M,2024-03-05,SEC-A,prev_hsh,hiv_test,negative,fixed,ep.a,${no}`;
    const bad = await uploadImport(clerk, 'services', [head, row('2023-019'), row('N17')].join('\n'));
    expect(bad.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'register_no', 'register_year'], [3, 'register_no', 'register_no_format']]);
    const ok = await uploadImport(clerk, 'services', [head, row('2024-018')].join('\n'));
    expect(ok.body).toMatchObject({ created: 1, applied: true, errors: [] });
    const list = await clerk.get<{ items: ServiceRecord[] }>('/services?limit=200&from=2024-03-05&to=2024-03-05&service=hiv_test');
    expect(list.body.items.map((s) => [s.registerYear, s.registerNo])).toEqual([[2024, 18]]);
  });

  it('imports services without a worker, from the screen as from paper registers: listed and verified as "intervenant non renseigné"', async () => {
    const csv = ['code,date,section,program,service,modality,worker', `KHAB1990M,2024-02-10,SEC-A,prev_hsh,outreach_contact,in_person,`, `KHAB1990M,2024-02-11,SEC-A,prev_hsh,iec_session,,ep.a`].join('\n');
    const res = await uploadImport(clerk, 'services', csv);
    expect(res.body).toMatchObject({ created: 2, applied: true, errors: [] });
    const list = await clerk.get<{ items: ServiceRecord[] }>('/services?limit=200&from=2024-02-01&to=2024-02-28');
    expect(list.body.items.map((s) => [s.service, s.worker?.displayName ?? null]).sort()).toEqual([['iec_session', 'User ep.a'], ['outreach_contact', null]]);
    const verified = await clerk.get<{ workers: { worker: { displayName: string } | null; counts: Record<string, number> }[] }>(`/verification?orgUnitId=${sectionA}&month=2024-02`);
    expect(verified.body.workers).toEqual([
      expect.objectContaining({ worker: expect.objectContaining({ displayName: 'User ep.a' }), counts: { iec_session: 1 } }),
      expect.objectContaining({ worker: null, counts: { outreach_contact: 1 } }),
    ]);
  });

  it('counts a busy section’s services only up to 1,000 past the page: the pager says "more than"', async () => {
    const day = (n: number) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: LIST_COUNT_CAP + 60 }, (_, n) => `KHAB1990M,${day(n)},SEC-A,prev_hsh,iec_session,ep.a`);
    expect((await uploadImport(clerk, 'services', ['code,date,section,program,service,worker', ...rows].join('\n'))).body).toMatchObject({ created: rows.length, applied: true });
    type Page = { items: ServiceRecord[]; total: number; totalCapped: boolean };
    const within = `orgUnitId=${sectionA}&from=${day(0)}&to=${day(rows.length - 1)}`;
    const first = (await clerk.get<Page>(`/services?${within}&limit=50`)).body;
    expect({ n: first.items.length, total: first.total, totalCapped: first.totalCapped }).toEqual({ n: 50, total: LIST_COUNT_CAP, totalCapped: true });
    // Further on, the bound moves with the page; near the end the count is exact again.
    const later = (await clerk.get<Page>(`/services?${within}&limit=50&offset=1000`)).body;
    expect({ n: later.items.length, first: later.items[0]!.date, total: later.total, totalCapped: later.totalCapped }).toEqual({ n: 50, first: day(rows.length - 1001), total: rows.length, totalCapped: false });
  });

  it('imports a row repeated in the file once, and refuses an id used twice', async () => {
    const row = `KHAB1990M,${today},SEC-A,prev_hsh,iec_session,ep.a`;
    const res = await uploadImport(clerk, 'services', ['code,date,section,program,service,worker', row, row].join('\n'));
    expect(res.body).toMatchObject({ rows: 2, created: 1, unchanged: 1, applied: true });
    const id = '9f000000-0000-4000-8000-0000000000ff';
    const twice = await uploadImport(clerk, 'services', ['id,code,date,section,program,service,worker', `${id},${row}`, `${id},${row.replace('iec_session', 'prep')}`].join('\n'));
    expect(twice.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, 'id', 'duplicate_in_file']]);
  });

  it('refuses bad service rows and rows outside the importer’s sections', async () => {
    const before = await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const csv = [
      'code,date,section,program,service,quantity,result,strategy,worker',
      'ZOZO1970M,2024-01-01,SEC-A,prev_ps,condoms,5,,,ep.a',
      `FAMO1985F,2999-01-01,SEC-A,prev_ps,condoms,5,,,ep.a`,
      `FAMO1985F,${today},SEC-A,prev_ps,hiv_test,,maybe,fixed,ep.a`,
      `FAMO1985F,${today},SEC-A,prev_ps,condoms,-3,,,ep.a`,
      `FAMO1985F,${today},SEC-A,prev_ps,condoms,,,,nobody`,
    ].join('\n');
    const res = await uploadImport(clerk, 'services', csv);
    expect(res.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'code', 'unknown_reference'],
      [3, 'date', 'future_date'],
      [4, 'result', 'invalid_choice'],
      [5, 'quantity', 'too_small'],
      [6, 'worker', 'unknown_reference'],
      [6, 'quantity', 'required'],
    ]);
    const outside = await uploadImport(clerkB, 'services', `code,date,section,program,service\nFAMO1985F,${today},SEC-A,prev_ps,iec_session\n`);
    expect(outside.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'section', 'invalid_choice']]);
    expect((await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(before.n);
  });

  it('records a person as known in a unit since her earliest service there, whatever the order of the rows (the rule capture follows)', async () => {
    const csv = ['code,date,section,program,service,worker', 'KHAB1990M,2024-05-20,PORT,prev_hsh,iec_session,ep.a', 'KHAB1990M,2024-05-10,PORT,prev_hsh,iec_session,ep.a'].join('\n');
    const res = await uploadImport(clerk, 'services', csv);
    expect(res.body).toMatchObject({ created: 2, applied: true, errors: [] });
    const known = await t.db.kysely
      .selectFrom('beneficiary_unit as bu')
      .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 'bu.organisation_id').onRef('b.id', '=', 'bu.beneficiary_id'))
      .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'bu.organisation_id').onRef('ou.id', '=', 'bu.org_unit_id'))
      .select(['bu.since', 'bu.via'])
      .where('b.code', '=', 'KHAB1990M')
      .where('ou.code', '=', 'PORT')
      .execute();
    expect(known.map((k) => [String(k.since).slice(0, 10), k.via])).toEqual([['2024-05-10', 'served']]);
  });

  it('says what is wrong with an unreadable file or missing columns', async () => {
    const missing = await uploadImport(clerk, 'services', 'code,date\nFAMO1985F,2024-01-01\n');
    expect(missing.status).toBe(400);
    expect(missing.body.error!.message).toBe('Colonnes manquantes : section, program, service.');
    const binary = await uploadImport(clerk, 'services', Buffer.from([0xff, 0xfe, 0x00, 0x41]), false, 'application/octet-stream');
    expect(binary.body.error!.code).toBe('file_unreadable');
    expect((await uploadImport(org.admin, 'services', 'x\n')).status).toBe(400);
  });
  it('counts long lists of persons and of probable duplicates only up to 1,000 past the page', async () => {
    // 20 × 20 mothers' parts × 3 years: 1,200 codes, each near many others (one letter, one year).
    const letters = [...'ABDEFGHIKLMNOPRSTUVZ'];
    const codes = letters.flatMap((x) => letters.flatMap((y) => [1990, 1991, 1992].map((year) => `${x}${y}WA${year}F`)));
    const csv = ['code,populations,sex,section,registered_on', ...codes.map((c) => `${c},PS,F,SEC-B,2024-01-01`)].join('\n');
    expect((await uploadImport(org.admin, 'beneficiaries', csv)).body).toMatchObject({ created: codes.length, applied: true });
    const coordinator = (await createUserClient(t, org.admin, 'IMP', 'coord.all', 'coordinator', org.rootUnitId)).client;
    const units = await org.admin.get<{ items: Array<{ id: string; code: string }> }>('/org-units');
    const sectionB = units.body.items.find((u) => u.code === 'SEC-B')!.id;
    type Page = { items: unknown[]; total: number; totalCapped: boolean };
    const shape = (p: Page) => ({ n: p.items.length, total: p.total, totalCapped: p.totalCapped });
    expect(shape((await coordinator.get<Page>(`/beneficiaries?orgUnitId=${sectionB}&limit=50`)).body)).toEqual({ n: 50, total: LIST_COUNT_CAP, totalCapped: true });
    expect(shape((await coordinator.get<Page>(`/beneficiaries?orgUnitId=${sectionB}&limit=50&offset=1000`)).body)).toEqual({ n: 50, total: codes.length, totalCapped: false });
    const pairs = await t.db.kysely.selectFrom('beneficiary_pair').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
    expect(pairs.n).toBeGreaterThan(2 * LIST_COUNT_CAP);
    expect(shape((await coordinator.get<Page>('/duplicates?limit=20')).body)).toEqual({ n: 20, total: LIST_COUNT_CAP, totalCapped: true });
  });
});
