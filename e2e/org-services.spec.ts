import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, ensureUser, fr, goTo, logInAs, shots } from './fixtures.ts';

// Synthetic data only: a section, a peer educator and a person no other spec uses.
const section = { code: 'DOUCHE', name: 'Section Douche' };
const peer = { username: 'ep.douche', displayName: 'Salma Douche', password: 'une douche bien chaude' };
const code = 'DOKA1994F';
const title = interpolate(fr['definedServices.titleOf'], { program: fr['program.prev_ps'] });

test.describe.configure({ mode: 'serial' });

test('org services: an administrator adds "douche" with a pictogram and its field, a peer educator records it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await test.step('the administrator makes the section, the peer educator and the person (API)', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    const sectionId = await ensureUnit(api, { ...section, level: 'section' });
    await ensureUser(api, peer, [{ role: 'peer_educator', orgUnitId: sectionId, programs: ['prev_ps'] }]);
    await ensurePerson(api, { code, orgUnitId: sectionId, birthYear: 1994 });
  });

  const list = page.getByRole('region', { name: title });
  await test.step('on the programs page she adds "Douche" (a shower pictogram, hygiene kits handed out), or edits it when an earlier run added it', async () => {
    await goTo(page, 'nav.admin', 'shell.programs');
    await expect(list).toBeVisible();
    const existing = list.getByRole('button', { name: interpolate(fr['definedServices.edit'], { service: 'Douche' }) });
    const editing = (await existing.count()) > 0;
    if (editing) await existing.click();
    else await list.getByRole('button', { name: fr['definedServices.add'], exact: true }).click();
    if (!editing) {
      await list.getByLabel(fr['field.code'], { exact: true }).fill('douche');
      await list.getByLabel(fr['definedServices.labelFr'], { exact: true }).first().fill('Douche');
      await list.getByLabel(fr['definedServices.labelAr'], { exact: true }).first().fill('استحمام');
      await list.getByLabel(fr['definedServices.labelEn'], { exact: true }).first().fill('Shower');
      await list.getByRole('button', { name: fr['definedServices.addField'] }).click();
      const field = list.getByRole('group', { name: interpolate(fr['definedServices.fieldLegend'], { n: 1 }) });
      await field.getByLabel(fr['field.key'], { exact: true }).fill('kits');
      await field.getByLabel(fr['definedServices.labelFr'], { exact: true }).fill('Kits d’hygiène');
      await field.getByLabel(fr['definedServices.labelAr'], { exact: true }).fill('أطقم النظافة');
      await field.getByLabel(fr['definedServices.labelEn'], { exact: true }).fill('Hygiene kits');
      await field.getByLabel(fr['definedServices.unitFr'], { exact: true }).fill('kit');
      await field.getByLabel(fr['definedServices.unitAr'], { exact: true }).fill('طقم');
      await field.getByLabel(fr['definedServices.unitEn'], { exact: true }).fill('kit');
    } else {
      const retired = list.getByLabel(fr['definedServices.retired'], { exact: true });
      if (await retired.isChecked()) await retired.uncheck();
    }
    await list.getByRole('radio', { name: fr['pictogram.shower'] }).check();
    await shots(page, 'org-services-admin-fr');
    await list.getByRole('button', { name: fr['definedServices.save'] }).click();
    await expect(list.getByText(/Douche enregistrée \(version \d+\)\./)).toBeVisible();
    await expect(list.getByRole('listitem').filter({ hasText: 'douche' })).toBeVisible();
  });

  const program = fr['program.prev_ps'];
  const settingsTitle = interpolate(fr['programs.servicesOf'], { program });
  const settings = page.getByRole('form', { name: settingsTitle });
  const inColumn = (column: string) => settings.getByLabel(interpolate(fr['programs.serviceIn'], { column, service: `Douche ${fr['programs.defined']}` }), { exact: true });
  await test.step('in the program’s settings "Douche" is offered by its definition, and she counts it as reached like a built-in service', async () => {
    await page.getByRole('button', { name: settingsTitle }).click();
    await expect(inColumn(fr['programs.offered'])).toBeChecked();
    await expect(inColumn(fr['programs.offered'])).toBeDisabled();
    await inColumn(fr['programs.reach']).check();
    await shots(page, 'org-services-reach-fr');
    await settings.getByRole('button', { name: interpolate(fr['programs.saveServicesOf'], { program }) }).click();
    await expect(settings.getByText(interpolate(fr['programs.servicesSaved'], { program }))).toBeVisible();
    await expect(inColumn(fr['programs.reach'])).toBeChecked();
  });

  const ep = await logInAs(browser, peer);
  await test.step('the peer educator records a shower with 2 hygiene kits for the person; a missing number of kits is refused, named', async () => {
    await goTo(ep, 'nav.field', 'shell.recordContact');
    await ep.getByRole('textbox', { name: fr['register.codeLabel'], exact: true }).fill(code);
    const form = ep.getByRole('form', { name: `${fr['capture.contactTitle']} ${code}` });
    await expect(form).toBeVisible();
    await form.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
    const row = form.getByRole('group', { name: interpolate(fr['capture.rowLegend'], { n: 1 }), exact: true });
    await row.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: 'Douche' });
    const kits = row.getByLabel('Kits d’hygiène', { exact: true });
    await expect(kits).toBeVisible();
    await kits.fill('0');
    await form.getByRole('button', { name: fr['capture.saveAddService'] }).click();
    await expect(row.getByText('Kits d’hygiène : au moins 1.')).toBeVisible();
    await kits.fill('2');
    await shots(ep, 'org-services-capture-fr');
    await form.getByRole('button', { name: fr['capture.saveAddService'] }).click();
    await expect(ep.getByRole('alert').or(ep.getByRole('status')).filter({ hasText: 'Douche — Kits d’hygiène : 2 kit' })).toBeVisible();
  });

  await test.step('in Arabic, right to left, the service and its field carry their Arabic names', async () => {
    await ep.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    const form = ep.getByRole('form', { name: `${ar['capture.contactTitle']} ${code}` });
    const row = form.getByRole('group', { name: interpolate(ar['capture.rowLegend'], { n: 1 }), exact: true });
    await row.getByLabel(ar['field.service'], { exact: true }).selectOption({ label: 'استحمام' });
    await expect(row.getByLabel('أطقم النظافة', { exact: true })).toBeVisible();
    await shots(ep, 'org-services-capture-ar');
    await ep.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });

  await test.step('the programs page in Arabic', async () => {
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.getByRole('region', { name: interpolate(ar['definedServices.titleOf'], { program: ar['program.prev_ps'] }) })).toBeVisible();
    await shots(page, 'org-services-admin-ar');
    await page.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
