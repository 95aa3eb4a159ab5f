import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, fr, goTo, isoToday, shots } from './fixtures.ts';

// A store and its mobile unit of this run only (the stock of a unit grows with each attempt: a
// unit per run keeps the figures this spec's own), and a synthetic person (no real data).
const run = Date.now().toString(36).slice(-5).toUpperCase();
const store = { code: `STK${run}`, name: `Magasin ${run}` };
const mobile = { code: `MOB${run}`, name: `Unité mobile ${run}` };
const year = new Date().getFullYear();
const person = { code: `STKA${year - 35}M`, birthYear: year - 35, sex: 'M' as const };
const condoms = `${fr['stock_item.condoms']} (${fr['stock_unit.piece']})`;
const testKits = `${fr['stock_item.hiv_test_kits']} (${fr['stock_unit.test']})`;

/** The cells of a unit's line of an item in a table. */
const line = (page: Page, table: string, unit: string, item: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: unit }).filter({ hasText: item }).getByRole('cell');

/** Records a movement through the form, units chosen by id (their labels are indented by depth). */
async function record(page: Page, fields: { kind: string; unit: string; item: string; quantity: string; to?: string; source?: string; lot?: string; reason?: string }) {
  const form = page.getByRole('form', { name: fr['stock.record'] });
  await form.getByLabel(fr['stock.kind'], { exact: true }).selectOption(fields.kind);
  await form.getByLabel(fr['stock.unit'], { exact: true }).selectOption(fields.unit);
  if (fields.to) await form.getByLabel(fr['field.toOrgUnitId'], { exact: true }).selectOption(fields.to);
  await form.getByLabel(fr['field.item'], { exact: true }).selectOption({ label: fields.item });
  await form.getByLabel(fields.kind === 'count' ? fr['field.counted'] : fr['stock.quantityField'], { exact: true }).fill(fields.quantity);
  if (fields.source) await form.getByLabel(fr['field.source'], { exact: true }).selectOption(fields.source);
  if (fields.lot) await form.getByLabel(fr['field.lot'], { exact: true }).fill(fields.lot);
  if (fields.reason) await form.getByLabel(fr['stock.reason'], { exact: true }).selectOption(fields.reason);
  await form.getByRole('button', { name: fr['stock.submit'] }).click();
  await expect(form.getByText(fr['stock.saved'])).toBeVisible();
}

test('commodities stock: a receipt, a transfer to the mobile unit, condoms taken by a contact, a count; negative stock shown; the monthly report and its XLSX', async ({ page }) => {
  test.setTimeout(180_000);
  let storeId = '';
  let mobileId = '';
  await test.step('the administrator makes the store and its mobile unit', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    storeId = await ensureUnit(api, store);
    mobileId = await ensureUnit(api, { ...mobile, level: 'site', parentId: storeId });
    await page.reload(); // the unit lists know the new units
  });

  await test.step('a receipt of 500 condoms at the store, then 200 transferred to the mobile unit', async () => {
    await goTo(page, 'nav.field', 'shell.stock');
    await expect(page.getByRole('heading', { level: 1, name: fr['stock.title'] })).toBeVisible();
    await record(page, { kind: 'receipt', unit: storeId, item: condoms, quantity: '500', source: 'national_programme', lot: 'LOT-A1' });
    await expect(line(page, fr['stock.onHandCaption'], store.name, condoms).nth(2)).toHaveText('500');
    await record(page, { kind: 'transfer', unit: storeId, to: mobileId, item: condoms, quantity: '200' });
    await expect(line(page, fr['stock.onHandCaption'], store.name, condoms).nth(2)).toHaveText('300');
    await expect(line(page, fr['stock.onHandCaption'], mobile.name, condoms).nth(2)).toHaveText('200');
  });

  await test.step('a contact at the mobile unit hands out 10 condoms and an HIV test: the stock follows, the missing test kit shows as negative', async () => {
    const api = await apiOf(page);
    const { id } = await ensurePerson(api, { ...person, orgUnitId: storeId });
    await api.post('/contacts', {
      beneficiaryId: id,
      orgUnitId: storeId,
      siteId: mobileId,
      date: isoToday(),
      program: 'harm_reduction',
      services: [{ service: 'condoms', quantity: 10 }, { service: 'hiv_test', result: 'negative', strategy: 'mobile' }],
    });
    await page.reload();
    await expect(line(page, fr['stock.onHandCaption'], mobile.name, condoms).nth(2)).toHaveText('190');
    const kits = line(page, fr['stock.onHandCaption'], mobile.name, testKits);
    await expect(kits.nth(2)).toHaveText('-1');
    await expect(kits.nth(4)).toHaveText(fr['stock.negative']);
  });

  await test.step('a physical count of 185 at the mobile unit sets the stock and records the difference', async () => {
    await record(page, { kind: 'count', unit: mobileId, item: condoms, quantity: '185' });
    await expect(line(page, fr['stock.onHandCaption'], mobile.name, condoms).nth(2)).toHaveText('185');
  });

  // Months of stock: 185 ÷ (10 distributed over this month and the two before ÷ 3) = 55.5.
  await test.step('the monthly report of this month: 0 + 200 − 10 − 5 = 185 at the mobile unit; the XLSX holds the same', async () => {
    const report = page.getByRole('table', { name: fr['stock.reportCaption'] });
    await page.getByLabel(fr['stock.month'], { exact: true }).fill(isoToday().slice(0, 7));
    await expect(line(page, fr['stock.reportCaption'], mobile.name, condoms)).toHaveText([mobile.name, condoms, '0', '0', '200', '10', '-5', '185', '55,5']);
    await expect(report).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: fr['stock.download'] }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`stock-${isoToday().slice(0, 7)}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([mobile.name, condoms, 0, 0, 200, 10, -5, 185, 55.5]);
    await shots(page, 'stock-fr');
  });

  await test.step('in Arabic, right to left', async () => {
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: ar['stock.title'] })).toBeVisible();
    await expect(page.getByRole('table', { name: ar['stock.onHandCaption'] })).toContainText(ar['stock.negative']);
    await shots(page, 'stock-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
