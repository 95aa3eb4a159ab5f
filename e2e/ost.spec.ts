import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { admin, apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, fr, freshCode, goTo, isoToday, logInAs, serviceWorkerActivated, shots } from './fixtures.ts';

// A dispensing unit of this run only and three synthetic patients (fresh codes: no real data).
const run = Date.now().toString(36).slice(-5).toUpperCase();
const unit = { code: `OST${run}`, name: `Centre méthadone ${run}` };
const year = new Date().getFullYear();

test('the nurse’s daily dispensing: today’s patients with their dose, one tap per dose, a missed day, an undo; the anonymous tally of a site', async ({ page, browser }) => {
  test.setTimeout(180_000);
  let unitId = '';
  const codes: string[] = [];
  const ids: string[] = [];
  await test.step('three patients on OST at the unit (through the API)', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    unitId = await ensureUnit(api, unit);
    for (const [i, dose] of [40, 60, 80].entries()) {
      const code = freshCode(`${year - 30 - i}M`);
      const { id } = await ensurePerson(api, { code, orgUnitId: unitId, birthYear: year - 30 - i, sex: 'M' });
      await api.post('/ost/episodes', { beneficiaryId: id, orgUnitId: unitId, startDate: isoToday(), prescriber: 'Dr Généré', doseMg: dose });
      codes.push(code);
      ids.push(id);
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

  await test.step('offline: the list kept on the device opens after a reload, a tap waits in the outbox (undone there, tapped again) and reaches the server once', async () => {
    // The nurse's phone: a login opens its encrypted store; the list read online is kept there.
    const nurse = await logInAs(browser, admin);
    const box = nurse.getByRole('main');
    expect(await serviceWorkerActivated(nurse)).toBe('activated');
    await goTo(nurse, 'nav.field', 'shell.ostDay');
    await box.getByLabel(fr['ost.unit'], { exact: true }).selectOption(unitId);
    await expect(box.getByRole('status').filter({ hasText: '2 sur 3' })).toBeVisible();
    await nurse.context().setOffline(true);
    await nurse.reload();
    await nurse.getByLabel(fr['field.password'], { exact: true }).fill(admin.password);
    await nurse.getByRole('button', { name: fr['unlock.submit'] }).click();
    await goTo(nurse, 'nav.field', 'shell.ostDay');
    await box.getByLabel(fr['ost.unit'], { exact: true }).selectOption(unitId);
    const row = (code: string) => box.getByRole('listitem').filter({ hasText: code });
    await expect(row(codes[0]!)).toContainText('Pris sur place (40 mg)');
    await box.getByRole('button', { name: `${fr['ost.given']} ${codes[2]}` }).click();
    await expect(row(codes[2]!)).toContainText(fr['outbox.savedOnDevice']);
    await expect(nurse.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toBeVisible();
    await box.getByRole('button', { name: `${fr['ost.undo']} ${codes[2]}` }).click();
    await expect(box.getByRole('status').filter({ hasText: '2 sur 3' })).toBeVisible();
    await expect(nurse.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toHaveCount(0);
    await box.getByRole('button', { name: `${fr['ost.given']} ${codes[2]}` }).click();
    await expect(row(codes[2]!)).toContainText('Pris sur place (80 mg)');
    await shots(nurse, 'ost-day-offline-fr');
    await nurse.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(row(codes[2]!)).toContainText(ar['outbox.savedOnDevice']);
    await shots(nurse, 'ost-day-offline-ar');
    await nurse.context().setOffline(false);
    // Online again: the tap is sent once (the online tap undone earlier, this one kept).
    const api = await apiOf(page);
    const doses = async () => (await api.get<{ items: { service: string; quantity: number | null }[] }>(`/services?beneficiaryId=${ids[2]}`)).items.map((s) => `${s.service} ${s.quantity}`);
    await expect.poll(doses, { timeout: 30_000 }).toEqual(['ost_dose 80']);
    for (const t of [fr, ar]) await expect(row(codes[2]!)).not.toContainText(t['outbox.savedOnDevice'], { timeout: 15_000 }); // out of the outbox
    await nurse.context().close();
  });

  await test.step('a new patient from the day’s list; on her record: a dose change, an interruption, a re-entry', async () => {
    const code = freshCode(`${year - 25}M`);
    await ensurePerson(await apiOf(page), { code, orgUnitId: unitId, birthYear: year - 25, sex: 'M' });
    await goTo(page, 'nav.field', 'shell.ostDay');
    await main.getByLabel(fr['ost.unit'], { exact: true }).selectOption(unitId);
    await main.getByRole('button', { name: fr['ost.newPatient'] }).click();
    await main.getByLabel(fr['ost.findPerson']).fill(code);
    await main.getByRole('button', { name: fr['ost.take'].replace('{code}', code) }).click();
    const entry = main.getByRole('form', { name: fr['ostForm.enterTitle'].replace('{code}', code) });
    await entry.getByRole('button', { name: fr['ostForm.enter'] }).click();
    await expect(entry.getByText(fr['validation.required'].replace('{field}', fr['field.prescriber']))).toBeVisible();
    await entry.getByLabel(fr['ostForm.prescriber']).fill('Dr Généré');
    await entry.getByLabel(fr['ostForm.startDose']).fill('30');
    await shots(page, 'ost-new-fr');
    await entry.getByRole('button', { name: fr['ostForm.enter'] }).click();
    const row = main.getByRole('listitem').filter({ hasText: code });
    await expect(row).toContainText('30 mg');
    await expect(main.getByRole('status').filter({ hasText: 'sur 4' })).toBeVisible();

    await row.getByRole('link', { name: fr['ost.openRecord'].replace('{code}', code) }).click();
    const card = main.getByRole('region', { name: fr['ostForm.title'] });
    await expect(card).toContainText('Dose : 30 mg par jour');
    await card.getByRole('button', { name: fr['ostForm.changeDose'] }).click();
    await card.getByLabel(fr['ostForm.newDose']).fill('45');
    await card.getByRole('button', { name: fr['ostForm.doseSubmit'] }).click();
    await expect(card.getByText(fr['ostForm.doseChanged'])).toBeVisible();
    await expect(card).toContainText('Dose : 45 mg par jour');
    await shots(page, 'ost-person-fr');
    await card.getByRole('button', { name: fr['ostForm.end'] }).click();
    await card.getByRole('radio', { name: fr['ost_end.interrupted'] }).check();
    await shots(page, 'ost-end-fr');
    await card.getByRole('button', { name: fr['ostForm.endSubmit'] }).click();
    await expect(card.getByText(fr['ostForm.ended'])).toBeVisible();
    await card.getByRole('button', { name: fr['ostForm.reenter'] }).click();
    const back = card.getByRole('form', { name: fr['ostForm.reenterTitle'].replace('{code}', code) });
    await back.getByLabel(fr['ostForm.prescriber']).fill('Dr Généré');
    await back.getByLabel(fr['ostForm.startDose']).fill('35');
    await back.getByRole('button', { name: fr['ostForm.reenter'] }).click();
    await expect(card.getByText(fr['ostForm.entered'])).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: fr['ostForm.reentry'] })).toContainText('35 mg');
    await expect(card.getByRole('listitem').filter({ hasText: fr['ost_end.interrupted'] })).toBeVisible();
    const episodes = await (await apiOf(page)).get<{ items: Array<{ endReason: string | null; isReentry: boolean; doses: Array<{ doseMg: number }> }> }>(`/ost/episodes?beneficiaryId=${encodeURIComponent(page.url().split('/').pop()!)}`);
    expect(episodes.items.map((e) => [e.endReason, e.isReentry, e.doses.map((d) => d.doseMg)])).toEqual([['interrupted', false, [45]], [null, true, [35]]]); // 45 mg from today replaced the 30 mg of the same day
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(main.getByRole('region', { name: ar['ostForm.title'] })).toContainText(ar['ostForm.reentry']);
    await main.getByRole('region', { name: ar['ostForm.title'] }).getByRole('button', { name: ar['ostForm.changeDose'] }).click();
    await shots(page, 'ost-person-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });

  await test.step('her insertion pathway: a training completed, then a job', async () => {
    const card = main.getByRole('region', { name: fr['insertion.title'] });
    await expect(card).toContainText(fr['insertion.none']);
    await card.getByRole('button', { name: fr['insertion.add'] }).click();
    const form = card.getByRole('form', { name: fr['insertion.addTitle'] });
    await form.getByLabel(fr['field.activity']).fill('Aide-cuisinier');
    await form.getByLabel(fr['field.endDate']).fill(isoToday());
    await form.getByRole('radio', { name: fr['insertion.completed.yes'], exact: true }).check();
    await shots(page, 'insertion-form-fr');
    await form.getByRole('button', { name: fr['insertion.save'] }).click();
    const training = card.getByRole('listitem').filter({ hasText: 'Aide-cuisinier' });
    await expect(training).toContainText(`${fr['insertion_step.training']} · Aide-cuisinier`);
    await expect(training).toContainText(fr['insertion.completed.yes']);
    await card.getByRole('button', { name: fr['insertion.add'] }).click();
    await form.getByRole('radio', { name: fr['insertion_step.job'], exact: true }).check();
    await expect(form.getByRole('radio', { name: fr['insertion.completed.yes'], exact: true })).toHaveCount(0); // a job is not "completed"
    await form.getByLabel(fr['field.activity']).fill('Restaurant du port');
    await form.getByRole('button', { name: fr['insertion.save'] }).click();
    await expect(card.getByRole('listitem').filter({ hasText: 'Restaurant du port' })).toContainText(fr['insertion_step.job']);
    await shots(page, 'insertion-fr');
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    const cardAr = main.getByRole('region', { name: ar['insertion.title'] });
    await expect(cardAr).toContainText(ar['insertion_step.job']);
    await cardAr.getByRole('button', { name: ar['insertion.add'] }).click();
    await shots(page, 'insertion-ar');
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
