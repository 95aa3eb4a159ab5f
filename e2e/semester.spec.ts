import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { semesterOf, wallClockNow } from '@relais/core';
import { apiOf, enterAsAdmin, ensurePerson, ensureUnit, ensureUser, fr, goTo, isoToday, logInAs } from './fixtures.ts';

// A clinic and a synthetic survivor (no real data) that no other spec uses: the report of this
// clinic is this spec's own, whatever the other specs write in the shared data directory.
const clinic = { code: 'SEMC', name: 'CSSR Semestre', level: 'clinic' };
const worker = { username: 'as.semestre', displayName: 'Salma Sociale', password: 'un mot de passe solide' };
const year = new Date().getFullYear();
const survivor = { code: `SMKA${year - 30}F`, birthYear: year - 30 };

/** The organisation's wall clock (Africa/Casablanca), shifted by minutes (`YYYY-MM-DDTHH:MM`). */
function wallShift(minutes: number): string {
  const now = wallClockNow('Africa/Casablanca');
  return new Date(Date.parse(`${now}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** A page of the social worker's own session (she opens cases; the administrator reads no case). */
const asWorker = (browser: Browser) => logInAs(browser, worker);

/** The number on the line of an indicator in a section of the report. */
function figure(page: Page, section: string, indicator: string) {
  return page
    .getByRole('region', { name: fr[`semester.section.${section}` as keyof typeof fr] })
    // The row's name is its words then its number: "Dossiers ouverts" is not "Dossiers ouverts en début de période".
    .getByRole('row', { name: new RegExp(`^${fr[`indicator.${indicator}` as keyof typeof fr].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\S+$`) })
    .getByRole('cell');
}

test('semester report: a case with an incident and its services show in the psychological and legal lines and the typology; printable; XLSX', async ({ page, browser }) => {
  let clinicId = '';
  await test.step('the administrator makes the clinic and its social worker', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    clinicId = await ensureUnit(api, clinic);
    await ensureUser(api, worker, [{ role: 'social_worker', orgUnitId: clinicId, programs: null }]);
  });

  await test.step('the social worker opens a case with an incident 30 h ago and records psychological and legal support in it', async () => {
    const own = await asWorker(browser);
    const api = await apiOf(own);
    const { id, created } = await ensurePerson(api, { ...survivor, orgUnitId: clinicId });
    if (created) {
      const opened = await api.post<{ id: string }>('/cases', {
        beneficiaryId: id,
        program: 'gbv',
        orgUnitId: clinicId,
        openedAt: wallShift(-5),
        entryDoor: 'word_of_mouth',
        incident: { at: wallShift(-30 * 60), perpetrator: 'client', violenceType: 'sexual_assault', reportingConsent: true },
      });
      await api.post('/contacts', {
        beneficiaryId: id,
        orgUnitId: clinicId,
        date: isoToday(),
        program: 'gbv',
        caseId: opened.id,
        services: [{ service: 'psychological_support' }, { service: 'legal_admin_support', kind: 'accompaniment' }],
      });
    }
    await own.context().close();
  });

  await test.step('the semester report of the current semester, on the clinic, counts her in the psychological and legal lines', async () => {
    await page.reload(); // the unit lists know the new clinic
    await goTo(page, 'nav.reports', 'shell.semester');
    await expect(page.getByRole('heading', { level: 1, name: fr['shell.semester'] })).toBeVisible();
    await expect(page.getByLabel(fr['field.program'], { exact: true })).toHaveValue('gbv');
    await page.getByLabel(fr['semester.choosePeriod'], { exact: true }).selectOption(semesterOf(isoToday()));
    await page.getByLabel(fr['semester.chooseUnit'], { exact: true }).selectOption({ label: clinic.name });
    await expect(page.getByText(`${fr['semester.unit']} : ${clinic.name}`)).toBeVisible();
    await expect(figure(page, 'psychological', 'psychological_served')).toHaveText('1');
    await expect(figure(page, 'legal', 'legal_served')).toHaveText('1');
    await expect(figure(page, 'care', 'survivors_cared')).toHaveText('1');
    await expect(figure(page, 'biomedical', 'pep_within_72h')).toHaveText('0');
    await expect(figure(page, 'follow_up', 'cases_opened')).toHaveText('1');
    await expect(figure(page, 'follow_up', 'cases_open_at_start')).toHaveText('0');
    // No case of the clinic was open when the semester began: no retention rate, not 0 %.
    await expect(figure(page, 'follow_up', 'retention_rate')).toHaveText('—');
    const care = page.getByRole('table', { name: fr['semester.care.byClinic'] });
    await expect(care.getByRole('row', { name: clinic.name }).getByRole('cell')).toHaveText('1');
  });

  await test.step('the typology counts the case: sexual assault, physical and sexual violence, 100 % of the cases opened', async () => {
    const typology = page.getByRole('table', { name: fr['semester.section.typology'] });
    await expect(typology.getByRole('row', { name: fr['violence_family.physical_sexual'] }).getByRole('cell')).toHaveText(['1', /100\s?%/]);
    await expect(typology.getByRole('row', { name: fr['violence_type.sexual_assault'] }).getByRole('cell')).toHaveText(['1', /100\s?%/]);
    await expect(typology.getByRole('row', { name: fr['violence_family.economic'] }).getByRole('cell')).toHaveText(['0', /0\s?%/]);
    await expect(typology.getByRole('row', { name: fr['semester.typology.total'] }).getByRole('cell')).toHaveText(['1', /100\s?%/]);
  });

  await test.step('printed, the report stands alone: no navigation, no buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: fr['app.mainNav'] })).toBeHidden();
    await expect(page.getByRole('button', { name: fr['reports.print'] })).toBeHidden();
    await expect(figure(page, 'legal', 'legal_served')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('the XLSX download answers 200 and holds the same figures', async () => {
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/reports/semester.xlsx'));
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: fr['reports.download.xlsx'], exact: true }).click();
    expect((await answered).status()).toBe(200);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`relais-semester-gbv-${semesterOf(isoToday())}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    const valueOf = (label: string) => {
      let value: unknown;
      sheet.eachRow((row) => {
        if (value === undefined && row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(valueOf(fr['indicator.psychological_served'])).toBe(1);
    expect(valueOf(fr['indicator.legal_served'])).toBe(1);
    expect(valueOf(clinic.name)).toBe(1);
  });
});
