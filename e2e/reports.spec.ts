import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, enterAsAdmin, ensurePerson, ensureUnit, fr, goTo } from './fixtures.ts';

// A section and synthetic persons (no real data) that no other spec uses: this spec's counts are
// its own, whatever the other specs write in the shared data directory.
const section = { code: 'RAPP', name: 'Section Rapports' };
// A section with nobody served: zero cells are rows (screens and files).
const empty = { code: 'RAPV', name: 'Section Vide' };
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const year = now.getFullYear();
const today = `${year}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
// Ages at today's services: 30 and 40 (≥ 25), 20 (< 25).
const persons = [
  { code: `RPKA${year - 30}F`, birthYear: year - 30, tested: true },
  { code: `RPMO${year - 20}F`, birthYear: year - 20, tested: false },
  { code: `RPSA${year - 40}F`, birthYear: year - 40, tested: false },
] as const;

/** The words of a number of a report, as its drill-down button names it. */
function drillName(value: string, ...cell: string[]) {
  return interpolate(fr['drill.openOf'], { value, cell: cell.join(fr['reports.separator']) });
}

test.describe.configure({ mode: 'serial' });

test('reports: the performance framework of a section, a target set in place, the pivot by section, its XLSX download', async ({ page }) => {
  await test.step('the administrator creates a section, three persons and their contacts of today (prevention PS)', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    const sectionId = await ensureUnit(api, { code: section.code, name: section.name, level: 'section' });
    await ensureUnit(api, { code: empty.code, name: empty.name, level: 'section' });
    for (const p of persons) {
      const { id, created } = await ensurePerson(api, { code: p.code, orgUnitId: sectionId, registeredOn: today, birthYear: p.birthYear });
      if (!created) continue; // already there (and served) from an earlier attempt
      await api.post('/contacts', {
        beneficiaryId: id,
        date: today,
        orgUnitId: sectionId,
        program: 'prev_ps',
        services: [
          { service: 'outreach_contact', modality: 'in_person' },
          { service: 'condoms', quantity: 10 },
          ...(p.tested ? [{ service: 'hiv_test', result: 'negative', strategy: 'fixed' }] : []),
        ],
      });
    }
    await page.reload(); // the unit lists know the new section
  });

  await test.step('the home page offers the reports; the performance framework of "Prévention PS" opens on this year', async () => {
    await expect(page.getByRole('region', { name: fr['nav.reports'] }).getByRole('link', { name: fr['shell.performance'], exact: true })).toBeVisible();
    await goTo(page, 'nav.reports', 'shell.performance');
    await expect(page.getByRole('heading', { level: 1, name: fr['performance.title'] })).toBeVisible();
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption('prev_ps');
    await expect(page.getByLabel(fr['reports.year'], { exact: true })).toHaveValue(String(year));
    await expect(page.getByLabel(fr['reports.level'], { exact: true })).toHaveValue('section');
  });

  await test.step('the section reached 3 persons, 30 condoms, 1 tested; the total column counts them too', async () => {
    await expect(page.getByRole('button', { name: drillName('3', fr['indicator.reached'], section.name, String(year)), exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: drillName('30', fr['indicator.condoms_distributed'], section.name, String(year)), exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: drillName('1', fr['indicator.tested_known_result'], section.name, String(year)), exact: true })).toBeVisible();
    const table = page.getByRole('table', { name: interpolate(fr['performance.caption'], { program: fr['program.prev_ps'], period: String(year), level: fr['org_unit_level.section'] }) });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: empty.name, exact: true })).toBeVisible();
  });

  await test.step('the performance framework downloads as on screen: title block, units × age bands, percentages, then every row', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: fr['reports.download.xlsx'], exact: true }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await downloading).path());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Cadre de performance', 'Données']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`Cadre de performance — ${fr['program.prev_ps']}`);
    const view = sheet.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    const head = sheet.getRow(view.ySplit! - 1).values as unknown[];
    const reached = (() => {
      for (let r = view.ySplit! + 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === fr['indicator.reached']) return sheet.getRow(r);
      throw new Error('no reached row');
    })();
    // The empty section's group: 0 under 25, 0 from 25, 0 in all.
    const emptyAt = head.indexOf(empty.name);
    expect(emptyAt).toBeGreaterThan(1);
    expect([0, 1, 2].map((i) => reached.getCell(emptyAt + i).value)).toEqual([0, 0, 0]);
    const sectionAt = head.indexOf(section.name);
    expect([0, 1, 2].map((i) => reached.getCell(sectionAt + i).value)).toEqual([1, 2, 3]);
    // Achievement of the section (a target may be set by an earlier run): a percentage format.
    expect(reached.getCell(sectionAt + 5).numFmt).toBe('0.0%');
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });

  await test.step('a number opens the services behind it: the section’s three outreach contacts', async () => {
    await page.getByRole('button', { name: drillName('3', fr['indicator.reached'], section.name, String(year)), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: fr['drill.title'] });
    await expect(dialog.getByText(interpolate(fr['drill.summary'], { services: 3, persons: 3 }))).toBeVisible();
    for (const p of persons) await expect(dialog.getByRole('link', { name: p.code })).toBeVisible();
    await dialog.getByRole('button', { name: fr['drill.close'], exact: true }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step('she sets the section’s target of persons reached to 6: gap 3, achievement 50 %', async () => {
    const what = { indicator: fr['indicator.reached'], unit: section.name };
    const set = page.getByRole('button', { name: interpolate(fr['performance.setTargetOf'], what), exact: true });
    const edit = page.getByRole('button', { name: interpolate(fr['performance.editTargetOf'], what), exact: true });
    await (await set.isVisible() ? set : edit).click();
    await page.getByLabel(interpolate(fr['performance.targetOf'], what), { exact: true }).fill('6');
    await page.getByRole('button', { name: fr['common.save'], exact: true }).click();
    await expect(page.getByText(interpolate(fr['performance.targetSaved'], { ...what, value: '6' }))).toBeVisible();
    await expect(edit).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: fr['indicator.reached'], exact: true }) });
    // Formatted as the screen does (French of Morocco: a narrow space before %).
    await expect(row).toContainText(new Intl.NumberFormat('fr-MA', { style: 'percent', maximumFractionDigits: 1 }).format(0.5));
  });

  await test.step('the pivot by section (the default rows) shows the section’s 3 persons reached', async () => {
    await goTo(page, 'nav.reports', 'shell.pivot');
    await expect(page.getByRole('heading', { level: 1, name: fr['pivot.title'] })).toBeVisible();
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption('prev_ps');
    await expect(page.getByLabel(fr['pivot.rows'], { exact: true })).toHaveValue('org_unit');
    await page.getByRole('button', { name: fr['pivot.run'], exact: true }).click();
    const caption = `${interpolate(fr['pivot.captionOne'], { indicator: fr['indicator.reached'], rows: fr['report.dimension.org_unit'] })} — ${year}`;
    const table = page.getByRole('table', { name: caption });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: section.name, exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText('3');
    // A section where nobody was reached is a row at 0.
    const zero = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: empty.name, exact: true }) });
    await expect(zero.getByRole('cell').first()).toHaveText('0');
    // The bar chart draws it and says it in words.
    const chart = page.getByRole('figure', { name: interpolate(fr['pivot.barTitle'], { indicator: fr['indicator.reached'], dimension: fr['report.dimension.org_unit'] }) });
    await expect(chart).toBeVisible();
  });

  await test.step('the XLSX download holds the pivot as on screen, then the same number as a row, as a number', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: fr['reports.download.xlsx'], exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tableau croisé', 'Données']);
    const pivot: unknown[][] = [];
    // Each row: the unit, its value (then its target, gap, achievement).
    workbook.worksheets[0]!.eachRow((row) => pivot.push((row.values as unknown[]).slice(1, 3)));
    expect(pivot).toContainEqual([section.name, 3]);
    expect(pivot).toContainEqual([empty.name, 0]);
    const sheet = workbook.worksheets[1];
    expect(sheet).toBeDefined();
    const heads = (sheet?.getRow(1).values ?? []) as unknown[];
    const unitColumn = heads.indexOf(fr['report.dimension.org_unit']);
    const valueColumn = heads.indexOf(fr['report.value']);
    expect(unitColumn).toBeGreaterThan(0);
    expect(valueColumn).toBeGreaterThan(0);
    const values: unknown[] = [];
    sheet?.eachRow((row) => {
      // Units appear as “Name (CODE)”.
      if (String(row.getCell(unitColumn).value).endsWith(`(${section.code})`)) values.push(row.getCell(valueColumn).value);
    });
    expect(values).toEqual([3]);
  });

  await test.step('she places the section on the map (units page); the pivot’s map shows it with its 3 persons', async () => {
    await goTo(page, 'nav.admin', 'shell.orgUnits');
    await expect(page.getByRole('heading', { level: 1, name: fr['orgUnits.title'] })).toBeVisible();
    await page.getByRole('button', { name: new RegExp(`^${section.name}`) }).click();
    await page.getByLabel(fr['field.latitude'], { exact: true }).fill('30,42');
    await page.getByLabel(fr['field.longitude'], { exact: true }).fill('');
    await page.getByRole('button', { name: fr['common.save'], exact: true }).click();
    // Half a location is named, not saved.
    await expect(page.getByLabel(fr['field.longitude'], { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(fr['field.longitude'], { exact: true }).fill('-9.60');
    await page.getByRole('button', { name: fr['common.save'], exact: true }).click();
    await expect(page.getByLabel(fr['field.longitude'], { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await page.reload();
    await page.getByRole('button', { name: new RegExp(`^${section.name}`) }).click();
    await expect(page.getByLabel(fr['field.latitude'], { exact: true })).toHaveValue('30.42');

    await goTo(page, 'nav.reports', 'shell.pivot');
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption('prev_ps');
    await page.getByRole('button', { name: fr['pivot.run'], exact: true }).click();
    await page.getByRole('radio', { name: fr['pivot.chart.map'], exact: true }).check();
    const map = page.getByRole('figure', { name: interpolate(fr['pivot.mapTitle'], { indicator: fr['indicator.reached'], dimension: fr['report.dimension.org_unit'] }) });
    await expect(map).toBeVisible();
    await expect(map.locator('svg text').filter({ hasText: `${section.name} · 3` })).toBeVisible();
  });
});
