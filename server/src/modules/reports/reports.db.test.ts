import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DataValueSet, type ReportRow } from '@relais/core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrg, createTestApp, createTestDatabase, createUnit, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary, type ServiceInput } from '../../../test/factories.ts';
import { backupTo, restoreFrom } from '../../db/backup.ts';
import { openDatabase } from '../../db/index.ts';
import { createReportEngine } from './report.engine.ts';

type Org = TestOrg;

/**
 * A small hand-built year whose right answers are written below (prev_ps,
 * reach = outreach contact or IEC session, paquet minimum = outreach contact +
 * condoms + IEC):
 * - P1 AAAA2000F, born 2000, PS: full-paquet contact at AGA (site PLAGE) in March,
 *   a contact at INZ (site SOUK) without IEC in May, a negative test at AGA's
 *   premises in June; reached again in 2025, when she is 25.
 * - P2 BBBB1990F, born 1990, PS + PVVIH: contact at AGA without IEC, two mobile
 *   tests (positive, then negative).
 * - P3 CCCC1999M, born 1999 (25 in 2024), PS: IEC session and lubricant at INZ (SOUK).
 * - P4 DDDD2001F, born 2001, PS: only an indeterminate test at AGA (not reached).
 * - P5 EEEE1980F: services in 2023 only.
 */
describe(`indicators and reports (${engine})`, () => {
  let t: TestApp;
  let org: Org;
  let aga: string;
  let inz: string;
  let tan: string;

  const report = (body: Record<string, unknown>) => org.admin.post<{ rows: ReportRow[] }>('/reports/query', { program: 'prev_ps', period: '2024', ...body });
  const value = (rows: ReportRow[], match: Record<string, string>) => {
    const found = rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
    expect(found, JSON.stringify(match)).toHaveLength(1);
    return found[0]!.value;
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'REP');
    aga = await createUnit(org.admin, org.rootUnitId, 'AGA');
    inz = await createUnit(org.admin, org.rootUnitId, 'INZ');
    const plage = await createUnit(org.admin, aga, 'PLAGE', 'site');
    const souk = await createUnit(org.admin, inz, 'SOUK', 'site');
    // A section with no service in 2024, and one whose name a spreadsheet would run as a formula.
    tan = await createUnit(org.admin, org.rootUnitId, 'TAN');
    expect((await org.admin.post('/org-units', { code: 'EVIL', name: "=cmd|' /C calc'!A0", level: 'section', parentId: org.rootUnitId })).status).toBe(201);
    const person = async (code: string, birthYear: number, populations: string[], sex: 'F' | 'M' = 'F') =>
      (await registerBeneficiary(org.admin, { code, orgUnitId: aga, registeredOn: '2023-01-01', populations, sex, birthYear })).id;
    const contact = (beneficiaryId: string, date: string, orgUnitId: string, siteId: string | null, services: ServiceInput[]) =>
      recordContact(org.admin, { beneficiaryId, date, orgUnitId, siteId, program: 'prev_ps', services });
    const p1 = await person('AAAA2000F', 2000, ['PS']);
    const p2 = await person('BBBB1990F', 1990, ['PS', 'PVVIH']);
    const p3 = await person('CCCC1999M', 1999, ['PS'], 'M');
    const p4 = await person('DDDD2001F', 2001, ['PS']);
    const p5 = await person('EEEE1980F', 1980, ['PS']);
    await contact(p1, '2024-03-01', aga, plage, [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 10 }, { service: 'iec_session' }]);
    await contact(p1, '2024-05-01', inz, souk, [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 5 }]);
    await contact(p1, '2024-06-01', aga, null, [{ service: 'hiv_test', result: 'negative', strategy: 'fixed' }]);
    await contact(p1, '2025-02-01', aga, plage, [{ service: 'outreach_contact', modality: 'online', platform: 'WhatsApp' }]);
    await contact(p2, '2024-04-01', aga, plage, [{ service: 'outreach_contact', modality: 'phone' }, { service: 'condoms', quantity: 20 }, { service: 'hiv_test', result: 'positive', strategy: 'mobile' }]);
    await contact(p2, '2024-09-01', aga, plage, [{ service: 'hiv_test', result: 'negative', strategy: 'mobile' }]);
    await contact(p3, '2024-07-01', inz, souk, [{ service: 'iec_session' }, { service: 'lubricant', quantity: 7 }]);
    await contact(p4, '2024-08-01', aga, null, [{ service: 'hiv_test', result: 'indeterminate', strategy: 'fixed' }]);
    await contact(p5, '2023-05-01', aga, plage, [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 100 }]);
  });
  afterAll(() => t.close());

  it('computes each default indicator for the year', async () => {
    const indicators = ['reached', 'tested_known_result', 'tests_performed', 'positive', 'condoms_distributed', 'lubricant_distributed', 'syringes_distributed', 'syringes_returned',
      'beneficiaries_served', 'services_delivered', 'persons_full_paquet', 'paquet_minimum_rate', 'testing_rate', 'returned', 'return_rate'];
    const res = await report({ indicators });
    expect(res.status).toBe(200);
    const got = Object.fromEntries(res.body.rows.map((r) => [r.indicator, r.value]));
    expect(got).toEqual({
      reached: 3, // P1, P2, P3 (P4 only tested; P5 in 2023)
      tested_known_result: 2, // P1, P2 (P4's result is indeterminate)
      tests_performed: 4,
      positive: 1,
      condoms_distributed: 35,
      lubricant_distributed: 7,
      syringes_distributed: 0,
      syringes_returned: 0,
      beneficiaries_served: 4,
      services_delivered: 13,
      persons_full_paquet: 1, // P1's March contact
      paquet_minimum_rate: 0.3333,
      testing_rate: 0.6667,
      returned: 1, // P1's test at AGA's premises
      return_rate: 0.3333,
    });
  });

  it('counts a person once per cell and once in the total, never the sum of cells', async () => {
    const res = await report({ indicators: ['reached', 'condoms_distributed'], by: ['org_unit'] });
    expect(value(res.body.rows, { indicator: 'reached', org_unit: 'AGA' })).toBe(2); // P1, P2
    expect(value(res.body.rows, { indicator: 'reached', org_unit: 'INZ' })).toBe(2); // P1, P3
    expect(value(res.body.rows, { indicator: 'reached', org_unit: '*' })).toBe(3);
    expect(value(res.body.rows, { indicator: 'condoms_distributed', org_unit: 'AGA' })).toBe(30);
    expect(value(res.body.rows, { indicator: 'condoms_distributed', org_unit: '*' })).toBe(35);
    const pop = await report({ indicators: ['reached'], by: ['population'] });
    expect(value(pop.body.rows, { population: 'PS' })).toBe(3);
    expect(value(pop.body.rows, { population: 'PVVIH' })).toBe(1);
    expect(value(pop.body.rows, { population: '*' })).toBe(3);
  });

  it('bands ages at the first qualifying service of the period', async () => {
    const y2024 = await report({ indicators: ['reached'], by: ['age_band', 'sex'] });
    expect(value(y2024.body.rows, { age_band: '<25', sex: '*' })).toBe(1); // P1 is 24 in 2024
    expect(value(y2024.body.rows, { age_band: '>=25', sex: '*' })).toBe(2); // P2 34, P3 25
    expect(value(y2024.body.rows, { age_band: '>=25', sex: 'M' })).toBe(1);
    const y2025 = await report({ period: '2025', indicators: ['reached'], by: ['age_band'] });
    expect(value(y2025.body.rows, { age_band: '>=25' })).toBe(1); // P1 turned 25
    expect(value(y2025.body.rows, { age_band: '<25' })).toBe(0); // nobody under 25: a row at 0
    expect(y2025.body.rows.some((r) => r.age_band === 'unknown')).toBe(false); // "not known" only when someone is
  });

  it('breaks down by month, service and result, and filters', async () => {
    const months = await report({ indicators: ['services_delivered'], by: ['period'], grain: 'quarter' });
    expect(months.body.rows.map((r) => [r.period, r.value])).toEqual([['2024-Q1', 3], ['2024-Q2', 6], ['2024-Q3', 4], ['2024-Q4', 0], ['2024', 13]]);
    const tests = await report({ indicators: ['tests_performed'], by: ['result'] });
    expect(value(tests.body.rows, { result: 'negative' })).toBe(2);
    const filtered = await report({ indicators: ['reached'], filters: { org_unit: ['INZ'] } });
    expect(filtered.body.rows[0]!.value).toBe(2);
    const semester = await report({ period: '2024-S1', indicators: ['reached'] });
    expect(semester.body.rows[0]!.value).toBe(2); // P1 (March), P2 (April); P3 in July
  });

  it('shows targets, gaps and achievement', async () => {
    expect((await org.admin.put('/targets', { indicator: 'reached', program: 'prev_ps', orgUnitId: aga, period: '2024', value: 5 })).status).toBe(200);
    expect((await org.admin.put('/targets', { indicator: 'reached', program: 'prev_ps', orgUnitId: org.rootUnitId, period: '2024', value: 4 })).status).toBe(200);
    const res = await report({ indicators: ['reached'], by: ['org_unit'] });
    expect(res.body.rows.find((r) => r.org_unit === 'AGA')).toMatchObject({ value: 2, target: 5, gap: 3, achievement: 0.4 });
    expect(res.body.rows.find((r) => r.org_unit === '*')).toMatchObject({ value: 3, target: 4, gap: 1, achievement: 0.75 });
    expect(res.body.rows.find((r) => r.org_unit === 'INZ')).toMatchObject({ value: 2, target: null, gap: null });
  });

  it('downloads a report as a real spreadsheet in the user’s language, and as CSV', async () => {
    const body = { program: 'prev_ps', period: '2024', indicators: ['reached', 'condoms_distributed'], by: ['org_unit'] };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=xlsx', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'fr' }, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Indicateur', 'Période', 'Unité', 'Réalisé', 'Cible', 'Écart', 'Taux de réalisation']);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).values as unknown[]);
    expect(rows).toContainEqual([undefined, 'Personnes atteintes', '2024', 'Unit AGA (AGA)', 2, 5, 3, 0.4]);
    expect(rows).toContainEqual([undefined, 'Préservatifs distribués', '2024', 'Total', 35]);
    const csv = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=csv', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'en' }, payload: body });
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffIndicator,Period,Unit,Achieved,Target,Gap,Achievement');
  });

  it('lists every value of a dimension in scope, 0 where nobody qualifies and no value for a rate over nobody', async () => {
    const pairs = (rows: ReportRow[], dim: string, indicator = 'reached') => rows.filter((r) => r.indicator === indicator).map((r) => [r[dim], r.value]);
    const bySex = await report({ indicators: ['reached', 'testing_rate'], by: ['sex'] });
    expect(pairs(bySex.body.rows, 'sex')).toEqual([['F', 2], ['M', 1], ['X', 0], ['*', 3]]);
    expect(pairs(bySex.body.rows, 'sex', 'testing_rate')).toEqual([['F', 1], ['M', 0], ['X', null], ['*', 0.6667]]);
    // Units: the sections in scope (EVIL, TAN have no service), not the sites, nor the root above them.
    const byUnit = await report({ indicators: ['reached'], by: ['org_unit'] });
    expect(pairs(byUnit.body.rows, 'org_unit')).toEqual([['AGA', 2], ['EVIL', 0], ['INZ', 2], ['TAN', 0], ['*', 3]]);
    // Filters narrow the list; a unit outside the reader's scope is never listed.
    const filtered = await report({ indicators: ['reached'], by: ['org_unit'], filters: { org_unit: ['TAN', 'AGA'] } });
    expect(pairs(filtered.body.rows, 'org_unit')).toEqual([['AGA', 2], ['TAN', 0], ['*', 2]]);
    const months = await report({ indicators: ['reached'], by: ['period'] });
    expect(months.body.rows.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2024']);
    // The program's services, the registry's populations, the results a test of the program can have.
    const byService = await report({ indicators: ['services_delivered'], by: ['service'] });
    expect(byService.body.rows.map((r) => r.service)).toEqual(['outreach_contact', 'condoms', 'lubricant', 'iec_session', 'hiv_test', 'syphilis_test', 'hbv_test', 'hcv_test', 'sti_consultation', 'pep_referral', 'prep', 'psychological_support', 'medical_support', '*']);
    expect(value(byService.body.rows, { service: 'prep' })).toBe(0);
    const byPopulation = await report({ indicators: ['reached'], by: ['population'] });
    expect(pairs(byPopulation.body.rows, 'population')).toEqual([['PS', 3], ['HSH', 0], ['PSM', 0], ['TRANS', 0], ['PUDI', 0], ['MIGRANT', 0], ['PVVIH', 1], ['CHILD', 0], ['OTHER', 0], ['*', 3]]);
    const crossed = await report({ indicators: ['reached'], by: ['org_unit', 'age_band'], orgUnitLevel: 'section' });
    expect(crossed.body.rows.filter((r) => r.org_unit === 'TAN').map((r) => [r.age_band, r.value])).toEqual([['<25', 0], ['>=25', 0], ['*', 0]]);
  });

  it('keeps a unit with a target and nothing achieved as a row, and takes achievement from the exact rate', async () => {
    expect((await org.admin.put('/targets', { indicator: 'tested_known_result', program: 'prev_ps', orgUnitId: tan, period: '2024', value: 2 })).status).toBe(200);
    expect((await org.admin.put('/targets', { indicator: 'testing_rate', program: 'prev_ps', orgUnitId: org.rootUnitId, period: '2024', value: 0.8 })).status).toBe(200);
    const body = { program: 'prev_ps', period: '2024', indicators: ['tested_known_result', 'testing_rate'], by: ['org_unit'], grain: 'year', orgUnitLevel: 'section' };
    const res = await org.admin.post<{ rows: ReportRow[] }>('/reports/query', body);
    expect(res.body.rows.find((r) => r.indicator === 'tested_known_result' && r.org_unit === 'TAN')).toMatchObject({ value: 0, target: 2, gap: 2, achievement: 0 });
    // 2 of 3 reached tested: 0.6667 shown, achievement (2/3) / 0.8 = 0.8333, not 0.6667 / 0.8 = 0.8334.
    expect(res.body.rows.find((r) => r.indicator === 'testing_rate' && r.org_unit === '*')).toMatchObject({ value: 0.6667, target: 0.8, gap: 0.1333, achievement: 0.8333 });
    const csv = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=csv', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'en' }, payload: body });
    expect(csv.body.split('\r\n')).toContain('Tested and knowing their result,2024,Unit TAN (TAN),0,2,2,0');
  });

  it('neutralises formulas in every text cell of a CSV, and keeps negative numbers as numbers', async () => {
    const labels = { fr: '=HYPERLINK("http://x.example","ouvrir")', ar: '=HYPERLINK("http://x.example","ouvrir")', en: '=HYPERLINK("http://x.example","open")' };
    expect((await org.admin.post('/indicators', { code: 'evil_count', labels, measure: { kind: 'count_services', filter: {} } })).status).toBe(201);
    expect((await org.admin.put('/targets', { indicator: 'evil_count', program: 'prev_ps', orgUnitId: aga, period: '2024', value: 1 })).status).toBe(200);
    const body = { program: 'prev_ps', period: '2024', indicators: ['evil_count'], by: ['org_unit'], orgUnitLevel: 'section' };
    const csv = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=csv', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'en' }, payload: body });
    const lines = csv.body.split('\r\n');
    // AGA: 9 services against a target of 1, a gap of -8 (a number, not text).
    expect(lines).toContain(`"'=HYPERLINK(""http://x.example"",""open"")",2024,Unit AGA (AGA),9,1,-8,9`);
    expect(lines).toContain(`"'=HYPERLINK(""http://x.example"",""open"")",2024,'=cmd|' /C calc'!A0 (EVIL),0,,,`);
    expect(lines.filter((l) => /(^|,)[=+@]/.test(l))).toEqual([]);
  });

  it('downloads the performance framework as on screen: title block, units × age bands, target, gap, achievement, rates as percentages', async () => {
    const body = { program: 'prev_ps', period: '2024', indicators: ['reached', 'testing_rate'], by: ['org_unit', 'age_band'], grain: 'year', orgUnitLevel: 'section', filters: {} };
    expect((await org.admin.put('/targets', { indicator: 'reached', program: 'prev_ps', orgUnitId: inz, period: '2024', value: 4 })).status).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=xlsx&layout=performance', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'fr' }, payload: body });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Cadre de performance', 'Données']);
    const sheet = workbook.worksheets[0]!;
    const text = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(sheet.getCell('A1').value).toBe('Cadre de performance — Prévention PS');
    expect(text(2)).toEqual(['Organisation', 'Organisation REP']);
    expect(text(3)).toEqual(['Programme', 'Prévention PS']);
    expect(text(4)).toEqual(['Période', '2024']);
    expect(text(5)).toEqual(['Niveau', 'Section']);
    expect(text(6)).toEqual(['Filtres', 'Aucun']);
    expect(text(7)[0]).toBe('Généré le');
    // Head: units (by name) then the total, each over <25, ≥25, total, target, gap, achievement.
    const head = 9;
    const groups = text(head).filter((v) => v !== null && v !== undefined && v !== 'Indicateur');
    expect([...new Set(groups)]).toEqual(["=cmd|' /C calc'!A0", 'Unit AGA', 'Unit INZ', 'Unit TAN', 'Total']);
    expect(text(head + 1).slice(1, 7)).toEqual(['Moins de 25 ans', '25 ans et plus', 'Total', 'Cible', 'Écart', 'Taux de réalisation']);
    const line = (label: string) => {
      for (let r = head + 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return r;
      throw new Error(label);
    };
    const reached = line('Personnes atteintes');
    const rate = line('Taux de dépistage');
    // INZ is the third group (columns 14–19): P1 (<25) and P3 (≥25), 2 of a target of 4.
    expect([14, 15, 16, 17, 18, 19].map((c) => sheet.getCell(reached, c).value)).toEqual([1, 1, 2, 4, 2, 0.5]);
    // TAN: zeros, not blanks; its testing rate over nobody has no value.
    expect([20, 21, 22].map((c) => sheet.getCell(reached, c).value)).toEqual([0, 0, 0]);
    expect(sheet.getCell(rate, 22).value).toBeNull();
    expect(sheet.getCell(rate, 28).value).toBe(0.6667);
    expect(sheet.getCell(rate, 28).numFmt).toBe('0.0%');
    expect(sheet.getCell(reached, 19).numFmt).toBe('0.0%');
    expect(sheet.getCell(reached, 16).numFmt).not.toContain('%');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: head + 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // The second sheet keeps one row per cell, rates as percentages too.
    const detail = workbook.worksheets[1]!;
    expect(detail.getRow(1).values).toEqual([undefined, 'Indicateur', 'Période', 'Unité', "Tranche d'âge", 'Réalisé', 'Cible', 'Écart', 'Taux de réalisation']);
    const rows = Array.from({ length: detail.rowCount - 1 }, (_, i) => detail.getRow(i + 2));
    const tan = rows.find((r) => r.getCell(1).value === 'Personnes atteintes' && r.getCell(3).value === 'Unit TAN (TAN)' && r.getCell(4).value === 'Total')!;
    expect(tan.getCell(5).value).toBe(0);
    const total = rows.find((r) => r.getCell(1).value === 'Taux de dépistage' && r.getCell(3).value === 'Total' && r.getCell(4).value === 'Total')!;
    expect(total.getCell(5).numFmt).toBe('0.0%');
  });

  it('downloads the pivot as on screen, zero rows included, right to left in Arabic', async () => {
    const body = { program: 'prev_ps', period: '2024', indicators: ['reached'], by: ['sex'], grain: 'month', filters: { population: ['PS'] } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/export?format=xlsx&layout=pivot', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'ar' }, payload: body });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('جدول تقاطعي');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', rightToLeft: true });
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells).toContainEqual(['عوامل التصفية', 'الفئة: عاملة الجنس']);
    const bySex = cells.slice(cells.findIndex((c) => c[0] === 'الجنس'));
    expect(bySex.slice(1, 5).map((c) => c[1])).toEqual([2, 1, 0, 3]);
  });

  it('imports targets from a file, idempotently', async () => {
    const csv = 'indicator,program,org_unit,period,value\nreached,prev_ps,INZ,2024,6\ntesting_rate,prev_ps,AGA,2024-S1,0.5\n';
    const upload = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/imports?kind=targets', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'content-type': 'text/csv' }, payload: csv }).then((r) => JSON.parse(r.body) as { created: number; unchanged: number; errors: unknown[] });
    expect(await upload()).toMatchObject({ created: 2, unchanged: 0, errors: [] });
    expect(await upload()).toMatchObject({ created: 0, unchanged: 2 });
    const res = await report({ indicators: ['reached'], by: ['org_unit'] });
    expect(res.body.rows.find((r) => r.org_unit === 'INZ')).toMatchObject({ value: 2, target: 6, gap: 4 });
  });

  it('exports the aggregates to DHIS2 through the mapping, as dataValueSets and ADX', async () => {
    const mapping = {
      dataSet: 'DSprevPS001',
      orgUnits: { AGA: 'OUagadir001', INZ: 'OUinezgan01' },
      dataElements: [
        { indicator: 'reached', program: 'prev_ps', dataElement: 'DEreachPS01', categoryOptionCombo: 'COCltTwenty', disaggregation: { age_band: '<25' } },
        { indicator: 'condoms_distributed', program: 'prev_ps', dataElement: 'DEcondoms01', disaggregation: {} },
      ],
    };
    expect((await org.admin.put('/dhis2/mapping', mapping)).status).toBe(200);
    expect((await org.admin.put<{ error: { fields: { field: string }[] } }>('/dhis2/mapping', { ...mapping, orgUnits: { AGA: 'not a uid' } })).body.error.fields[0]!.field).toBe('orgUnits.AGA');
    const res = await org.admin.post<DataValueSet>('/reports/dhis2', { program: 'prev_ps', period: '2024' });
    expect(res.status).toBe(200);
    expect(DataValueSet.safeParse(res.body).success).toBe(true);
    expect(res.body.period).toBe('2024');
    const byKey = Object.fromEntries(res.body.dataValues.map((v) => [`${v.dataElement}/${v.orgUnit}/${v.categoryOptionCombo ?? ''}`, v.value]));
    expect(byKey).toEqual({
      'DEreachPS01/OUagadir001/COCltTwenty': '1', // P1, 24 at her first service of 2024
      'DEreachPS01/OUinezgan01/COCltTwenty': '1',
      'DEcondoms01/OUagadir001/': '30',
      'DEcondoms01/OUinezgan01/': '5',
    });
    const semester = await org.admin.post<DataValueSet>('/reports/dhis2', { program: 'prev_ps', period: '2024-S1' });
    expect(semester.body.period).toBe('2024S1');
    const adx = await t.app.inject({ method: 'POST', url: '/api/v1/reports/dhis2?format=adx', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf! }, payload: { program: 'prev_ps', period: '2024' } });
    expect(adx.headers['content-type']).toContain('adx+xml');
    expect(adx.body).toContain('<group orgUnit="OUagadir001" period="2024-01-01/P1Y" dataSet="DSprevPS001">');
    expect(adx.body).toContain('<dataValue dataElement="DEcondoms01" value="30"/>');
  });

  it('hides small cells when asked', async () => {
    const res = await report({ indicators: ['reached'], by: ['population'], suppressBelow: 2 });
    expect(res.body.rows.find((r) => r.population === 'PVVIH')).toMatchObject({ value: null, suppressed: true });
    expect(value(res.body.rows, { population: 'PS' })).toBe(3);
  });

  it('gives a rate no value when there is nothing to divide', async () => {
    const res = await org.admin.post<{ rows: ReportRow[] }>('/reports/query', { program: 'prev_hsh', period: '2024', indicators: ['testing_rate', 'reached'] });
    expect(res.body.rows.map((r) => [r.indicator, r.value])).toEqual([['testing_rate', null], ['reached', 0]]);
  });

  it('rejects an unknown period or indicator with the field named', async () => {
    const bad = await report({ period: '2024-H1', indicators: ['reached'] });
    expect(bad.status).toBe(400);
    const unknown = await report({ indicators: ['happiness'] });
    expect((unknown.body as unknown as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('indicators.0');
  });

  it('gives the same report after the database is closed and opened again', async () => {
    const q = { program: 'prev_ps' as const, period: '2024', indicators: ['reached', 'condoms_distributed', 'testing_rate'], by: ['org_unit' as const, 'age_band' as const], grain: 'month' as const, filters: {} };
    const before = await createReportEngine(t.db.kysely).run(org.organisationId, 'organisation', q);
    expect(before.length).toBeGreaterThan(6);
    // The same data in a database of its own, closed and opened again (a restart of the process's database).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-report-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    await backupTo(t.db.kysely, file);
    const target = engine === 'embedded' ? null : await createTestDatabase();
    const open = () => (target ? openDatabase({ engine: 'postgres', url: target.url! }) : openDatabase({ engine: 'embedded', dataDir: path.join(dir, 'data') }));
    const first = await open();
    await restoreFrom(first.kysely, file);
    await first.close();
    if (target) await target.db.close();
    const reopened = await open();
    try {
      expect(await createReportEngine(reopened.kysely).run(org.organisationId, 'organisation', q)).toEqual(before);
    } finally {
      await reopened.close();
      if (target) await target.drop().catch(() => undefined);
    }
  });
  it('counts services imported without a worker, under a worker value of their own', async () => {
    // 2022: a year of its own, so the hand-built answers above stay as they are.
    await org.admin.post('/beneficiaries', { code: 'FFFF1995F', orgUnitId: aga, registeredOn: '2022-01-01', populations: ['PS'], sex: 'F', birthYear: 1995 });
    const file = ['code,date,section,program,service,quantity,modality,worker', 'FFFF1995F,2022-03-01,AGA,prev_ps,outreach_contact,,in_person,', 'FFFF1995F,2022-03-01,AGA,prev_ps,condoms,4,,', 'AAAA2000F,2022-04-01,AGA,prev_ps,outreach_contact,,phone,admin'].join('\n');
    const imported = await t.app.inject({ method: 'POST', url: '/api/v1/imports?kind=services', headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'content-type': 'text/csv' }, payload: file });
    expect(JSON.parse(imported.body)).toMatchObject({ created: 3, applied: true, errors: [] });
    const byWorker = await report({ period: '2022', indicators: ['services_delivered', 'reached', 'condoms_distributed'], by: ['worker'] });
    expect(value(byWorker.body.rows, { indicator: 'services_delivered', worker: '' })).toBe(2); // from the monthly roll-up
    expect(value(byWorker.body.rows, { indicator: 'services_delivered', worker: 'admin' })).toBe(1);
    expect(value(byWorker.body.rows, { indicator: 'services_delivered', worker: '*' })).toBe(3);
    expect(value(byWorker.body.rows, { indicator: 'reached', worker: '' })).toBe(1); // from the services themselves
    expect(value(byWorker.body.rows, { indicator: 'reached', worker: '*' })).toBe(2);
    expect(value(byWorker.body.rows, { indicator: 'condoms_distributed', worker: '' })).toBe(4);
    const csv = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/export?format=csv',
      headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'accept-language': 'fr' },
      payload: { program: 'prev_ps', period: '2022', indicators: ['services_delivered'], by: ['worker'] },
    });
    expect(csv.body).toContain('Prestations délivrées,2022,Intervenant non renseigné,2');
  });
});
