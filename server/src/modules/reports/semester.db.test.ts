import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Case, type Locale, type SemesterReport } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary, type ServiceInput } from '../../../test/factories.ts';

/**
 * The semester report on a hand-built first half of 2024 at two clinics (the answers are below):
 * A, raped the day before reception at MRK, referred for PEP there, heard by the psychologist,
 * then helped by the lawyer at AGA (one survivor, two clinics); B, at AGA, denied resources:
 * tested, STI consultation, social help, and a legal service in July (outside the semester);
 * C, whose case was opened in November 2023, seen by the psychologist and referred to a
 * psychiatrist in January; D, beaten eleven days before reception at MRK (a PEP referral past
 * 72 h), in vocational training, then lost to follow-up; E and B in awareness sessions; the
 * round of the semester chose A's story (donor consent) and C's (internal learning only).
 */
describe(`semester report (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let mrk: string;
  let aga: string;
  let social: Client;

  const openCase = async (beneficiaryId: string, orgUnitId: string, openedAt: string, incident: { at: string; violenceType: string }) => {
    const res = await social.post<Case>('/cases', { beneficiaryId, program: 'gbv', orgUnitId, openedAt, entryDoor: 'word_of_mouth', incident });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const serve = (beneficiaryId: string, orgUnitId: string, date: string, caseId: string | undefined, ...services: ServiceInput[]) =>
    recordContact(social, { beneficiaryId, orgUnitId, date, program: 'gbv', ...(caseId ? { caseId } : {}), services });
  const person = async (orgUnitId: string) => (await registerBeneficiary(social, { orgUnitId, registeredOn: '2023-10-01' })).id;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CHAMS');
    mrk = await createUnit(org.admin, org.rootUnitId, 'MRK', 'clinic');
    aga = await createUnit(org.admin, org.rootUnitId, 'AGA', 'clinic');
    ({ client: social } = await createUserClient(t, org.admin, 'CHAMS', 'as.chams', 'social_worker', org.rootUnitId));

    const a = await person(mrk);
    const caseA = await openCase(a, mrk, '2024-02-10T10:00', { at: '2024-02-09T08:00', violenceType: 'rape' });
    await serve(a, mrk, '2024-02-10', caseA, { service: 'pep_referral' });
    await serve(a, mrk, '2024-03-01', caseA, { service: 'psychological_support' });
    await serve(a, aga, '2024-04-01', caseA, { service: 'legal_admin_support', kind: 'accompaniment' });

    const b = await person(aga);
    const caseB = await openCase(b, aga, '2024-03-05T09:00', { at: '2024-02-20', violenceType: 'denial_of_resources' });
    await serve(b, aga, '2024-03-05', caseB, { service: 'hiv_test', result: 'negative', strategy: 'fixed' }, { service: 'sti_consultation', treated: true }, { service: 'socioeconomic_support', kind: 'food_basket' });
    await serve(b, aga, '2024-07-02', caseB, { service: 'legal_admin_support', kind: 'accompaniment' });
    await serve(b, aga, '2024-03-20', undefined, { service: 'iec_session' });

    const c = await person(mrk);
    const caseC = await openCase(c, mrk, '2023-11-10T11:00', { at: '2023-11-01', violenceType: 'psychological_abuse' });
    await serve(c, mrk, '2024-01-15', caseC, { service: 'psychological_support' }, { service: 'psychiatric_referral' });

    const d = await person(mrk);
    const caseD = await openCase(d, mrk, '2024-05-01T15:00', { at: '2024-04-20T22:00', violenceType: 'physical_assault' });
    await serve(d, mrk, '2024-05-01', caseD, { service: 'pep_referral' });
    await serve(d, mrk, '2024-06-01', caseD, { service: 'vocational_training' });
    expect((await social.post(`/cases/${caseD}/close`, { closedOn: '2024-06-20', reason: 'lost_to_follow_up' })).status).toBe(200);

    const e = await person(mrk);
    await serve(e, mrk, '2024-02-01', undefined, { service: 'iec_session' });

    // A's story, chosen in the semester's round with her consent to the donor report; C's, chosen too, without it.
    const nextYear = `${new Date().getFullYear() + 1}-12-31`;
    const story = async (beneficiaryId: string, caseId: string, orgUnitId: string, domain: string, consentScopes: string[], anonymisedText: string) => {
      const res = await social.post<{ id: string }>('/stories', { beneficiaryId, caseId, program: 'gbv', orgUnitId, collectedOn: '2024-06-10', domain, story: 'Récit complet, scellé.', consentScopes, consentExpiresOn: nextYear, anonymisedText });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const chosen = [
      await story(a, caseA, mrk, 'access_to_rights', ['internal_learning', 'donor_report'], 'Une femme accompagnée a obtenu une carte d’identité et l’acte de naissance de son enfant.'),
      await story(c, caseC, mrk, 'self_esteem', ['internal_learning'], 'Texte réservé à l’apprentissage interne.'),
    ];
    const round = await social.post<{ id: string }>('/change-rounds', { heldOn: '2024-07-05', orgUnitId: org.rootUnitId, panel: 'Comité du projet', period: '2024-S1', storyIds: chosen });
    expect(round.status).toBe(201);
    const selection = await social.put(`/change-rounds/${round.body.id}/selection`, { choices: chosen.map((storyId) => ({ storyId, reasons: 'Changement profond.' })) });
    expect(selection.status).toBe(200);
  });
  afterAll(() => t.close());

  const expected: Record<string, number> = {
    sensitised: 2,
    survivors_cared: 4,
    biomedical_served: 3,
    tested_any: 1,
    sti_treated: 1,
    medical_other_served: 0,
    pep_within_72h: 1,
    psychological_served: 2,
    psychiatric_referred: 1,
    social_served: 1,
    legal_served: 1,
    in_vocational_training: 1,
    placed_in_job: 0,
    cases_opened: 3,
    cases_open_at_start: 1,
    cases_retained: 1,
    retention_rate: 1,
    lost_to_follow_up: 1,
  };

  it('gives every figure of the semester, care by clinic and the typology with shares of the cases opened', async () => {
    const res = await org.admin.get<SemesterReport>('/reports/semester?program=gbv&period=2024-S1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organisation: 'Organisation CHAMS', program: 'gbv', period: '2024-S1', from: '2024-01-01', to: '2024-06-30', unit: null });
    expect(res.body.figures).toEqual(expected);
    expect(res.body.clinics).toEqual([
      { code: 'MRK', name: 'Unit MRK', value: 3 },
      { code: 'AGA', name: 'Unit AGA', value: 2 },
    ]);
    const { typology } = res.body;
    expect(typology.total).toBe(3);
    expect(typology.families.map((f) => [f.family, f.count])).toEqual([
      ['physical_sexual', 2],
      ['psychological', 0],
      ['economic', 1],
      ['trafficking', 0],
    ]);
    expect(typology.families[0]!.share).toBeCloseTo(2 / 3);
    expect(typology.families[0]!.types.map((x) => x.type).sort()).toEqual(['physical_assault', 'rape']);
    expect(typology.families[2]!.types).toEqual([{ type: 'denial_of_resources', count: 1, share: 1 / 3 }]);
    // Only the story whose teller consented to the donor report, and only its anonymised text.
    expect(res.body.stories.map((x) => [x.domain, x.anonymisedText])).toEqual([['access_to_rights', 'Une femme accompagnée a obtenu une carte d’identité et l’acte de naissance de son enfant.']]);
  });

  it('on one clinic: its survivors (the one served in two clinics counted there too) and its cases', async () => {
    const res = await org.admin.get<SemesterReport>(`/reports/semester?program=gbv&period=2024-S1&orgUnitId=${aga}`);
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ id: aga, code: 'AGA' });
    expect(res.body.figures).toMatchObject({ survivors_cared: 2, legal_served: 1, social_served: 1, psychological_served: 0, cases_opened: 1, sensitised: 1 });
    // No case of AGA was open on 1 January: no retention rate (not 0 %).
    expect(res.body.figures).toMatchObject({ cases_open_at_start: 0, retention_rate: null });
    expect(res.body.clinics).toEqual([{ code: 'AGA', name: 'Unit AGA', value: 2 }]);
    expect(res.body.typology.families.find((f) => f.family === 'economic')).toMatchObject({ count: 1, share: 1 });
  });

  it('refuses a period that is no semester, naming the field', async () => {
    const res = await org.admin.get<{ error: { fields?: Array<{ field: string }> } }>('/reports/semester?program=gbv&period=2024-Q1');
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.field).toBe('period');
  });

  /** Column A's words → columns B and C, as the sheet shows them. */
  async function sheetOf(locale: Locale, query = ''): Promise<{ sheet: ExcelJS.Worksheet; line: (label: string) => [unknown, unknown]; numFmt: (label: string, col: number) => string }> {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/semester.xlsx?program=gbv&period=2024-S1${query}`, headers: { cookie: org.admin.cookie!, 'accept-language': locale } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('relais-semester-gbv-2024-S1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (!found && row.getCell(1).value === label) found = row;
      });
      expect(found, label).toBeDefined();
      return found!;
    };
    return {
      sheet,
      line: (label) => [rowOf(label).getCell(2).value, rowOf(label).getCell(3).value],
      numFmt: (label, col) => rowOf(label).getCell(col).numFmt,
    };
  }

  it('the XLSX lays the report out as the screen: title block, each figure as a number, clinics, typology shares as 0.0 %', async () => {
    const fr = (key: string) => translate('fr', key as Parameters<typeof translate>[1]);
    const { sheet, line, numFmt } = await sheetOf('fr');
    expect(sheet.getCell('A1').value).toBe(`${fr('semester.title')} — ${fr('program.gbv')}`);
    expect(line(fr('report.period'))[0]).toBe('S1 2024 (du 1 janvier 2024 au 30 juin 2024)');
    expect(line(fr('semester.unit'))[0]).toBe(fr('semester.unit.all'));
    expect(line(fr('report.file.organisation'))[0]).toBe('Organisation CHAMS');
    for (const section of ['awareness', 'care', 'biomedical', 'psychological', 'social', 'legal', 'autonomy', 'follow_up', 'typology', 'stories']) {
      expect(line(fr(`semester.section.${section}`))[0], section).toBeNull();
    }
    for (const [code, value] of Object.entries(expected)) expect(line(fr(`indicator.${code}`))[0], code).toBe(value);
    expect(numFmt(fr('indicator.retention_rate'), 2)).toBe('0.0%');
    expect(line('Unit MRK')[0]).toBe(3);
    expect(line('Unit AGA')[0]).toBe(2);
    expect(line(fr('violence_family.physical_sexual'))).toEqual([2, 2 / 3]);
    expect(numFmt(fr('violence_family.physical_sexual'), 3)).toBe('0.0%');
    expect(line(fr('violence_type.rape'))).toEqual([1, 1 / 3]);
    expect(line(fr('violence_family.economic'))).toEqual([1, 1 / 3]);
    expect(line(fr('violence_family.psychological'))).toEqual([0, 0]);
    expect(line(fr('semester.typology.total'))).toEqual([3, 1]);
    expect(line(fr('change_domain.access_to_rights'))[0]).toBeNull();
    expect(line('Une femme accompagnée a obtenu une carte d’identité et l’acte de naissance de son enfant.')).toBeDefined();
  });

  it('in Arabic: the words of the caller, right to left, the same numbers', async () => {
    const ar = (key: string) => translate('ar', key as Parameters<typeof translate>[1]);
    const { sheet, line } = await sheetOf('ar', `&orgUnitId=${aga}`);
    expect((sheet.views[0] as { rightToLeft?: boolean }).rightToLeft).toBe(true);
    expect(sheet.getCell('A1').value).toBe(`${ar('semester.title')} — ${ar('program.gbv')}`);
    expect(line(ar('semester.unit'))[0]).toBe('Unit AGA');
    expect(line(ar('indicator.survivors_cared'))[0]).toBe(2);
    expect(line(ar('violence_family.economic'))).toEqual([1, 1]);
    expect(line(ar('indicator.retention_rate'))[0]).toBe('—');
    // No story was chosen at AGA's cases: the sheet says so.
    expect(line(ar('semester.stories.none'))[0]).toBeNull();
  });
});
