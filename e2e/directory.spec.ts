import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { interpolate, monthsBefore } from '@relais/core';
import { apiOf, ar, enterAsAdmin, fr, goTo, isoToday, logIn, org, rootUnitId, shot, shots, type Api } from './fixtures.ts';

// Synthetic actors, services and phones only (no real data); a territory no other spec uses.
const coordinator = { username: 'coord.reseau', displayName: 'Coordinatrice Réseau', password: 'un réseau bien tenu' };
const territory = { code: 'e2e_sale', name: { fr: 'Salé (essai)', ar: 'سلا (تجربة)' } };
const phones = { unit: '0537 10 20 30', court: '0537 40 50 60', focal: '0661 70 80 90' };


interface Seeded {
  unitId: string;
  staleId: string;
  staleName: string;
}

/** The network coordinator (directory.manage at the root unit), created by the administrator once. */
async function ensureCoordinator(api: Api) {
  const users = (await api.get<{ items: { username: string }[] }>('/users?limit=200')).items;
  if (users.some((u) => u.username === coordinator.username)) return;
  await api.post('/users', { ...coordinator, assignments: [{ role: 'network_coordinator', orgUnitId: await rootUnitId(api) }] });
}

async function asCoordinator(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await logIn(page, fr, coordinator);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: coordinator.displayName }) })).toBeVisible();
  return page;
}

const hours = (byDay: string[], opensAt: string, closesAt: string) => ({ byDay, opensAt, closesAt });

/**
 * Through the API, as the coordinator: her territory, an organisation with a place and two
 * services (verified now, by their creation), and a third service imported in HSDS form as last
 * verified seven months ago, hence stale.
 */
async function seed(api: Api): Promise<Seeded> {
  const territories = (await api.get<{ items: { code: string }[] }>('/directory/territories')).items;
  if (!territories.some((t) => t.code === territory.code)) await api.post('/directory/territories', territory);
  const hospital = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: 'Hôpital provincial (essai)' });
  const place = await api.post<{ id: string }>('/directory/locations', {
    id: randomUUID(),
    organizationId: hospital.id,
    name: 'Pavillon des urgences',
    address: { address1: '1 avenue de l’Essai', city: 'Salé' },
  });
  const everyDay = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const unit = await api.post<{ id: string }>('/directory/services', {
    id: randomUUID(),
    organizationId: hospital.id,
    name: 'Unité de prise en charge des femmes victimes de violence (essai)',
    serviceType: 'medical_emergency',
    territories: [territory.code],
    languages: ['ar', 'ary', 'fr'],
    eligibility: { sex: 'F', minimumAge: null, maximumAge: null, migrantsAnyStatus: true, description: null },
    requiredDocuments: ['Carte d’identité si elle en a une'],
    locations: [{ locationId: place.id, hours: [hours(everyDay, '00:00', '23:59')] }],
    phones: [{ number: phones.unit }],
  });
  await api.post('/directory/contacts', { id: randomUUID(), serviceId: unit.id, name: 'Dr Samira Essai', title: 'Médecin référente', phones: [{ number: phones.focal }] });
  await api.post('/directory/services', {
    id: randomUUID(),
    organizationId: hospital.id,
    name: 'Certificat médico-légal (essai)',
    serviceType: 'forensic_certificate',
    territories: [territory.code],
    locations: [{ locationId: place.id, hours: [hours(['MO', 'TU', 'WE', 'TH', 'FR'], '08:30', '16:30')] }],
    phones: [{ number: phones.unit }],
  });
  const today = isoToday();
  const staleName = 'Cellule d’aide aux victimes du tribunal (essai)';
  const staleId = randomUUID();
  await api.post('/directory/hsds/import', [
    {
      id: staleId,
      name: staleName,
      status: 'active',
      assured_date: monthsBefore(today, 7),
      organization: { id: randomUUID(), name: 'Tribunal de première instance (essai)', assured_date: today },
      service_at_locations: [],
      contacts: [],
      phones: [{ id: randomUUID(), number: phones.court }],
      service_areas: [{ name: territory.code }],
      attributes: [{ taxonomy_term: { code: 'legal_aid', taxonomy: 'relais-service-type' } }],
    },
  ]);
  return { unitId: unit.id, staleId, staleName };
}

test('a network coordinator searches the directory, verifies a stale entry, and prints her territory’s directory (fr, ar)', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await test.step('the administrator makes the network coordinator', async () => {
    await enterAsAdmin(page);
    await ensureCoordinator(await apiOf(page));
  });
  const nc = await asCoordinator(browser);
  const data = await seed(await apiOf(nc));
  const dateFr = new Intl.DateTimeFormat('fr-MA', { dateStyle: 'long' }).format(new Date());

  await test.step('she finds the emergency unit by need and territory: phones to call, focal point, open now', async () => {
    await goTo(nc, 'nav.field', 'shell.directory');
    await expect(nc.getByRole('heading', { level: 1, name: fr['directory.title'] })).toBeVisible();
    const search = nc.getByRole('search');
    await search.getByLabel(fr['field.need'], { exact: true }).selectOption('medical_emergency');
    await search.getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    await search.getByRole('button', { name: fr['common.search'] }).click();
    const card = nc.getByRole('listitem').filter({ has: nc.getByRole('link', { name: interpolate(fr['directory.openService'], { name: 'Unité de prise en charge des femmes victimes de violence (essai)' }) }) });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: phones.unit })).toHaveAttribute('href', 'tel:0537102030');
    await expect(card.getByRole('link', { name: phones.focal })).toHaveAttribute('href', 'tel:0661708090');
    await expect(card).toContainText('Dr Samira Essai');
    await expect(card).toContainText(fr['directory.open']);
    await expect(nc.getByRole('link', { name: interpolate(fr['directory.openService'], { name: data.staleName }) })).toHaveCount(0);
  });

  await test.step('the stale entry is marked « À vérifier » in the results of the territory', async () => {
    const search = nc.getByRole('search');
    await search.getByLabel(fr['field.need'], { exact: true }).selectOption('');
    await search.getByRole('button', { name: fr['common.search'] }).click();
    const card = nc.getByRole('listitem').filter({ has: nc.getByRole('link', { name: interpolate(fr['directory.openService'], { name: data.staleName }) }) });
    await expect(card).toContainText(fr['directory.stale']);
    await shots(nc, 'search-fr');
  });

  await test.step('her to-verify list holds it; she opens it and says it is still true', async () => {
    await goTo(nc, 'nav.followUp', 'shell.directoryToVerify');
    await nc.getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    const row = nc.getByRole('row').filter({ hasText: data.staleName });
    await expect(row).toBeVisible();
    await row.getByRole('link', { name: interpolate(fr['directory.toVerify.open'], { name: data.staleName }) }).click();
    await expect(nc.getByRole('heading', { level: 1, name: data.staleName })).toBeVisible();
    const line = nc.locator('.dir-verify-line[data-resource="service"]');
    await expect(line).toContainText(fr['directory.stale']);
    await shot(nc, 'service-stale-fr-1280');
    await nc.getByRole('button', { name: interpolate(fr['directory.verifyOf'], { name: data.staleName }) }).click();
    await expect(nc.getByRole('status').filter({ hasText: interpolate(fr['directory.verified'], { name: data.staleName }) })).toBeVisible();
    await expect(line).toHaveText(interpolate(fr['directory.verifiedOnBy'], { date: dateFr, who: `${coordinator.displayName} (${org.name})` }));
  });

  await test.step('the to-verify list of the territory is now empty', async () => {
    await goTo(nc, 'nav.followUp', 'shell.directoryToVerify');
    await nc.getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    await expect(nc.getByText(fr['directory.toVerify.none'])).toBeVisible();
  });

  await test.step('the emergency unit has a new focal point: the previous one stays in the history', async () => {
    await nc.goto(`/directory/services/${data.unitId}`);
    const focal = nc.getByRole('region', { name: fr['directory.focalPoints'], exact: true });
    await focal.getByRole('button', { name: interpolate(fr['directory.replaceOf'], { name: 'Dr Samira Essai' }) }).click();
    const form = focal.getByRole('form', { name: interpolate(fr['directory.replaceOf'], { name: 'Dr Samira Essai' }) });
    await form.getByLabel(fr['field.name'], { exact: true }).fill('Dr Nora Relève');
    await form.getByLabel(interpolate(fr['directory.form.phone'], { n: 1 }), { exact: true }).fill('0662 11 22 33');
    await form.getByRole('button', { name: fr['common.save'] }).click();
    await expect(focal).toContainText('Dr Nora Relève');
    await expect(focal.getByRole('link', { name: '0662 11 22 33' })).toHaveAttribute('href', 'tel:0662112233');
    await expect(focal).not.toContainText('Dr Samira Essai');
    await expect(nc.getByRole('region', { name: fr['directory.service.previous'], exact: true })).toContainText('Dr Samira Essai');
  });

  await test.step('she edits the whole service: Spanish spoken too, a second document', async () => {
    await nc.getByRole('button', { name: fr['directory.edit'] }).click();
    const form = nc.getByRole('form', { name: fr['directory.edit'] });
    await form.getByLabel(fr['directory.language.es'], { exact: true }).check();
    await form.getByRole('button', { name: fr['directory.form.addDocument'] }).click();
    await form.getByLabel(interpolate(fr['directory.form.document'], { n: 2 }), { exact: true }).fill('Certificat médical initial');
    await form.getByRole('button', { name: fr['common.save'] }).click();
    await expect(form).toHaveCount(0);
    const about = nc.getByRole('region', { name: fr['directory.service.about'], exact: true });
    await expect(about).toContainText('Espagnol');
    await expect(about).toContainText('Certificat médical initial');
  });

  await test.step('she adds a service with a new organisation and a new place; it opens on its page', async () => {
    await goTo(nc, 'nav.field', 'shell.directory');
    await nc.getByRole('link', { name: fr['directory.add'] }).click();
    const form = nc.getByRole('form', { name: fr['directory.new.title'] });
    await form.getByLabel(fr['directory.new.organization'], { exact: true }).selectOption({ label: fr['directory.new.newOrganization'] });
    await form.getByLabel(fr['field.name'], { exact: true }).first().fill('Association d’écoute (essai)');
    await form.getByLabel(fr['directory.new.location'], { exact: true }).selectOption({ label: fr['directory.new.newLocation'] });
    const place = form.getByRole('group', { name: fr['directory.new.location'] });
    await place.getByLabel(fr['field.name'], { exact: true }).fill('Local du quartier');
    await place.getByLabel(fr['field.address1'], { exact: true }).fill('2 rue de l’Essai');
    await place.getByLabel(fr['field.city'], { exact: true }).fill('Salé');
    await form.getByLabel(fr['field.name'], { exact: true }).last().fill('Écoute et orientation (essai)');
    await form.getByLabel(fr['field.serviceType'], { exact: true }).selectOption('psychosocial');
    await form.getByLabel(territory.name.fr, { exact: true }).check();
    await form.getByLabel(interpolate(fr['directory.form.phone'], { n: 1 }), { exact: true }).fill('0537 99 88 77');
    await form.getByRole('button', { name: fr['directory.new.submit'] }).click();
    await expect(nc.getByRole('heading', { level: 1, name: 'Écoute et orientation (essai)' })).toBeVisible();
    await expect(nc.getByRole('region', { name: fr['directory.service.where'], exact: true })).toContainText('Local du quartier');
    await expect(nc.getByRole('link', { name: '0537 99 88 77' })).toBeVisible();
    await nc.goto(`/directory/services/${data.unitId}`);
  });

  await test.step('the service page of the emergency unit, on a desktop and a phone', async () => {
    await expect(nc.getByRole('region', { name: fr['directory.service.where'], exact: true })).toContainText('Pavillon des urgences');
    await shots(nc, 'service-fr');
  });

  await test.step('she prints her territory’s directory: services by type, phones, focal points, the date', async () => {
    await goTo(nc, 'nav.field', 'shell.directory');
    await nc.getByRole('search').getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    await nc.getByRole('search').getByRole('button', { name: fr['common.search'] }).click();
    await nc.getByRole('link', { name: fr['directory.print'] }).click();
    const title = interpolate(fr['directory.printPage.title'], { territory: territory.name.fr });
    const sheet = nc.getByRole('article', { name: title });
    await expect(sheet).toBeVisible();
    for (const type of ['Soins médicaux et urgences', 'Certificat médico-légal', 'Aide juridique']) await expect(sheet.getByRole('heading', { level: 2 })).toContainText([type]);
    for (const phone of [phones.unit, phones.court, '0662 11 22 33']) await expect(sheet.getByRole('link', { name: phone }).first()).toBeVisible();
    await expect(sheet).toContainText(data.staleName);
    await expect(sheet).toContainText(interpolate(fr['directory.printPage.printedOn'], { date: dateFr }));
    await shots(nc, 'print-fr', { paper: true });
  });

  await test.step('in Arabic the print page reads right to left, with the territory’s Arabic name', async () => {
    await nc.getByLabel(fr['app.language']).selectOption('ar');
    await expect(nc.locator('html')).toHaveAttribute('dir', 'rtl');
    const sheet = nc.getByRole('article', { name: interpolate(ar['directory.printPage.title'], { territory: territory.name.ar }) });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('link', { name: phones.court })).toBeVisible();
    await shot(nc, 'print-ar-1280');
    await nc.emulateMedia({ media: 'print' });
    await shot(nc, 'print-ar-paper');
    await nc.emulateMedia({ media: 'screen' });
    await nc.setViewportSize({ width: 360, height: 740 });
    await shot(nc, 'print-ar-360');
    await nc.goto(`/directory?territory=${territory.code}`);
    await expect(nc.getByRole('heading', { level: 1, name: ar['directory.title'] })).toBeVisible();
    await shot(nc, 'search-ar-360');
    await nc.goto(`/directory/services/${data.unitId}`);
    await expect(nc.getByRole('region', { name: ar['directory.focalPoints'], exact: true })).toContainText('Dr Nora Relève');
    await shot(nc, 'service-ar-360');
    await nc.setViewportSize({ width: 1280, height: 900 });
    await shot(nc, 'service-ar-1280');
    await nc.goto(`/directory?territory=${territory.code}`);
    await expect(nc.getByRole('heading', { level: 1, name: ar['directory.title'] })).toBeVisible();
    await shot(nc, 'search-ar-1280');
    await nc.getByLabel(ar['app.language']).selectOption('fr');
  });
});
