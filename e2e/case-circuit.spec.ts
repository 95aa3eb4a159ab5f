import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { conditionText, interpolate, wallClockNow } from '@relais/core';
import { apiOf, ar, enterAsAdmin, ensureGbvSection, fr, logInAs, logInAsNetworkCoordinator, shots, type Api } from './fixtures.ts';

// Synthetic actors, services, phones and people only (no real data); a territory and a section no other spec uses.
const coordinator = { username: 'coord.casecircuit', displayName: 'Coordinatrice Réseau', password: 'un réseau qui se parle' };
const worker = { username: 'as.circuit', displayName: 'Assistante Circuit', password: 'les prochaines étapes' };
const section = { code: 'CIRCS', name: 'Section Circuit' };
const territory = { code: 'e2e_skhirat', name: { fr: 'Skhirat (essai)', ar: 'الصخيرات (تجربة)' } };
const phone = '0537 62 63 64';
const title = { fr: 'Adulte survivante de violence (essai)', ar: 'راشدة ناجية من العنف (تجربة)' };
const stepTitles = ['Urgences médicales', 'Gendarmerie', 'Aide juridique', 'Protection de l’enfance'];

/** The card alone on a phone (the whole page is long there), beside the fixtures' page screenshots (only when RELAIS_E2E_SHOTS is set, like them). */
async function cardShot(page: Page, card: Locator, name: string) {
  const dir = process.env.RELAIS_E2E_SHOTS;
  if (dir) {
    await page.setViewportSize({ width: 360, height: 740 });
    await card.screenshot({ path: path.join(dir, `${name}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The coordinator's territory, an emergency service with its phone, and one circuit of four steps (or what an earlier run made). */
async function seed(api: Api): Promise<void> {
  if ((await api.get<{ items: unknown[] }>(`/circuits?territory=${territory.code}`)).items.length) return;
  const territories = (await api.get<{ items: { code: string }[] }>('/directory/territories')).items;
  if (!territories.some((t) => t.code === territory.code)) await api.post('/directory/territories', territory);
  const hospital = await api.post<{ id: string }>('/directory/organizations', { id: randomUUID(), name: 'Centre hospitalier (essai)' });
  const emergency = await api.post<{ id: string }>('/directory/services', { id: randomUUID(), organizationId: hospital.id, name: 'Unité femmes victimes (essai)', serviceType: 'medical_emergency', territories: [territory.code], phones: [{ number: phone }] });
  await api.post('/circuits', {
    id: randomUUID(),
    territory: territory.code,
    caseType: 'adult_survivor',
    title,
    revision: {
      validatedOn: '2026-04-02',
      validatedBy: 'Atelier de coordination de Skhirat',
      steps: [
        { title: { fr: stepTitles[0], ar: 'المستعجلات الطبية' }, serviceId: emergency.id, conditions: [{ kind: 'within_hours', hours: 72 }], bring: [{ fr: 'Pièce d’identité', ar: 'بطاقة التعريف' }] },
        { title: { fr: stepTitles[1], ar: 'الدرك الملكي' }, serviceType: 'gendarmerie', conditions: [{ kind: 'rural' }], accompaniedBy: { fr: 'L’assistante sociale', ar: 'المساعدة الاجتماعية' } },
        { title: { fr: stepTitles[2], ar: 'المساعدة القانونية' }, serviceType: 'legal_aid', conditions: [{ kind: 'adult' }] },
        { title: { fr: stepTitles[3], ar: 'حماية الطفولة' }, serviceType: 'child_protection', conditions: [{ kind: 'child' }] },
      ],
    },
  });
}

test('from a case, the next steps of its territory’s circuit, each condition checked against the case', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await enterAsAdmin(page);
  const admin = await apiOf(page);
  await seed(await apiOf(await logInAsNetworkCoordinator(admin, browser, coordinator)));
  // An adult (born 1994) whose incident was 30 h ago; her section names no territory yet (a rerun clears it).
  const { sectionId, personId } = await ensureGbvSection(admin, section, worker, 1994);
  await admin.patch(`/org-units/${sectionId}`, { territory: null });
  const sw = await logInAs(browser, worker);
  const api = await apiOf(sw);
  const { timeZone } = await api.get<{ timeZone: string }>('/cases/settings');
  const opened = await api.post<{ id: string }>('/cases', {
    beneficiaryId: personId,
    program: 'gbv',
    orgUnitId: sectionId,
    openedAt: wallClockNow(timeZone),
    entryDoor: 'walk_in',
    incident: { at: wallClockNow(timeZone, new Date(Date.now() - 30 * 3600_000)) },
  });
  const card = sw.getByRole('region', { name: fr['circuits.case.title'], exact: true });

  await test.step('a case whose unit has no territory says so, and offers the territories', async () => {
    await sw.goto(`/cases/${opened.id}`);
    await expect(card.getByText(fr['circuits.case.noTerritory'])).toBeVisible();
    await expect(card.getByLabel(fr['field.territory'], { exact: true }).locator('option', { hasText: territory.name.fr })).toHaveCount(1);
  });

  await test.step('the administrator places the section in the territory from the units screen', async () => {
    await page.goto('/org-units');
    await page.getByRole('button', { name: new RegExp(section.name) }).click();
    const form = page.getByRole('region', { name: interpolate(fr['orgUnits.editTitle'], { name: section.name }) });
    await form.getByLabel(fr['orgUnits.territory'], { exact: true }).selectOption(territory.code);
    await form.getByRole('button', { name: fr['common.save'] }).click();
    await expect(page.getByText(fr['common.saved'])).toBeVisible();
  });

  await test.step('the case page: the territory’s only circuit, its steps in order, the phone from the directory', async () => {
    await sw.reload();
    await expect(card.getByLabel(fr['field.territory'], { exact: true })).toHaveValue(territory.code);
    const steps = card.getByRole('list', { name: fr['circuits.flow'] }).locator(':scope > li');
    await expect(steps).toHaveCount(4);
    await expect(steps.locator(':scope > h3')).toHaveText([
      `1${stepTitles[0]}${fr['circuits.case.applies']}`,
      `2${stepTitles[1]}${fr['circuits.case.applies']}`,
      `3${stepTitles[2]}${fr['circuits.case.applies']}`,
      `4${stepTitles[3]}${fr['circuits.case.doesNotApply']}`,
    ]);
    await expect(steps.nth(0).getByRole('link', { name: phone })).toHaveAttribute('href', 'tel:0537626364');
    await expect(steps.nth(0)).toContainText(`${conditionText('fr', { kind: 'within_hours', hours: 72 })} · ${fr['circuits.case.status.met']}`);
    await expect(steps.nth(0)).toContainText('Pièce d’identité');
    await expect(steps.nth(1)).toContainText(`${conditionText('fr', { kind: 'rural' })} · ${fr['circuits.case.status.to_judge']}`);
    await expect(steps.nth(1)).toContainText('L’assistante sociale');
    await expect(steps.nth(3)).toContainText(`${conditionText('fr', { kind: 'child' })} · ${fr['circuits.case.status.not_met']}`);
    await expect(steps.nth(3)).toHaveClass(/circ-step-off/);
    await expect(card.getByRole('link', { name: fr['circuits.case.openCircuit'] })).toHaveAttribute('href', /\/circuits\/[0-9a-f-]+$/);
    await expect(card.getByRole('link', { name: fr['circuits.poster'] })).toHaveAttribute('href', /\/poster\?size=A4&lang=fr$/);
    await card.scrollIntoViewIfNeeded();
    await shots(sw, 'case-circuit-fr');
    await cardShot(sw, card, 'case-circuit-fr-360-card');
  });

  await test.step('in Arabic the card reads right to left with the circuit’s Arabic words', async () => {
    await sw.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(sw.locator('html')).toHaveAttribute('dir', 'rtl');
    const arCard = sw.getByRole('region', { name: ar['circuits.case.title'], exact: true });
    const steps = arCard.getByRole('list', { name: ar['circuits.flow'] }).locator(':scope > li');
    await expect(steps.nth(0)).toContainText('المستعجلات الطبية');
    await expect(steps.nth(0)).toContainText(`${conditionText('ar', { kind: 'within_hours', hours: 72 })} · ${ar['circuits.case.status.met']}`);
    await expect(steps.nth(3)).toContainText(ar['circuits.case.doesNotApply']);
    await expect(steps.nth(0).getByRole('link', { name: phone })).toBeVisible();
    await shots(sw, 'case-circuit-ar');
    await cardShot(sw, arCard, 'case-circuit-ar-360-card');
    await sw.getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
  });
});
