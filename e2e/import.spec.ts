import { expect, test, type Locator, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { ar, enterAsAdmin, fr, goTo, org, shots } from './fixtures.ts';

// Synthetic persons (no real data), codes no other spec uses. They are registered in the root
// unit, whose code is the organisation's.
const codes = ['ZIZI1977F', 'YOKU1968M'] as const;
const fileName = 'beneficiaires.csv';
const header = 'code,populations,sex,birth_year,section,registered_on';
const rowOf = (code: string, population: string, sex: string, year: number) => `${code},${population},${sex},${year},${org.code},2024-03-01`;
const withWrongSex = [header, rowOf(codes[0], 'PS', 'F', 1977), rowOf(codes[1], 'HSH', 'Q', 1968)].join('\n');
const corrected = [header, rowOf(codes[0], 'PS', 'F', 1977), rowOf(codes[1], 'HSH', 'M', 1968)].join('\n');

function fileInput(page: Page) {
  return page.getByLabel(fr['imports.file'], { exact: true });
}

async function chooseFile(page: Page, content: string) {
  await fileInput(page).setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

function checkButton(page: Page) {
  return page.getByRole('button', { name: fr['imports.check'], exact: true });
}

function importButton(page: Page) {
  return page.getByRole('button', { name: fr['imports.import'], exact: true });
}

function preview(page: Page) {
  return page.getByRole('region', { name: interpolate(fr['imports.previewTitle'], { file: fileName }) });
}

/** The number shown for a label of the report (a term and its definition). */
function fact(report: Locator, label: string) {
  return report.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test.describe.configure({ mode: 'serial' });

test('import: a beneficiaries file is checked (nothing written while a row is wrong), corrected, then imported whole', async ({ page }) => {
  await test.step('the administrator opens the import screen from the navigation', async () => {
    await enterAsAdmin(page);
    await expect(page.getByRole('region', { name: fr['nav.admin'] }).getByRole('link', { name: fr['shell.imports'], exact: true })).toBeVisible();
    await goTo(page, 'nav.admin', 'shell.imports');
    await expect(page.getByRole('heading', { level: 1, name: fr['imports.title'] })).toBeVisible();
    await page.getByLabel(fr['imports.kind.beneficiaries'], { exact: true }).check();
  });

  await test.step('a file without the required columns is refused with the translated reason', async () => {
    await chooseFile(page, 'code,populations\nZIZI1977F,PS\n');
    await checkButton(page).click();
    await expect(page.getByRole('alert')).toHaveText(interpolate(fr['error.file_missing_columns'], { columns: 'sex, section, registered_on' }));
    await expect(preview(page)).toHaveCount(0);
  });

  await test.step('a file with a wrong sex on its second row: the preview names line 3, column sex, and says nothing was written', async () => {
    await chooseFile(page, withWrongSex);
    await checkButton(page).click();
    const report = preview(page);
    await expect(report).toBeVisible();
    await expect(report.getByRole('alert')).toHaveText(interpolate(fr['imports.notWritten'], { count: 1 }));
    await expect(fact(report, fr['imports.rows'])).toHaveText('2');
    await expect(fact(report, fr['imports.errors'])).toHaveText('1');
    const row = report.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('sex');
    await expect(row.getByRole('cell').nth(2)).toContainText(interpolate(fr['import.error_line'], { line: 3, column: 'sex', message: '' }).trim());
    await expect(importButton(page)).toHaveCount(0);
  });

  await test.step('the corrected file: two to create, then "Importer" writes both', async () => {
    await chooseFile(page, corrected);
    await expect(preview(page)).toHaveCount(0); // a new file clears the old preview
    await checkButton(page).click();
    const report = preview(page);
    await expect(report.getByText(fr['imports.ready'])).toBeVisible();
    await expect(fact(report, fr['imports.toCreate'])).toHaveText('2');
    await expect(fact(report, fr['imports.unchanged'])).toHaveText('0');
    await expect(fact(report, fr['imports.errors'])).toHaveText('0');
    await importButton(page).click();
    const result = page.getByRole('region', { name: interpolate(fr['imports.resultTitle'], { file: fileName }) });
    await expect(result.getByText(interpolate(fr['imports.done'], { created: 2, unchanged: 0 }))).toBeVisible();
    await expect(fact(result, fr['imports.created'])).toHaveText('2');
    await expect(importButton(page)).toHaveCount(0);
  });

  await test.step('checking the same file again finds both already there', async () => {
    await checkButton(page).click();
    const report = preview(page);
    await expect(fact(report, fr['imports.toCreate'])).toHaveText('0');
    await expect(fact(report, fr['imports.unchanged'])).toHaveText('2');
  });

  await test.step('the registry finds the imported persons', async () => {
    const response = await page.request.get(`/api/v1/beneficiaries?code=${codes[1]}&match=exact`);
    expect(response.ok()).toBe(true);
    const found = (await response.json()) as { items: { code: string; sex: string }[] };
    expect(found.items.map((b) => [b.code, b.sex])).toEqual([[codes[1], 'M']]);

    await goTo(page, 'nav.followUp', 'shell.beneficiaries');
    await expect(page.getByRole('heading', { level: 1, name: fr['search.title'] })).toBeVisible();
    await page.getByRole('search').getByLabel(fr['search.code'], { exact: true }).fill(codes[0]);
    await page.getByRole('search').getByRole('button', { name: fr['common.search'] }).click();
    await page.getByRole('link', { name: codes[0] }).click();
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['record.title'], { code: codes[0] }) })).toBeVisible();
  });

  await test.step('insertion pathways are a kind of file too, their columns said in French and in Arabic', async () => {
    await goTo(page, 'nav.admin', 'shell.imports');
    await page.getByLabel(fr['imports.kind.insertion'], { exact: true }).check();
    await expect(page.getByText(fr['imports.columnsHint.insertion'])).toBeVisible();
    await shots(page, 'import-insertion-fr');
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.getByText(ar['imports.columnsHint.insertion'])).toBeVisible();
    await shots(page, 'import-insertion-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
