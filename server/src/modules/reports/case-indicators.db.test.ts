import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultViolenceTypes, entryDoors, type ApiErrorBody, type Case, type DataValueSet, type ReportRow } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary, type ServiceInput } from '../../../test/factories.ts';
import { createReportEngine } from './report.engine.ts';

/**
 * The gbv program's indicators (issue 13) on a hand-built dataset; the answers are written here.
 * Two clinics, MRK and AGA; the period is 2024-S1 (2024-01-01 .. 2024-06-30).
 * - P1 (MRK): case C1 opened 2024-02-10 10:00 at MRK, incident 2024-02-08 12:00 (46 h: within 72 h), rape,
 *   walk_in, consent. In C1: pep_referral and an untreated sti_consultation 2024-02-10 at MRK, psychological_support 2024-03-01 at AGA,
 *   hiv_test 2024-04-01 at AGA. Outside a case: iec_session 2024-01-20 at MRK.
 * - P2 (MRK): case C2 opened in the previous semester (2023-11-15), incident on 2023-11-14 (a date
 *   alone), psychological_abuse, outreach, NO consent. In C2: medical_support 2023-11-15 (outside the
 *   period), legal_admin_support and socioeconomic_support 2024-05-05 at MRK. Outside a case:
 *   psychological_support 2024-02-02.
 * - P3 (AGA): case C3 opened 2024-03-10 08:00 at AGA, incident 2024-03-07 07:59 (72 h 01: past the
 *   window), physical_assault, partner, NO consent. In C3: pep_referral and sti_consultation 2024-03-10,
 *   vocational_training 2024-06-30 (last day), job_placement 2024-07-01 (outside).
 * - P4 (AGA): no case; iec_session 2024-04-01.
 * - P5 (MRK): case C4 opened 2023-12-01, denial_of_resources, remote, consent; psychological_support
 *   2023-12-01; closed 2024-03-31 as lost to follow-up (open at the start, no contact in the period).
 * - P6 (MRK): case C5 opened 2023-10-01, closed 2023-12-20 goals_met (not open at the start).
 */
describe(`the case indicators of the gbv program (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let mrk: string;
  let aga: string;
  let swM: Client;
  let swA: Client;

  const report = async (body: Record<string, unknown>, client: Client = org.admin) => {
    const res = await client.post<{ rows: ReportRow[] }>('/reports/query', { program: 'gbv', period: '2024-S1', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.rows;
  };
  /** The value of each cell `<indicator>|<dimension values>` of rows. */
  const cells = (rows: ReportRow[], dims: string[]) => Object.fromEntries(rows.map((r) => [[r.indicator, ...dims.map((d) => (d === 'period' ? r.period : r[d]))].join('|'), r.value]));

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CHAMS');
    mrk = await createUnit(org.admin, org.rootUnitId, 'MRK', 'clinic');
    aga = await createUnit(org.admin, org.rootUnitId, 'AGA', 'clinic');
    ({ client: swM } = await createUserClient(t, org.admin, 'CHAMS', 'as.mrk', 'social_worker', mrk));
    ({ client: swA } = await createUserClient(t, org.admin, 'CHAMS', 'as.aga', 'social_worker', aga));
    const person = async (orgUnitId: string, birthYear: number) => (await registerBeneficiary(org.admin, { orgUnitId, registeredOn: '2023-01-01', sex: 'F', birthYear })).id;
    const open = async (client: Client, beneficiaryId: string, orgUnitId: string, openedAt: string, entryDoor: string, incident: Record<string, unknown> | null) => {
      const res = await client.post<Case>('/cases', { beneficiaryId, program: 'gbv', orgUnitId, openedAt, entryDoor, incident });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    const serve = (beneficiaryId: string, orgUnitId: string, date: string, caseId: string | null, services: ServiceInput[]) =>
      recordContact(org.admin, { beneficiaryId, orgUnitId, date, program: 'gbv', siteId: null, ...(caseId ? { caseId } : {}), services });
    const close = async (client: Client, caseId: string, closedOn: string, reason: string) => {
      const res = await client.post(`/cases/${caseId}/close`, { closedOn, reason });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    const p1 = await person(mrk, 1995);
    const c1 = await open(swM, p1, mrk, '2024-02-10T10:00', 'walk_in', { at: '2024-02-08T12:00', violenceType: 'rape', reportingConsent: true });
    await serve(p1, mrk, '2024-02-10', c1, [{ service: 'pep_referral' }, { service: 'sti_consultation', treated: false }]);
    await serve(p1, aga, '2024-03-01', c1, [{ service: 'psychological_support' }]);
    await serve(p1, aga, '2024-04-01', c1, [{ service: 'hiv_test', result: 'negative', strategy: 'fixed' }]);
    await serve(p1, mrk, '2024-01-20', null, [{ service: 'iec_session' }]);

    const p2 = await person(mrk, 1988);
    const c2 = await open(swM, p2, mrk, '2023-11-15T09:00', 'outreach', { at: '2023-11-14', violenceType: 'psychological_abuse', reportingConsent: false });
    await serve(p2, mrk, '2023-11-15', c2, [{ service: 'medical_support', kind: 'accompaniment' }]);
    await serve(p2, mrk, '2024-05-05', c2, [{ service: 'legal_admin_support', kind: 'accompaniment' }, { service: 'socioeconomic_support', kind: 'food_basket' }]);
    await serve(p2, mrk, '2024-02-02', null, [{ service: 'psychological_support' }]);

    const p3 = await person(aga, 2001);
    const c3 = await open(swA, p3, aga, '2024-03-10T08:00', 'partner', { at: '2024-03-07T07:59', violenceType: 'physical_assault', reportingConsent: false });
    await serve(p3, aga, '2024-03-10', c3, [{ service: 'pep_referral' }, { service: 'sti_consultation', treated: true }]);
    await serve(p3, aga, '2024-06-30', c3, [{ service: 'vocational_training' }]);
    await serve(p3, aga, '2024-07-01', c3, [{ service: 'job_placement' }]);

    const p4 = await person(aga, 1999);
    await serve(p4, aga, '2024-04-01', null, [{ service: 'iec_session' }]);

    const p5 = await person(mrk, 1980);
    const c4 = await open(swM, p5, mrk, '2023-12-01T10:00', 'remote', { at: '2023-11-30', violenceType: 'denial_of_resources', reportingConsent: true });
    await serve(p5, mrk, '2023-12-01', c4, [{ service: 'psychological_support' }]);
    await close(swM, c4, '2024-03-31', 'lost_to_follow_up');

    const p6 = await person(mrk, 1990);
    const c5 = await open(swM, p6, mrk, '2023-10-01T10:00', 'walk_in', null);
    await close(swM, c5, '2023-12-20', 'goals_met');
  });
  afterAll(async () => {
    await t?.close();
  });

  const served = {
    survivors_cared: 3,
    biomedical_served: 2,
    tested_any: 1,
    sti_treated: 1,
    medical_other_served: 0,
    pep_within_72h: 1,
    psychological_served: 1,
    psychiatric_referred: 0,
    social_served: 1,
    legal_served: 1,
    in_vocational_training: 1,
    placed_in_job: 0,
    sensitised: 2,
  };
  const cases = { cases_opened: 2, cases_open_at_start: 2, cases_retained: 1, retention_rate: 0.5, lost_to_follow_up: 1 };

  it('gives each indicator of the semester, zeros included', async () => {
    const rows = await report({ indicators: [...Object.keys(served), ...Object.keys(cases)] });
    expect(cells(rows, [])).toEqual(Object.fromEntries(Object.entries({ ...served, ...cases }).map(([k, v]) => [k, v])));
  });

  it('counts a survivor served in two clinics once overall and once in each', async () => {
    const rows = await report({ indicators: ['survivors_cared', 'biomedical_served', 'cases_opened'], by: ['org_unit'] });
    expect(cells(rows, ['org_unit'])).toEqual({
      'survivors_cared|MRK': 2, // P1 (PEP at MRK), P2
      'survivors_cared|AGA': 2, // P1 (psychological support and a test at AGA), P3
      'survivors_cared|*': 3,
      'biomedical_served|MRK': 1,
      'biomedical_served|AGA': 2,
      'biomedical_served|*': 2,
      'cases_opened|MRK': 1,
      'cases_opened|AGA': 1,
      'cases_opened|*': 2,
    });
  });

  it('breaks cases down by violence type, family and entry door, every value of the typology listed', async () => {
    const byType = cells(await report({ indicators: ['cases_opened'], by: ['violence_type'] }), ['violence_type']);
    expect(Object.keys(byType).sort()).toEqual([...defaultViolenceTypes.map((v) => `cases_opened|${v.code}`), 'cases_opened|*'].sort());
    expect(byType).toMatchObject({ 'cases_opened|rape': 1, 'cases_opened|physical_assault': 1, 'cases_opened|psychological_abuse': 0, 'cases_opened|*': 2 });
    const byFamily = cells(await report({ indicators: ['cases_opened', 'survivors_cared'], by: ['violence_family'] }), ['violence_family']);
    expect(byFamily).toMatchObject({ 'cases_opened|physical_sexual': 2, 'cases_opened|psychological': 0, 'cases_opened|economic': 0 });
    // Persons served in a case, by their case's family: P1 and P3 (physical and sexual), P2 (psychological).
    expect(byFamily).toMatchObject({ 'survivors_cared|physical_sexual': 2, 'survivors_cared|psychological': 1, 'survivors_cared|*': 3 });
    const byDoor = cells(await report({ indicators: ['cases_opened'], by: ['entry_door'] }), ['entry_door']);
    expect(byDoor).toEqual({ ...Object.fromEntries(entryDoors.map((d) => [`cases_opened|${d}`, 0])), 'cases_opened|walk_in': 1, 'cases_opened|partner': 1, 'cases_opened|*': 2 });
    // A service outside a case has no case dimension: P4's and P1's IEC sessions are "not recorded".
    expect(cells(await report({ indicators: ['sensitised'], by: ['violence_type'] }), ['violence_type'])).toMatchObject({ 'sensitised|': 2, 'sensitised|rape': 0 });
  });

  it('follows retention quarter by quarter: open at the start of each, with a contact in it', async () => {
    const rows = await report({ indicators: ['cases_open_at_start', 'cases_retained', 'retention_rate', 'lost_to_follow_up'], by: ['period'], grain: 'quarter' });
    expect(cells(rows, ['period'])).toEqual({
      // 1 January: C2 and C4; neither had a contact in Q1 (C4 none at all, C2 in May).
      'cases_open_at_start|2024-Q1': 2,
      'cases_retained|2024-Q1': 0,
      'retention_rate|2024-Q1': 0,
      // 1 April: C1, C2, C3 (C4 was closed on 31 March); each had a contact in Q2 (30 June included).
      'cases_open_at_start|2024-Q2': 3,
      'cases_retained|2024-Q2': 3,
      'retention_rate|2024-Q2': 1,
      'lost_to_follow_up|2024-Q1': 1,
      'lost_to_follow_up|2024-Q2': 0,
      'cases_open_at_start|2024-S1': 2,
      'cases_retained|2024-S1': 1,
      'retention_rate|2024-S1': 0.5,
      'lost_to_follow_up|2024-S1': 1,
    });
  });

  it('breaks the semester down by sex and age band like any indicator', async () => {
    const rows = await report({ indicators: ['cases_opened', 'survivors_cared'], by: ['sex', 'age_band'] });
    // Cases opened: P1 (29 in 2024) and P3 (23).
    expect(cells(rows, ['sex', 'age_band'])).toMatchObject({ 'cases_opened|F|<25': 1, 'cases_opened|F|>=25': 1, 'cases_opened|M|*': 0, 'survivors_cared|F|*': 3 });
  });

  it('refuses a case indicator by a dimension cases do not have, and an indicator of the gbv program in another', async () => {
    const byWorker = await org.admin.post<ApiErrorBody>('/reports/query', { program: 'gbv', period: '2024-S1', indicators: ['cases_opened'], by: ['worker'] });
    expect(byWorker.status).toBe(400);
    expect(byWorker.body.error.fields?.[0]).toMatchObject({ field: 'by.0', code: 'unknown_dimension' });
    const elsewhere = await org.admin.post<ApiErrorBody>('/reports/query', { program: 'prev_ps', period: '2024-S1', indicators: ['reached', 'survivors_cared'] });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields?.[0]).toMatchObject({ field: 'indicators.1', code: 'invalid_choice' });
  });

  it('lists the gbv indicators for the gbv program only', async () => {
    const codes = async (program: string) => (await org.admin.get<{ items: Array<{ code: string; programs?: string[] }> }>(`/indicators?program=${program}`)).body.items.map((i) => i.code);
    expect(await codes('gbv')).toEqual(expect.arrayContaining(['reached', ...Object.keys(served), ...Object.keys(cases)]));
    expect(await codes('prev_ps')).toContain('reached');
    expect(await codes('prev_ps')).not.toContain('survivors_cared');
    expect(await codes('prev_ps')).not.toContain('cases_opened');
  });

  it('counts only cases with consent to reporting in the external DHIS2 export, as the services read through them', async () => {
    const mapping = {
      orgUnits: { MRK: 'OUmarrakech', AGA: 'OUagadir001' },
      dataElements: [
        { indicator: 'survivors_cared', program: 'gbv', dataElement: 'DEsurvivor1' },
        { indicator: 'cases_opened', program: 'gbv', dataElement: 'DEcasesOpen' },
        { indicator: 'cases_opened', program: 'gbv', dataElement: 'DEcasesOpen', categoryOptionCombo: 'COCphysSex1', disaggregation: { violence_family: 'physical_sexual' } },
        { indicator: 'cases_open_at_start', program: 'gbv', dataElement: 'DEcasesStrt' },
        { indicator: 'sensitised', program: 'gbv', dataElement: 'DEsensitise' },
      ],
    };
    expect((await org.admin.put('/dhis2/mapping', mapping)).status).toBe(200);
    const res = await org.admin.post<DataValueSet>('/reports/dhis2', { program: 'gbv', period: '2024-S1' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const values = Object.fromEntries(res.body.dataValues.map((v) => [`${v.dataElement}/${v.orgUnit}${v.categoryOptionCombo ? `/${v.categoryOptionCombo}` : ''}`, v.value]));
    expect(values).toEqual({
      // P1 only: P2's and P3's cases have no consent (the report inside the organisation counts 2 and 2).
      'DEsurvivor1/OUmarrakech': '1',
      'DEsurvivor1/OUagadir001': '1',
      // C1; C3 has no consent.
      'DEcasesOpen/OUmarrakech': '1',
      'DEcasesOpen/OUagadir001': '0',
      // By violence family (C1: rape).
      'DEcasesOpen/OUmarrakech/COCphysSex1': '1',
      'DEcasesOpen/OUagadir001/COCphysSex1': '0',
      // C4; C2 has no consent.
      'DEcasesStrt/OUmarrakech': '1',
      'DEcasesStrt/OUagadir001': '0',
      // Not read through a case: unchanged.
      'DEsensitise/OUmarrakech': '1',
      'DEsensitise/OUagadir001': '1',
    });
  });

  it('is external when the report hides small counts (for outside the organisation), and the engine can be marked so', async () => {
    const rows = await report({ indicators: ['cases_opened', 'survivors_cared'], suppressBelow: 2 });
    // C1 alone has consent: 1 case, suppressed; P1 alone: 1 person, suppressed.
    expect(rows.map((r) => [r.indicator, r.value, r.suppressed ?? false])).toEqual([
      ['cases_opened', null, true],
      ['survivors_cared', null, true],
    ]);
    const organisationId = (await t.db.kysely.selectFrom('organisation').select('id').where('code', '=', 'CHAMS').executeTakeFirstOrThrow()).id;
    const q = { program: 'gbv' as const, period: '2024-S1', indicators: ['cases_opened', 'survivors_cared', 'lost_to_follow_up'], by: [], grain: 'month' as const, filters: {} };
    const external = await createReportEngine(t.db.kysely, { external: true }).run(organisationId, 'organisation', q);
    expect(external.map((r) => [r.indicator, r.value])).toEqual([
      ['cases_opened', 1],
      ['survivors_cared', 1],
      ['lost_to_follow_up', 1],
    ]);
    const internal = await createReportEngine(t.db.kysely).run(organisationId, 'organisation', q);
    expect(internal.map((r) => [r.indicator, r.value])).toEqual([
      ['cases_opened', 2],
      ['survivors_cared', 3],
      ['lost_to_follow_up', 1],
    ]);
  });
});
