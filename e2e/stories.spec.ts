import { expect, test, type Browser } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, enterAsAdmin, ensureGbvSection, fr, goTo, logInAs } from './fixtures.ts';

// Synthetic people and users only (no real data); codes no other spec uses.
const section = { code: 'MSCW', name: 'Section Histoires' };
const worker = { username: 'as.histoires', displayName: 'Assistante Histoires', password: 'raconter le changement' };

const asWorker = (browser: Browser) => logInAs(browser, worker);

test('a social worker collects a story from a person’s record, then a round chooses it for its domain with the panel’s reasons', async ({ page, browser }) => {
  let data = { sectionId: '', personId: '', code: '' };
  const nextYear = `${new Date().getFullYear() + 1}-12-31`;
  await test.step('the administrator makes the section, the social worker and a person', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    data = await ensureGbvSection(api, section, worker, 1990);
  });

  const sw = await asWorker(browser);
  await test.step('from the person’s record she collects a story, with consent to the donor report and an anonymised text', async () => {
    await sw.goto(`/beneficiaries/${data.personId}`);
    const card = sw.getByRole('region', { name: fr['stories.person.title'], exact: true });
    await expect(card).toContainText(fr['stories.person.none']);
    await card.getByRole('link', { name: fr['stories.collect'], exact: true }).click();
    await expect(sw.getByRole('heading', { level: 1, name: interpolate(fr['stories.collect.title'], { code: data.code }) })).toBeVisible();
    const form = sw.getByRole('form', { name: fr['stories.collect'] });
    await form.getByLabel(fr['field.program'], { exact: true }).selectOption('gbv');
    await form.getByLabel(fr['field.orgUnitId'], { exact: true }).selectOption(data.sectionId);
    await form.getByLabel(fr['field.domain'], { exact: true }).selectOption({ label: fr['change_domain.autonomy'] });
    await form.getByLabel(fr['field.story'], { exact: true }).fill('Je ne sortais plus. Aujourd’hui je tiens un petit commerce avec ma sœur.');
    await form.getByLabel(fr['field.significance'], { exact: true }).fill('Je décide de ma vie.');
    await form.getByLabel(fr['story_consent.donor_report'], { exact: true }).check();
    await form.getByLabel(fr['field.consentExpiresOn'], { exact: true }).fill(nextYear);
    await form.getByLabel(fr['field.anonymisedText'], { exact: true }).fill('Une femme accompagnée a ouvert un commerce et décide de sa vie.');
    await form.getByRole('button', { name: fr['stories.collect.submit'] }).click();
    await expect(sw.getByRole('heading', { level: 1, name: interpolate(fr['stories.story.title'], { code: data.code }) })).toBeVisible();
    await expect(sw.getByRole('region', { name: fr['field.story'], exact: true })).toContainText('petit commerce');
  });

  await test.step('the stories list shows it under « Suivi »', async () => {
    await goTo(sw, 'nav.followUp', 'shell.stories');
    await expect(sw.getByRole('row').filter({ hasText: data.code })).toContainText(fr['change_domain.autonomy']);
  });

  await test.step('a selection round on the section’s stories; the panel chooses it for autonomy with its reasons', async () => {
    await sw.getByRole('link', { name: fr['stories.rounds.link'] }).click();
    const form = sw.getByRole('form', { name: fr['stories.rounds.new'] });
    await form.getByLabel(fr['field.orgUnitId'], { exact: true }).selectOption(data.sectionId);
    await form.getByLabel(fr['field.period'], { exact: true }).fill(String(new Date().getFullYear()));
    await form.getByLabel(fr['field.panel'], { exact: true }).fill('Coordinatrice, psychologue, deux paires éducatrices');
    await form.getByRole('checkbox', { name: new RegExp(data.code) }).check();
    await form.getByRole('button', { name: fr['stories.rounds.submit'] }).click();
    const autonomy = sw.getByRole('region', { name: fr['change_domain.autonomy'], exact: true });
    await expect(autonomy).toContainText('petit commerce');
    await autonomy.getByRole('radio', { name: new RegExp(data.code) }).check();
    await autonomy.getByLabel(fr['stories.round.reasons']).fill('Le changement le plus profond : elle décide de sa vie.');
    await sw.getByRole('button', { name: fr['stories.round.save'] }).click();
    await expect(sw.getByRole('status').or(sw.getByRole('alert')).filter({ hasText: fr['stories.round.saved'] })).toBeVisible();
    await expect(autonomy).toContainText(fr['stories.round.chosen']);
  });

  await test.step('the donor list holds its anonymised text only', async () => {
    const selected = await sw.request.get(`/api/v1/stories/selected?period=${new Date().getFullYear()}&program=gbv&orgUnitId=${data.sectionId}`);
    const body = (await selected.json()) as { items: { anonymisedText: string }[] };
    expect(body.items.map((s) => s.anonymisedText)).toContain('Une femme accompagnée a ouvert un commerce et décide de sa vie.');
    expect(JSON.stringify(body)).not.toContain('petit commerce');
  });

  await test.step('she withdraws the consent to the donor report on the story: it leaves the donor list at once', async () => {
    await goTo(sw, 'nav.followUp', 'shell.stories');
    await sw.getByRole('link', { name: interpolate(fr['stories.openStoryOf'], { code: data.code }) }).click();
    const consent = sw.getByRole('form', { name: fr['stories.consent.title'] });
    await consent.getByLabel(fr['story_consent.donor_report'], { exact: true }).uncheck();
    await consent.getByRole('button', { name: fr['common.save'] }).click();
    await expect(consent.getByRole('status').filter({ hasText: fr['common.saved'] })).toBeVisible();
    const selected = await sw.request.get(`/api/v1/stories/selected?period=${new Date().getFullYear()}&program=gbv&orgUnitId=${data.sectionId}`);
    expect(((await selected.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
