import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValueSet, type ApiErrorBody } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary, type ServiceInput } from '../../../test/factories.ts';
import { validateAdx } from '../../../test/adx-schema.ts';

type Org = TestOrg;

/** The durations DHIS2's ADX reader (dhis2-core AdxPeriod.Duration) accepts. */
const dhis2Durations = ['P1D', 'P7D', 'P14D', 'P1M', 'P2M', 'P3M', 'P6M', 'P1Y'];

/**
 * A small prev_ps year (right answers below), three mapped sections:
 * - P1 AAAA2000F (24 in 2024) at AGA: outreach contact + 10 condoms in March, a negative HIV test in August.
 * - P2 BBBB1990F (34) at INZ: outreach contact + 5 condoms in August.
 * - TIZ: nothing.
 */
describe(`DHIS2 exports (${engine})`, () => {
  let t: TestApp;
  let org: Org;
  let aga: string;
  let testServiceId: string;

  const mapping = {
    dataSet: 'DSprevPS001',
    attributeOptionCombo: 'AOCfunder01',
    orgUnits: { AGA: 'OUagadir001', INZ: 'OUinezgan01', TIZ: 'OUtiznit001' },
    dataElements: [
      { indicator: 'reached', program: 'prev_ps', dataElement: 'DEreachPS01', categoryOptionCombo: 'COCltTwenty', disaggregation: { age_band: '<25' } },
      { indicator: 'condoms_distributed', program: 'prev_ps', dataElement: 'DEcondoms01' },
      { indicator: 'tested_known_result', program: 'prev_ps', dataElement: 'DEtestedPS1', attributeOptionCombo: 'AOCpartner1' },
      { indicator: 'testing_rate', program: 'prev_ps', dataElement: 'DEtestRate1', factor: 100 },
    ],
  };
  const exportJson = (period: string, client = org.admin) => client.post<DataValueSet>('/reports/dhis2', { program: 'prev_ps', period });
  const exportAdx = (period: string, program = 'prev_ps', locale = 'fr') =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports/dhis2?format=adx', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': locale }, payload: { program, period } });
  const cells = (set: DataValueSet) => Object.fromEntries(set.dataValues.map((v) => [`${v.dataElement}/${v.orgUnit}/${v.categoryOptionCombo ?? ''}/${v.attributeOptionCombo ?? ''}`, v.value]));

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'DHI');
    aga = await createUnit(org.admin, org.rootUnitId, 'AGA');
    const inz = await createUnit(org.admin, org.rootUnitId, 'INZ');
    await createUnit(org.admin, org.rootUnitId, 'TIZ');
    const person = async (code: string, birthYear: number) => (await registerBeneficiary(org.admin, { code, orgUnitId: aga, registeredOn: '2023-01-01', populations: ['PS'], sex: 'F', birthYear })).id;
    const contact = async (beneficiaryId: string, date: string, orgUnitId: string, services: ServiceInput[]) =>
      (await recordContact(org.admin, { beneficiaryId, date, orgUnitId, siteId: null, program: 'prev_ps', services })).services;
    const p1 = await person('AAAA2000F', 2000);
    const p2 = await person('BBBB1990F', 1990);
    await contact(p1, '2024-03-05', aga, [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 10 }]);
    testServiceId = (await contact(p1, '2024-08-10', aga, [{ service: 'hiv_test', result: 'negative', strategy: 'fixed' }]))[0]!.id;
    await contact(p2, '2024-08-12', inz, [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 5 }]);
    const res = await org.admin.put('/dhis2/mapping', mapping);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends every mapped cell of the period, zeros included, ratios ×100, with the attribute option combos', async () => {
    const year = await exportJson('2024');
    expect(year.status).toBe(200);
    expect(DataValueSet.safeParse(year.body).success).toBe(true);
    expect(year.body).toMatchObject({ idScheme: 'UID', dataSet: 'DSprevPS001', period: '2024' });
    expect(cells(year.body)).toEqual({
      'DEreachPS01/OUagadir001/COCltTwenty/AOCfunder01': '1',
      'DEreachPS01/OUinezgan01/COCltTwenty/AOCfunder01': '0', // P2 is 34
      'DEreachPS01/OUtiznit001/COCltTwenty/AOCfunder01': '0',
      'DEcondoms01/OUagadir001//AOCfunder01': '10',
      'DEcondoms01/OUinezgan01//AOCfunder01': '5',
      'DEcondoms01/OUtiznit001//AOCfunder01': '0',
      'DEtestedPS1/OUagadir001//AOCpartner1': '1', // the entry's own attribute option combo
      'DEtestedPS1/OUinezgan01//AOCpartner1': '0',
      'DEtestedPS1/OUtiznit001//AOCpartner1': '0',
      'DEtestRate1/OUagadir001//AOCfunder01': '100', // 1 tested ÷ 1 reached, as a percentage
      'DEtestRate1/OUinezgan01//AOCfunder01': '0', // a zero ratio, sent as the zero counts are
      // TIZ reached nobody: a rate with nothing to divide has no value and is not sent.
    });
    const semester = await exportJson('2024-S1');
    expect(semester.body.period).toBe('2024S1');
    expect(cells(semester.body)).toMatchObject({ 'DEcondoms01/OUagadir001//AOCfunder01': '10', 'DEcondoms01/OUinezgan01//AOCfunder01': '0', 'DEtestedPS1/OUagadir001//AOCpartner1': '0' });
  });

  it('lets a value corrected down to 0 replace what DHIS2 holds, unless the mapping leaves zeros out', async () => {
    expect((await org.admin.delete(`/services/${testServiceId}`)).status).toBe(200);
    const corrected = cells((await exportJson('2024')).body);
    expect(corrected['DEtestedPS1/OUagadir001//AOCpartner1']).toBe('0');
    expect(corrected['DEtestRate1/OUagadir001//AOCfunder01']).toBe('0');

    expect((await org.admin.put('/dhis2/mapping', { ...mapping, omitZeros: true })).status).toBe(200);
    expect(cells((await exportJson('2024')).body)).toEqual({
      'DEreachPS01/OUagadir001/COCltTwenty/AOCfunder01': '1',
      'DEcondoms01/OUagadir001//AOCfunder01': '10',
      'DEcondoms01/OUinezgan01//AOCfunder01': '5',
    });
    expect((await org.admin.put('/dhis2/mapping', mapping)).status).toBe(200);
  });

  it('sends only the units within the reader’s scope', async () => {
    const { client } = await createUserClient(t, org.admin, 'DHI', 'coord_aga', 'coordinator', aga);
    const units = new Set((await exportJson('2024', client)).body.dataValues.map((v) => v.orgUnit));
    expect([...units]).toEqual(['OUagadir001']);
  });

  it('writes ADX that the ADX schema and DHIS2’s period reader accept, for a year, a semester, a quarter and a month', async () => {
    const expected: Record<string, string> = { '2024': '2024-01-01/P1Y', '2024-S2': '2024-07-01/P6M', '2024-Q3': '2024-07-01/P3M', '2024-08': '2024-08-01/P1M' };
    for (const [period, adxPeriod] of Object.entries(expected)) {
      const res = await exportAdx(period);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('application/adx+xml');
      expect(await validateAdx(res.body), period).toEqual([]);
      const periods = [...res.body.matchAll(/ period="([^"]+)"/g)].map((m) => m[1]!);
      expect(new Set(periods), period).toEqual(new Set([adxPeriod]));
      for (const p of periods) expect(dhis2Durations).toContain(p.split('/')[1]);
    }
    const year = (await exportAdx('2024')).body;
    expect(year).toContain('<group orgUnit="OUagadir001" period="2024-01-01/P1Y" dataSet="DSprevPS001" attributeOptionCombo="AOCfunder01">');
    expect(year).toContain('<group orgUnit="OUagadir001" period="2024-01-01/P1Y" dataSet="DSprevPS001" attributeOptionCombo="AOCpartner1">');
    expect(year).toContain('<dataValue dataElement="DEreachPS01" categoryOptionCombo="COCltTwenty" value="1"/>');
    expect(year).toContain('<dataValue dataElement="DEcondoms01" value="0"/>');
  });

  it('refuses an ADX export with nothing to send, in the reader’s language (the ADX schema wants one value)', async () => {
    const json = await org.admin.post<DataValueSet>('/reports/dhis2', { program: 'prev_hsh', period: '2024' });
    expect(json.body.dataValues).toEqual([]);
    const fr = await exportAdx('2024', 'prev_hsh');
    expect(fr.statusCode).toBe(409);
    expect((JSON.parse(fr.body) as ApiErrorBody).error).toMatchObject({ code: 'dhis2_nothing_to_export', message: expect.stringContaining('Rien à envoyer à DHIS2') });
    const ar = await exportAdx('2024', 'prev_hsh', 'ar');
    expect((JSON.parse(ar.body) as ApiErrorBody).error.message).toContain('لا شيء يُرسل إلى DHIS2');
  });

  it('refuses a mapping that would send nothing or conflicting values, naming each problem in the user’s language', async () => {
    const before = (await org.admin.get('/dhis2/mapping')).body;
    const entry = { indicator: 'reached', program: 'prev_ps', dataElement: 'DEreachPS01', categoryOptionCombo: 'COCltTwenty', disaggregation: { age_band: '<25' } };
    const bad = {
      orgUnits: { AGA: 'OUagadir001', INZ: 'OUagadir001', NOPE: 'OUnope00001' },
      dataElements: [
        entry,
        { ...entry, disaggregation: { age_band: '>=25' } },
        { ...entry, dataElement: 'DEreachPS02', disaggregation: { age_band: 'lt25' } },
        { ...entry, dataElement: 'DEreachPS03', disaggregation: { sex: 'Q' } },
        { ...entry, dataElement: 'DEreachPS04', disaggregation: { colour: 'red' } },
        { ...entry, dataElement: 'not a uid', indicator: 'no_such_indicator' },
        { ...entry, attributeOptionCombo: 'AOCpartner1' }, // same cell under another attribute option combo: no conflict
      ],
    };
    const res = await org.admin.put<ApiErrorBody>('/dhis2/mapping', bad);
    expect(res.status).toBe(400);
    const problems = Object.fromEntries(res.body.error.fields!.map((f) => [f.field, f.code]));
    expect(problems).toEqual({
      'orgUnits.INZ': 'duplicate_org_unit',
      'orgUnits.NOPE': 'unknown_reference',
      'dataElements.1.categoryOptionCombo': 'duplicate_cell',
      'dataElements.2.disaggregation.age_band': 'not_one_of',
      'dataElements.3.disaggregation.sex': 'not_one_of',
      'dataElements.4.disaggregation.colour': 'unknown_dimension',
      'dataElements.5.indicator': 'unknown_reference',
      'dataElements.5.dataElement': 'not_a_uid',
    });
    const message = (field: string, body = res.body) => body.error.fields!.find((f) => f.field === field)!.message;
    expect(message('dataElements.1.categoryOptionCombo')).toBe(
      'Combinaison d’options de catégorie : la même cellule DHIS2 (élément de données « DEreachPS01 », même combinaison de catégories et d’attributs) est déjà envoyée par dataElements.0 ; DHIS2 recevrait deux valeurs contradictoires.',
    );
    expect(message('orgUnits.INZ')).toBe('Unité DHIS2 (INZ) : l’unité DHIS2 « OUagadir001 » reçoit déjà l’unité AGA ; leurs valeurs s’écraseraient.');
    expect(message('dataElements.2.disaggregation.age_band')).toBe('Désagrégation (age_band) : « lt25 » ne fait pas partie des valeurs possibles (<25, >=25, unknown) ; cette cellule ne recevrait jamais rien.');
    expect(message('dataElements.3.disaggregation.sex')).toContain('Sexe : « Q »');
    org.admin.locale = 'en';
    const en = await org.admin.put<ApiErrorBody>('/dhis2/mapping', bad);
    expect(message('dataElements.4.disaggregation.colour', en.body)).toMatch(/^Disaggregation \(colour\): "colour" is not a disaggregation dimension \(population, sex, age_band/);
    org.admin.locale = 'ar';
    const ar = await org.admin.put<ApiErrorBody>('/dhis2/mapping', bad);
    expect(message('dataElements.5.dataElement', ar.body)).toContain('ليس معرّفًا في DHIS2');
    org.admin.locale = 'fr';
    expect((await org.admin.get('/dhis2/mapping')).body).toEqual(before);
  });

  it('writes codes when the mapping uses DHIS2 codes', async () => {
    const byCode = {
      idScheme: 'code',
      orgUnits: { AGA: 'MA_AGADIR' },
      dataElements: [{ indicator: 'condoms_distributed', program: 'prev_ps', dataElement: 'PS_CONDOMS_DISTRIBUTED', categoryOptionCombo: 'default' }],
    };
    const saved = await org.admin.put('/dhis2/mapping', byCode);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const set = (await exportJson('2024')).body;
    expect(set).toMatchObject({ idScheme: 'CODE', dataValues: [{ dataElement: 'PS_CONDOMS_DISTRIBUTED', orgUnit: 'MA_AGADIR', categoryOptionCombo: 'default', value: '10' }] });
    expect(await validateAdx((await exportAdx('2024')).body)).toEqual([]);
    expect((await org.admin.put('/dhis2/mapping', mapping)).status).toBe(200);
  });
});
