import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { conditionText, interpolate, monthsBefore } from '@relais/core';
import { apiOf, ar, enterAsAdmin, fr, goTo, isoToday, logInAsNetworkCoordinator, shot, shots, type Api } from './fixtures.ts';

// Synthetic actors, services and phones only (no real data); a territory no other spec uses.
const coordinator = { username: 'coord.circuits', displayName: 'Coordinatrice Circuits', password: 'des circuits bien tracés' };
const territory = { code: 'e2e_temara', name: { fr: 'Témara (essai)', ar: 'تمارة (تجربة)' } };
const caseType = 'child_sexual_violence';
const phones = { emergency: '0537 21 31 41', police: '0537 51 61 71', listening: '0537 81 91 01' };
const names = { emergency: 'Urgences pédiatriques (essai)', police: 'Brigade des mineurs (essai)', listening: 'Écoute enfance (essai)' };
const titles = { fr: 'Enfant victime de violence sexuelle (essai)', ar: 'طفل ضحية عنف جنسي (تجربة)' };


const conditions = [[{ kind: 'within_hours' as const, hours: 72 }, { kind: 'child' as const }], [{ kind: 'urban' as const }], [{ kind: 'text' as const, text: { fr: 'Si l’enfant le souhaite', ar: 'إذا رغب الطفل في ذلك' } }]];

/**
 * Through the API, as the coordinator: her territory, three services (the third imported in HSDS
 * form as last verified seven months ago, hence stale), and a circuit of three steps with
 * conditions — or the circuit an earlier run drew (one circuit per territory and case type).
 */
async function seed(api: Api): Promise<{ id: string; revision: number }> {
  const existing = (await api.get<{ items: { id: string; revision: { number: number } }[] }>(`/circuits?territory=${territory.code}&caseType=${caseType}`)).items[0];
  if (existing) return { id: existing.id, revision: existing.revision.number };
  const territories = (await api.get<{ items: { code: string }[] }>('/directory/territories')).items;
  if (!territories.some((t) => t.code === territory.code)) await api.post('/directory/territories', territory);
  const hospital = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: 'Hôpital d’enfants (essai)' });
  const police = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: 'Sûreté (essai)' });
  const place = await api.post<{ id: string }>('/directory/locations', { id: randomUUID(), organizationId: hospital.id, name: 'Pavillon enfants', address: { address1: '3 rue de l’Essai', city: 'Témara' } });
  const emergency = await api.post<{ id: string }>('/directory/services', {
    id: randomUUID(),
    organizationId: hospital.id,
    name: names.emergency,
    serviceType: 'medical_emergency',
    territories: [territory.code],
    locations: [{ locationId: place.id, hours: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '23:59' }] }],
    phones: [{ number: phones.emergency }],
  });
  const brigade = await api.post<{ id: string }>('/directory/services', { id: randomUUID(), organizationId: police.id, name: names.police, serviceType: 'police', territories: [territory.code], phones: [{ number: phones.police }] });
  const listeningId = randomUUID();
  await api.post('/directory/hsds/import', [
    {
      id: listeningId,
      name: names.listening,
      status: 'active',
      assured_date: monthsBefore(isoToday(), 7),
      organization: { id: randomUUID(), name: 'Association d’écoute (essai)', assured_date: isoToday() },
      service_at_locations: [],
      contacts: [],
      phones: [{ id: randomUUID(), number: phones.listening }],
      service_areas: [{ name: territory.code }],
      attributes: [{ taxonomy_term: { code: 'psychosocial', taxonomy: 'relais-service-type' } }],
    },
  ]);
  const circuit = await api.post<{ id: string }>('/circuits', {
    id: randomUUID(),
    territory: territory.code,
    caseType,
    title: titles,
    revision: {
      validatedOn: '2026-03-12',
      validatedBy: 'Atelier de coordination de Témara',
      steps: [
        { title: { fr: 'Urgences médicales', ar: 'المستعجلات الطبية' }, serviceId: emergency.id, conditions: conditions[0], bring: [{ fr: 'Carnet de santé', ar: 'الدفتر الصحي' }] },
        { title: { fr: 'Plainte à la police', ar: 'الشكاية لدى الشرطة' }, serviceId: brigade.id, conditions: conditions[1], accompaniedBy: { fr: 'L’assistante sociale', ar: 'المساعدة الاجتماعية' } },
        { title: { fr: 'Écoute et soutien', ar: 'الإنصات والدعم' }, serviceId: listeningId, conditions: conditions[2] },
      ],
    },
  });
  return { id: circuit.id, revision: 1 };
}

test('a care circuit reads as a flow of steps, and prints as a poster in French and in Arabic', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await enterAsAdmin(page);
  const admin = await apiOf(page);
  const nc = await logInAsNetworkCoordinator(admin, browser, coordinator);
  const { id, revision: n } = await seed(await apiOf(nc));
  const lineOf = (number: number) => interpolate(fr['circuits.revisionLine'], { n: number, date: '12 mars 2026', who: 'Atelier de coordination de Témara' });
  const revision = lineOf(n);

  await test.step('the list of the territory shows the circuit, its steps and its revision', async () => {
    await goTo(nc, 'nav.field', 'shell.circuits');
    await expect(nc.getByRole('heading', { level: 1, name: fr['circuits.title'] })).toBeVisible();
    await nc.getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    const card = nc.getByRole('listitem').filter({ has: nc.getByRole('link', { name: interpolate(fr['circuits.open'], { title: titles.fr }) }) });
    await expect(card).toContainText(interpolate(fr['circuits.steps'], { n: 3 }));
    await expect(card).toContainText(revision);
    await card.getByRole('link').click();
  });

  await test.step('the circuit: three numbered steps in order, their conditions in French, the services to call', async () => {
    await expect(nc.getByRole('heading', { level: 1, name: titles.fr })).toBeVisible();
    await expect(nc.getByText(revision)).toBeVisible();
    const flow = nc.getByRole('list', { name: fr['circuits.flow'] });
    const steps = flow.locator(':scope > li');
    await expect(steps).toHaveCount(3);
    await expect(steps.locator(':scope > h3')).toHaveText(['1Urgences médicales', '2Plainte à la police', '3Écoute et soutien']);
    for (const [i, list] of conditions.entries()) for (const c of list) await expect(steps.nth(i)).toContainText(conditionText('fr', c));
    await expect(steps.nth(0).getByRole('link', { name: phones.emergency })).toHaveAttribute('href', 'tel:0537213141');
    await expect(steps.nth(0)).toContainText('Carnet de santé');
    await expect(steps.nth(1)).toContainText('L’assistante sociale');
    await expect(steps.nth(2)).toContainText(fr['directory.stale']);
    await shots(nc, 'circuit-fr');
  });

  await test.step('the poster lists the services with their phones, the revision and the day printed', async () => {
    await nc.getByRole('link', { name: fr['circuits.poster'] }).click();
    const poster = nc.getByRole('article', { name: titles.fr });
    await expect(poster).toBeVisible();
    for (const name of Object.values(names)) await expect(poster).toContainText(name);
    for (const phone of Object.values(phones)) await expect(poster.getByRole('link', { name: phone })).toBeVisible();
    await expect(poster).toContainText(revision);
    await expect(poster).toContainText(interpolate(fr['circuits.printedOn'], { date: new Intl.DateTimeFormat('fr-MA', { dateStyle: 'long' }).format(new Date()) }));
    await expect(poster).toContainText(fr['directory.stale']);
    await shots(nc, 'poster-fr', { paper: true });
  });

  await test.step('in Arabic the poster reads right to left, with the Arabic conditions of core', async () => {
    await nc.getByLabel(fr['circuits.posterLanguage'], { exact: true }).selectOption('ar');
    const poster = nc.getByRole('article', { name: titles.ar });
    await expect(poster).toHaveAttribute('dir', 'rtl');
    for (const list of conditions) for (const c of list) await expect(poster).toContainText(conditionText('ar', c));
    await expect(poster).toContainText(ar['directory.stale']);
    await expect(poster.getByRole('link', { name: phones.police })).toBeVisible();
    // A phone number reads left to right inside the Arabic text: its first digit left of its last.
    const [first, last] = await poster.getByRole('link', { name: phones.police }).evaluate((a) => {
      const range = document.createRange();
      const at = (i: number) => (range.setStart(a.firstChild!, i), range.setEnd(a.firstChild!, i + 1), range.getBoundingClientRect().x);
      return [at(0), at((a.textContent ?? '').length - 1)];
    });
    expect(first).toBeLessThan(last!);
    await shots(nc, 'poster-ar', { paper: true });
  });

  await test.step('the circuit page in Arabic, on a phone and a desktop', async () => {
    await nc.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(nc.locator('html')).toHaveAttribute('dir', 'rtl');
    await nc.getByRole('link', { name: ar['circuits.backToCircuit'] }).click();
    await expect(nc).toHaveURL(new RegExp(`/circuits/${id}$`));
    await expect(nc.getByRole('heading', { level: 1, name: titles.ar })).toBeVisible();
    await expect(nc.getByRole('list', { name: ar['circuits.flow'] })).toContainText(conditionText('ar', { kind: 'urban' }));
    await shots(nc, 'circuit-ar');
    await nc.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });

  await test.step('she draws a new revision from the current one: step 2 now for adults too; the earlier one stays', async () => {
    await nc.getByRole('link', { name: fr['circuits.revise'] }).click();
    const form = nc.getByRole('form', { name: interpolate(fr['circuits.reviseTitle'], { title: titles.fr }) });
    await form.getByLabel(fr['circuits.form.validatedOn'], { exact: true }).fill('2026-03-12');
    await form.getByLabel(fr['circuits.form.validatedBy'], { exact: true }).fill('Atelier de coordination de Témara');
    const step2 = form.getByRole('group', { name: interpolate(fr['circuits.step'], { n: 2 }) });
    await expect(step2.getByLabel(fr['circuits.form.titleFr'], { exact: true })).toHaveValue('Plainte à la police');
    await step2.getByLabel(fr['circuit.condition.adult'], { exact: true }).check();
    await shot(nc, 'form-fr-1280');
    await form.getByRole('button', { name: fr['circuits.form.submitRevision'] }).click();
    await expect(nc.getByText(lineOf(n + 1))).toBeVisible();
    const flow = nc.getByRole('list', { name: fr['circuits.flow'] });
    await expect(flow.locator(':scope > li').nth(1)).toContainText(conditionText('fr', { kind: 'adult' }));
    await shot(nc, 'revise-fr-1280');
    await nc.getByLabel(fr['circuits.revision'], { exact: true }).selectOption(String(n));
    await expect(nc.getByText(revision)).toBeVisible();
    await expect(nc.getByText(interpolate(fr['circuits.earlier'], { n: n + 1 }))).toBeVisible();
  });

  await test.step('she draws a new circuit of one step, any police service of the territory (a fresh case type: one circuit per type)', async () => {
    const fresh = `e2e_${randomUUID().slice(0, 8)}`;
    await nc.goto('/circuits');
    await nc.getByRole('link', { name: fr['circuits.new'] }).click();
    const form = nc.getByRole('form', { name: fr['circuits.new'] });
    await form.getByLabel(fr['field.territory'], { exact: true }).selectOption(territory.code);
    await form.getByLabel(fr['circuits.form.caseType'], { exact: true }).fill(fresh);
    await form.getByLabel(fr['circuits.form.titleFr'], { exact: true }).first().fill('Circuit d’essai');
    await form.getByLabel(fr['circuits.form.validatedOn'], { exact: true }).fill('2026-03-12');
    await form.getByLabel(fr['circuits.form.validatedBy'], { exact: true }).fill('Atelier de coordination de Témara');
    const step = form.getByRole('group', { name: interpolate(fr['circuits.step'], { n: 1 }) });
    await step.getByLabel(fr['circuits.form.titleFr'], { exact: true }).fill('Police');
    await step.getByLabel(fr['circuits.form.aType'], { exact: true }).check();
    await step.getByLabel(fr['circuits.form.serviceType'], { exact: true }).selectOption('police');
    await step.getByLabel(fr['circuit.condition.rural'], { exact: true }).check();
    await form.getByRole('button', { name: fr['circuits.form.submit'] }).click();
    await expect(nc.getByRole('heading', { level: 1, name: 'Circuit d’essai' })).toBeVisible();
    await expect(nc.getByText(lineOf(1))).toBeVisible();
    const flow = nc.getByRole('list', { name: fr['circuits.flow'] });
    await expect(flow).toContainText(conditionText('fr', { kind: 'rural' }));
    await expect(flow.getByRole('link', { name: phones.police })).toBeVisible();
  });
});
