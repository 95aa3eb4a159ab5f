import { expect, test } from '@playwright/test';
import { apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, fr, freshCode, goTo, isoToday, shots } from './fixtures.ts';

// A dispensing unit of this run only and three synthetic patients (fresh codes: no real data).
const run = Date.now().toString(36).slice(-5).toUpperCase();
const unit = { code: `OST${run}`, name: `Centre méthadone ${run}` };
const year = new Date().getFullYear();

test('the nurse’s daily dispensing: today’s patients with their dose, one tap per dose, a missed day, an undo; the anonymous tally of a site', async ({ page }) => {
  test.setTimeout(180_000);
  let unitId = '';
  const codes: string[] = [];
  await test.step('three patients on OST at the unit (through the API)', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    unitId = await ensureUnit(api, unit);
    for (const [i, dose] of [40, 60, 80].entries()) {
      const code = freshCode(`${year - 30 - i}M`);
      const { id } = await ensurePerson(api, { code, orgUnitId: unitId, birthYear: year - 30 - i, sex: 'M' });
      await api.post('/ost/episodes', { beneficiaryId: id, orgUnitId: unitId, startDate: isoToday(), prescriber: 'Dr Généré', doseMg: dose });
      codes.push(code);
    }
    await page.reload(); // the unit lists know the new unit
  });

  const main = page.getByRole('main');
  await test.step('the list of the day: one tap gives a dose, another marks a day missed, "Annuler" undoes', async () => {
    await goTo(page, 'nav.field', 'shell.ostDay');
    await expect(page.getByRole('heading', { level: 1, name: fr['ost.title'] })).toBeVisible();
    await main.getByLabel(fr['ost.unit'], { exact: true }).selectOption(unitId);
    await expect(main.getByRole('status').filter({ hasText: '0 sur 3' })).toBeVisible();
    const row = (code: string) => main.getByRole('listitem').filter({ hasText: code });
    await expect(row(codes[1]!)).toContainText('60 mg');
    await main.getByRole('button', { name: `${fr['ost.given']} ${codes[0]}` }).click();
    await expect(row(codes[0]!)).toContainText('Pris sur place (40 mg)');
    await main.getByRole('button', { name: `${fr['ost.missed']} ${codes[1]}` }).click();
    await expect(row(codes[1]!)).toContainText(fr['ost.doneMissed']);
    await main.getByRole('button', { name: `${fr['ost.given']} ${codes[2]}` }).click();
    await expect(main.getByRole('status').filter({ hasText: '3 sur 3' })).toBeVisible();
    await main.getByRole('button', { name: `${fr['ost.undo']} ${codes[2]}` }).click();
    await expect(main.getByRole('button', { name: `${fr['ost.given']} ${codes[2]}` })).toBeVisible();
    await expect(main.getByRole('status').filter({ hasText: '2 sur 3' })).toBeVisible();
    // Saved: a reload shows the same day, the dose recorded as a service.
    await page.reload();
    await main.getByLabel(fr['ost.unit'], { exact: true }).selectOption(unitId);
    await expect(row(codes[0]!)).toContainText('Pris sur place (40 mg)');
    const day = await (await apiOf(page)).get<{ items: Array<{ beneficiary: { code: string }; today: { serviceId: string | null } | null }> }>(`/ost/day?orgUnitId=${unitId}&date=${isoToday()}`);
    expect(day.items.find((i) => i.beneficiary.code === codes[0])?.today?.serviceId).toBeTruthy();
    await shots(page, 'ost-day-fr');
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: ar['ost.title'] })).toBeVisible();
    await main.getByLabel(ar['ost.unit'], { exact: true }).selectOption(unitId);
    await expect(main.getByRole('button', { name: `${ar['ost.given']} ${codes[2]}` })).toBeVisible();
    await shots(page, 'ost-day-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });

  await test.step('an anonymous tally: 3 people given 15 kits and 2 showers, listed for the day', async () => {
    await goTo(page, 'nav.field', 'shell.anonymousTally');
    const form = page.getByRole('form', { name: fr['anon.title'] });
    await form.getByLabel(fr['anon.unit'], { exact: true }).selectOption(unitId);
    const line = (service: string) => form.getByRole('listitem').filter({ hasText: fr[`service.${service}` as keyof typeof fr] });
    await line('syringe_kits').getByLabel(fr['anon.people'], { exact: true }).fill('3');
    await line('syringe_kits').getByLabel(fr['anon.quantity'], { exact: true }).fill('15');
    await line('shower').getByLabel(fr['anon.people'], { exact: true }).fill('2');
    await form.getByRole('button', { name: fr['anon.submit'] }).click();
    await expect(form.getByText(fr['anon.saved'])).toBeVisible();
    await expect(main.getByText(`${fr['service.shower']} : 2 personne(s)`)).toBeVisible();
    await shots(page, 'anonymous-fr');
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: ar['anon.title'] })).toBeVisible();
    await page.getByRole('form', { name: ar['anon.title'] }).getByLabel(ar['anon.unit'], { exact: true }).selectOption(unitId);
    await expect(main.getByText(`${ar['service.shower']}: 2`)).toBeVisible();
    await shots(page, 'anonymous-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
