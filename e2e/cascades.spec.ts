import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, ar, enterAsAdmin, ensureUnit, ensureUser, fr, goTo, logInAs, shots, type Api } from './fixtures.ts';

// Synthetic actors, people and services only (no real data); a section no other spec uses.
const section = { code: 'CASC', name: 'Section Cascades' };
const coordinator = { username: 'coord.cascades', displayName: 'Coordinatrice Cascades', password: 'une cascade bien suivie' };
const network = { username: 'coord.reseau.casc', displayName: 'Réseau Cascades', password: 'un réseau bien tenu' };
const territory = { code: 'e2e_casc', name: { fr: 'Territoire cascades (essai)', ar: 'مجال التسلسل (تجربة)' } };
// Each run its own words: the data directory is shared by the specs and by retries.
const stamp = randomUUID().slice(0, 6);
const theme = `Mon corps m’appartient ${stamp}`;
const sessionTheme = `Séance au collège ${stamp}`;
const serviceName = `Unité de protection de l’enfance ${stamp}`;
const professional = `Nadia Essai ${stamp}`;
const peer = `Yasmine ${stamp}`;

/** A directory service of a territory, seeded by a network coordinator (directory.manage) through the API. */
async function seedService(api: Api) {
  const territories = (await api.get<{ items: { code: string }[] }>('/directory/territories')).items;
  if (!territories.some((t) => t.code === territory.code)) await api.post('/directory/territories', territory);
  const org = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: `Hôpital d’enfants ${stamp}` });
  await api.post('/directory/services', { id: randomUUID(), organizationId: org.id, name: serviceName, serviceType: 'child_protection', territories: [territory.code], phones: [{ number: '0537 11 22 33' }] });
}

test.describe.configure({ mode: 'serial' });

test('cascades: a training and its people, a cascade session with counts, a disclosure that enters the circuit, the tree and the report', async ({ page, browser }) => {
  // A whole scenario across six screens, two users and two languages: longer than one screen's minute.
  test.setTimeout(180_000);
  let co: Page = page;
  await test.step('the administrator opens child protection, a section, its coordinator and a network coordinator; the latter adds a directory service', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    await api.patch('/programs/child_protection', { enabled: true });
    const sectionId = await ensureUnit(api, { ...section, level: 'section' });
    await ensureUser(api, coordinator, [{ role: 'coordinator', orgUnitId: sectionId, programs: null }]);
    const units = (await api.get<{ items: { id: string; parentId: string | null }[] }>('/org-units')).items;
    await ensureUser(api, network, [{ role: 'network_coordinator', orgUnitId: units.find((u) => u.parentId === null)!.id, programs: null }]);
    const nc = await logInAs(browser, network);
    await seedService(await apiOf(nc));
    co = await logInAs(browser, coordinator);
  });

  let trainingUrl = '';
  await test.step('the coordinator records a training from "Formations et cascades"', async () => {
    await goTo(co, 'nav.field', 'shell.trainings');
    await expect(co.getByRole('heading', { level: 1, name: fr['cascades.title'] })).toBeVisible();
    await co.getByRole('link', { name: fr['cascades.new'], exact: true }).click();
    await co.getByLabel(fr['field.program'], { exact: true }).selectOption('child_protection');
    await expect(co.getByLabel(fr['capture.unit'], { exact: true }).locator('option:checked')).toContainText(section.name);
    await co.getByLabel(fr['cascades.kind'], { exact: true }).selectOption('training_of_trainers');
    await co.getByLabel(fr['field.theme'], { exact: true }).fill(theme);
    await co.getByRole('button', { name: fr['cascades.submitTraining'], exact: true }).click();
    await expect(co.getByRole('heading', { level: 1, name: theme })).toBeVisible();
    trainingUrl = co.url();
  });

  const attendance = () => co.getByRole('list', { name: fr['cascades.attendance'] });
  await test.step('she adds a new professional and a peer educator, and marks the peer educator absent', async () => {
    const add = async (kind: string, name: string, sex: string, birthYear: string, organisation: string) => {
      await co.getByLabel(fr['field.kind'], { exact: true }).selectOption(kind);
      await co.getByLabel(fr['field.name'], { exact: true }).fill(name);
      await co.getByLabel(fr['field.sex'], { exact: true }).selectOption(sex);
      await co.getByLabel(fr['field.birthYear'], { exact: true }).fill(birthYear);
      await co.getByLabel(fr['field.organisation'], { exact: true }).fill(organisation);
      await co.getByRole('button', { name: fr['cascades.addSubmit'], exact: true }).click();
      await expect(co.getByText(interpolate(fr['cascades.added'], { name }))).toBeVisible();
    };
    await expect(co.getByText(fr['cascades.nameHint'])).toBeVisible();
    await add('professional', professional, 'F', '1988', 'Entraide Nationale');
    await add('peer_educator', peer, 'F', '2011', 'Association des jeunes');
    await expect(attendance().getByRole('listitem')).toHaveCount(2);
    await co.getByRole('button', { name: interpolate(fr['cascades.markAbsent'], { name: peer }) }).click();
    await expect(attendance().getByRole('listitem').filter({ hasText: peer })).toContainText(fr['cascades.absent']);
    await expect(co.getByText(interpolate(fr['cascades.attended'], { attended: 1, enrolled: 2 })).first()).toBeVisible();
    await shots(co, 'cascades-training-fr');
  });

  await test.step('"Séance en cascade" on the professional opens the group session with the training and her prefilled; counts by age and sex', async () => {
    await co.getByRole('link', { name: interpolate(fr['cascades.cascadeSessionBy'], { name: professional }) }).click();
    await expect(co.getByRole('heading', { level: 1, name: fr['group.title'] })).toBeVisible();
    await expect(co.getByLabel(fr['field.trainingId'], { exact: true })).toHaveValue(new URL(trainingUrl).pathname.split('/').pop()!);
    await expect(co.getByLabel(fr['field.ledByTraineeId'], { exact: true }).locator('option:checked')).toHaveText(professional);
    await expect(co.getByLabel(fr['field.program'], { exact: true })).toHaveValue('child_protection');
    await co.getByLabel(fr['field.type'], { exact: true }).selectOption('awareness_children');
    await co.getByLabel(fr['field.theme'], { exact: true }).fill(sessionTheme);
    await co.getByLabel(`${fr['age_group.9-11']} · ${fr['sex.F']}`, { exact: true }).fill('6');
    await co.getByLabel(`${fr['age_group.9-11']} · ${fr['sex.M']}`, { exact: true }).fill('4');
    // Counts without an audience are refused, naming the field.
    await co.getByRole('button', { name: fr['group.submit'], exact: true }).click();
    await expect(co.getByText(interpolate(fr['validation.required'], { field: fr['field.audience'] }))).toBeVisible();
    await co.getByLabel(fr['field.audience'], { exact: true }).selectOption('children');
    await co.getByLabel(fr['field.disabilityCount'], { exact: true }).fill('1');
    await expect(co.getByText(interpolate(fr['cascades.total'], { n: 10 }))).toBeVisible();
    await shots(co, 'cascades-session-fr');
    await co.getByRole('button', { name: fr['group.submit'], exact: true }).click();
    await expect(co.getByText(interpolate(fr['group.saved'], { attendees: 0, anonymous: 10 }))).toBeVisible();
  });

  await test.step('from the saved session, she records an anonymous disclosure (confidential note)', async () => {
    await co.getByRole('link', { name: fr['cascades.disclose'], exact: true }).click();
    await expect(co.getByRole('heading', { level: 1, name: fr['disclosures.newTitle'] })).toBeVisible();
    await expect(co.getByText(sessionTheme)).toBeVisible();
    await co.getByLabel(fr['field.sex'], { exact: true }).selectOption('F');
    await co.getByLabel(fr['field.ageGroup'], { exact: true }).selectOption('9-11');
    await expect(co.getByText(fr['disclosures.noteHint'])).toBeVisible();
    await co.getByLabel(fr['field.note'], { exact: true }).fill('Récit confié après la séance (essai)');
    await shots(co, 'cascades-disclosure-fr');
    await co.getByRole('button', { name: fr['disclosures.submit'], exact: true }).click();
    await expect(co.getByText(fr['disclosures.saved'])).toBeVisible();
  });

  const card = () => co.getByRole('listitem').filter({ hasText: sessionTheme });
  await test.step('the worklist shows it waiting; she enters it into the circuit by a referral to the directory service', async () => {
    await co.getByRole('link', { name: fr['disclosures.toList'], exact: true }).click();
    const waiting = co.getByRole('region', { name: fr['disclosures.waiting'] });
    await expect(waiting.getByRole('listitem').filter({ hasText: sessionTheme })).toContainText(interpolate(fr['disclosures.waitingDays'], { n: 0 }));
    await card().getByRole('button', { name: fr['disclosures.enter'], exact: true }).click();
    await card().getByLabel(fr['disclosures.serviceSearch'], { exact: true }).fill(stamp);
    await card().getByLabel(fr['field.serviceId'], { exact: true }).selectOption({ label: `${serviceName} · Hôpital d’enfants ${stamp}` });
    await shots(co, 'cascades-worklist-fr');
    await card().getByRole('button', { name: fr['disclosures.confirm'], exact: true }).click();
    await expect(co.getByText(fr['disclosures.enteredOk'])).toBeVisible();
    const entered = co.getByRole('region', { name: fr['disclosures.entered'] }).getByRole('listitem').filter({ hasText: sessionTheme });
    await expect(entered).toContainText(fr['disclosures.inTime']);
    await expect(entered).toContainText(interpolate(fr['disclosures.to'], { name: serviceName }));
  });

  await test.step('the training’s tree shows the session under the professional, with its 10 persons sensitised and its disclosure', async () => {
    await co.goto(trainingUrl);
    const tree = co.getByRole('list', { name: fr['cascades.tree'] });
    const branch = tree.getByRole('listitem').filter({ hasText: professional }).first();
    await expect(branch).toContainText(interpolate(fr['cascades.session'], { date: '', audience: fr['audience.children'], n: 10 }).trim());
    await expect(branch).toContainText(interpolate(fr['cascades.sessionDisclosures'], { n: 1 }));
    await expect(tree).not.toContainText(peer); // absent: not a branch of the cascade
    await shots(co, 'cascades-tree-fr');
    await co.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(co.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(co.getByRole('list', { name: ar['cascades.tree'] })).toContainText(ar['audience.children']);
    await shots(co, 'cascades-tree-ar');
    await co.goto('/disclosures');
    await expect(co.getByRole('heading', { level: 1, name: ar['disclosures.title'] })).toBeVisible();
    await shots(co, 'cascades-worklist-ar');
    await co.goto('/group-sessions/new');
    await expect(co.getByRole('heading', { level: 1, name: ar['group.title'] })).toBeVisible();
    await shots(co, 'cascades-session-ar');
    await co.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });

  await test.step('the pivot of persons sensitised by audience shows the children counted, as the API counts them', async () => {
    const year = new Date().getFullYear();
    const api = await apiOf(co);
    const rows = (await api.post<{ rows: { audience: string; value: number }[] }>('/reports/query', { program: 'child_protection', period: String(year), indicators: ['persons_sensitised'], by: ['audience'] })).rows;
    const children = rows.find((r) => r.audience === 'children')!.value;
    expect(children).toBeGreaterThanOrEqual(10);
    await goTo(co, 'nav.reports', 'shell.pivot');
    await co.getByLabel(fr['field.program'], { exact: true }).selectOption('child_protection');
    await co.getByRole('button', { name: new RegExp(fr['reports.chooseIndicators'].split(' (')[0]!) }).click();
    for (const box of await co.getByRole('group', { name: fr['reports.indicators'] }).getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await co.getByRole('checkbox', { name: fr['indicator.persons_sensitised'], exact: true }).check();
    await co.getByLabel(fr['pivot.rows'], { exact: true }).selectOption('audience');
    await co.getByRole('button', { name: fr['pivot.run'], exact: true }).click();
    const table = co.getByRole('table', { name: `${interpolate(fr['pivot.captionOne'], { indicator: fr['indicator.persons_sensitised'], rows: fr['report.dimension.audience'] })} — ${year}` });
    const row = table.getByRole('row').filter({ has: co.getByRole('rowheader', { name: fr['audience.children'], exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText(String(children));
    await shots(co, 'cascades-pivot-fr');
  });
});
