import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, ar, enterAsAdmin, fr, goTo, logInAsNetworkCoordinator, shots, type Api } from './fixtures.ts';

// Synthetic places and services only (no real data); a territory no other spec uses.
const mapper = { username: 'coord.carte', displayName: 'Coordinatrice Carte', password: 'une carte sans tuiles' };
const territory = { code: 'e2e_carte', name: { fr: 'Rabat-Salé (carte)', ar: 'الرباط سلا (خريطة)' } };
const hospitalName = 'Hôpital de la carte (essai)';
const unitName = 'Urgences pédiatriques (essai)';

/**
 * As the coordinator, once per run: an organisation with four places — two a few metres apart
 * (one circle on the map), one across the river, one confidential shelter — and their services.
 */
async function seed(api: Api) {
  const territories = (await api.get<{ items: { code: string }[] }>('/directory/territories')).items;
  if (!territories.some((t) => t.code === territory.code)) await api.post('/directory/territories', territory);
  const found = await api.get<{ total: number }>(`/directory/services?territory=${territory.code}`);
  if (found.total) return;
  const org = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: 'Réseau cartographié (essai)' });
  const place = (name: string, city: string, latitude: number | null, longitude: number | null, confidential = false) =>
    api.post<{ id: string }>('/directory/locations', { id: randomUUID(), organizationId: org.id, name, address: { address1: '1 rue de l’Essai', city }, latitude, longitude, confidential });
  const hospital = await place(hospitalName, 'Salé', 34.0405, -6.8012);
  const annex = await place('Annexe de l’hôpital (essai)', 'Salé', 34.0406, -6.8013);
  const court = await place('Tribunal de la carte (essai)', 'Rabat', 34.0133, -6.8326);
  const station = await place('Commissariat de la carte (essai)', 'Kénitra', 34.261, -6.5802);
  const shelter = await place('Foyer (essai)', 'Salé', 34.05, -6.79, true);
  const service = (name: string, serviceType: string, locationIds: string[]) =>
    api.post('/directory/services', {
      id: randomUUID(),
      organizationId: org.id,
      name,
      serviceType,
      territories: [territory.code],
      locations: locationIds.map((locationId) => ({ locationId, hours: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '23:59' }] })),
      phones: [{ number: '0537 00 11 22' }],
    });
  await service(unitName, 'medical_emergency', [hospital.id]);
  await service('Certificat médico-légal de la carte (essai)', 'forensic_certificate', [hospital.id, annex.id]);
  await service('Cellule d’aide aux victimes (essai)', 'legal_aid', [court.id]);
  await service('Brigade des mineurs (essai)', 'police', [station.id]);
  await service('Hébergement d’urgence (essai)', 'shelter', [shelter.id]);
}

test('the directory’s map: the places of a search, near ones together, a tap lists the services, a link opens one (fr, ar)', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await enterAsAdmin(page);
  const admin = await apiOf(page);
  const nc = await logInAsNetworkCoordinator(admin, browser, mapper);
  await seed(await apiOf(nc));

  await test.step('she searches her territory and switches to the map', async () => {
    await goTo(nc, 'nav.field', 'shell.directory');
    await nc.getByRole('search').getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    await nc.getByRole('search').getByRole('button', { name: fr['common.search'] }).click();
    await expect(nc.getByRole('heading', { name: fr['directory.results'] })).toBeVisible();
    const views = nc.getByRole('group', { name: fr['directory.view'] });
    await views.getByRole('button', { name: fr['directory.view.map'] }).click();
    await expect(views.getByRole('button', { name: fr['directory.view.map'] })).toHaveAttribute('aria-pressed', 'true');
    await expect(nc).toHaveURL(/view=map/);
  });

  const map = nc.getByRole('region', { name: fr['directory.map.title'] });
  await test.step('three circles: the hospital and its annex together, the court, the police station; never the shelter', async () => {
    const points = map.getByRole('group', { name: fr['directory.map.title'] }).getByRole('button');
    await expect(points).toHaveCount(3);
    await expect(map.getByRole('button', { name: interpolate(fr['directory.map.cluster'], { n: 2, names: `Annexe de l’hôpital (essai), ${hospitalName}` }) })).toBeVisible();
    await expect(map.getByRole('button', { name: interpolate(fr['directory.map.place'], { name: 'Tribunal de la carte (essai)', n: 1 }) })).toBeVisible();
    await expect(map).not.toContainText('Foyer (essai)');
    await expect(map.getByRole('button', { name: /Foyer/ })).toHaveCount(0);
    // The shelter's service is counted as not on the map.
    await expect(map).toContainText(interpolate(fr['directory.map.withoutCoordinates'], { n: 1 }));
    await expect(map.getByRole('list', { name: fr['directory.map.legend'] })).toContainText(fr['directory.map.legendStale']);
    await expect(map).toContainText(fr['directory.map.hint']);
  });

  await test.step('a tap on the hospital’s circle lists both places and their services; the keyboard does the same', async () => {
    const cluster = map.getByRole('button', { name: new RegExp(`^${interpolate(fr['directory.map.cluster'], { n: 2, names: '' })}`) });
    await cluster.click();
    await expect(cluster).toHaveAttribute('aria-pressed', 'true');
    const chosen = map.getByRole('region', { name: fr['directory.map.chosen'] });
    await expect(chosen.getByRole('heading', { name: hospitalName })).toBeVisible();
    await expect(chosen.getByRole('link', { name: unitName })).toBeVisible();
    await expect(chosen.getByRole('link', { name: fr['directory.map.openInApp'] }).last()).toHaveAttribute('href', /^geo:34\.0405,-6\.8012\?q=34\.0405,-6\.8012\(/);
    await shots(nc, 'directory-map-fr');
    const court = map.getByRole('button', { name: interpolate(fr['directory.map.place'], { name: 'Tribunal de la carte (essai)', n: 1 }) });
    await court.focus();
    await nc.keyboard.press('Enter');
    await expect(chosen.getByRole('link', { name: 'Cellule d’aide aux victimes (essai)' })).toBeVisible();
    await expect(chosen.getByRole('link', { name: unitName })).toHaveCount(0);
    await cluster.click();
  });

  await test.step('she follows the link to the service; its place links to the maps application and OpenStreetMap', async () => {
    await map.getByRole('region', { name: fr['directory.map.chosen'] }).getByRole('link', { name: unitName }).click();
    await expect(nc.getByRole('heading', { level: 1, name: unitName })).toBeVisible();
    const where = nc.getByRole('region', { name: fr['directory.service.where'], exact: true });
    await expect(where.getByRole('link', { name: fr['directory.map.openStreetMap'] })).toHaveAttribute('href', 'https://www.openstreetmap.org/?mlat=34.0405&mlon=-6.8012#map=16/34.0405/-6.8012');
    await expect(where.getByRole('link', { name: fr['directory.map.openInApp'] })).toHaveAttribute('href', /^geo:34\.0405,-6\.8012/);
    // Back to the search: the map again, with the same territory.
    await nc.goBack();
    await expect(nc.getByRole('region', { name: fr['directory.map.title'] })).toBeVisible();
  });

  await test.step('in Arabic the panel reads right to left; the map keeps north up and west left', async () => {
    await nc.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(nc.locator('html')).toHaveAttribute('dir', 'rtl');
    const arMap = nc.getByRole('region', { name: ar['directory.map.title'] });
    await expect(arMap.getByRole('group', { name: ar['directory.map.title'] }).getByRole('button')).toHaveCount(3);
    const court = arMap.getByRole('button', { name: interpolate(ar['directory.map.place'], { name: 'Tribunal de la carte (essai)', n: 1 }) });
    const station = arMap.getByRole('button', { name: interpolate(ar['directory.map.place'], { name: 'Commissariat de la carte (essai)', n: 1 }) });
    // Kénitra is north-east of Rabat: to the right and above, in Arabic too.
    const [c, s] = [await court.boundingBox(), await station.boundingBox()];
    expect(s!.x).toBeGreaterThan(c!.x);
    expect(s!.y).toBeLessThan(c!.y);
    await station.click();
    await expect(arMap.getByRole('region', { name: ar['directory.map.chosen'] }).getByRole('link', { name: 'Brigade des mineurs (essai)' })).toBeVisible();
    await shots(nc, 'directory-map-ar');
    await nc.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
