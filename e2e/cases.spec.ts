import { expect, test, type Browser } from '@playwright/test';
import { interpolate, wallClockNow } from '@relais/core';
import { apiOf, ar, enterAsAdmin, ensureGbvSection, fr, goTo, logInAs } from './fixtures.ts';

// Synthetic people and users only (no real data); codes no other spec uses.
const section = { code: 'CASW', name: 'Section Dossiers' };
const worker = { username: 'as.dossiers', displayName: 'Assistante Dossiers', password: 'écoute et accompagnement' };

const asWorker = (browser: Browser) => logInAs(browser, worker);

test('a social worker opens a case with an incident 30 h ago: PEP countdown, plan, a PEP referral silences the alert, closing', async ({ page, browser }) => {
  let data = { sectionId: '', personId: '', code: '' };
  let incidentAt = '';
  await test.step('the administrator makes the section, the social worker and a person', async () => {
    await enterAsAdmin(page);
    const api = await apiOf(page);
    data = await ensureGbvSection(api, section, worker, 1994);
    const { timeZone } = await api.get<{ timeZone: string }>('/cases/settings');
    incidentAt = wallClockNow(timeZone, new Date(Date.now() - 30 * 3600_000));
  });

  const sw = await asWorker(browser);
  await test.step('from the person’s record she opens a case in the gbv program, with the incident', async () => {
    await sw.goto(`/beneficiaries/${data.personId}`);
    const cases = sw.getByRole('region', { name: fr['cases.person.title'], exact: true });
    await expect(cases).toContainText(fr['cases.person.none']);
    await cases.getByRole('link', { name: fr['cases.open'], exact: true }).click();
    await expect(sw.getByRole('heading', { level: 1, name: interpolate(fr['cases.open.title'], { code: data.code }) })).toBeVisible();
    const form = sw.getByRole('form', { name: fr['cases.open'] });
    await expect(form.getByLabel(fr['field.program'], { exact: true })).toHaveValue('gbv');
    await form.getByLabel(fr['field.orgUnitId'], { exact: true }).selectOption(data.sectionId);
    await form.getByLabel(fr['field.entryDoor'], { exact: true }).selectOption('walk_in');
    await expect(form.getByLabel(fr['cases.open.hasIncident'])).toBeChecked();
    await form.getByLabel(fr['cases.incident.date'], { exact: true }).fill(incidentAt.slice(0, 10));
    await form.getByLabel(fr['cases.incident.time'], { exact: true }).fill(incidentAt.slice(11, 16));
    await form.getByLabel(fr['field.incident.violenceType'], { exact: true }).selectOption({ label: fr['violence_type.physical_assault'] });
    await form.getByLabel(fr['field.incident.perpetrator'], { exact: true }).selectOption({ label: fr['perpetrator.client'] });
    await form.getByRole('button', { name: fr['cases.open.submit'] }).click();
  });

  const clock = sw.getByRole('region', { name: fr['cases.clock.title'], exact: true });
  await test.step('the case page: 42 h left for PEP (41 if the minute turned) and the PEP alert', async () => {
    await expect(sw.getByRole('heading', { level: 1, name: interpolate(fr['cases.case.title'], { code: data.code }) })).toBeVisible();
    await expect(clock.getByLabel(fr['cases.clock.pep'])).toContainText(/^.*4[12] h \d+ min restantes/);
    await expect(clock.getByRole('alert').filter({ hasText: fr['cases.alert.pep'] })).toBeVisible();
    await expect(clock.getByRole('alert').filter({ hasText: fr['cases.alert.ec'] })).toBeVisible();
    await expect(sw.getByRole('region', { name: fr['field.incident'], exact: true })).toContainText(fr['violence_type.physical_assault']);
  });

  await test.step('the worklist shows the case with « PPE : 42 h restantes »', async () => {
    await goTo(sw, 'nav.followUp', 'shell.cases');
    const row = sw.getByRole('row').filter({ hasText: data.code });
    await expect(row).toContainText(/PPE : 4[12] h restantes/);
    await row.getByRole('link', { name: interpolate(fr['cases.openCaseOf'], { code: data.code }) }).click();
    await expect(clock).toBeVisible();
  });

  await test.step('in Arabic the page reads right to left and the countdown is in Arabic', async () => {
    await sw.getByLabel(fr['app.language']).selectOption('ar');
    await expect(sw.locator('html')).toHaveAttribute('dir', 'rtl');
    const arClock = sw.getByRole('region', { name: ar['cases.clock.title'], exact: true });
    await expect(arClock.getByLabel(ar['cases.clock.pep'])).toContainText(/تبقى 4[12] ساعة و\d+ دقيقة/);
    await sw.getByLabel(ar['app.language']).selectOption('fr');
    await expect(sw.locator('html')).toHaveAttribute('dir', 'ltr');
  });

  await test.step('she adds a plan action', async () => {
    const plan = sw.getByRole('region', { name: fr['cases.plan.title'], exact: true });
    await plan.getByRole('button', { name: fr['cases.plan.add'] }).click();
    await plan.getByLabel(fr['field.what'], { exact: true }).fill('Accompagner au centre de santé pour la PPE');
    await plan.getByRole('button', { name: fr['cases.plan.save'] }).click();
    await expect(plan.getByRole('listitem').filter({ hasText: 'Accompagner au centre de santé pour la PPE' })).toBeVisible();
    await expect(plan.getByLabel(interpolate(fr['cases.plan.statusOf'], { what: 'Accompagner au centre de santé pour la PPE' }))).toHaveValue('planned');
  });

  await test.step('she records a PEP referral in the case: listed, and the PEP alert is gone (not the emergency contraception one)', async () => {
    const services = sw.getByRole('region', { name: fr['cases.services.title'], exact: true });
    await services.getByRole('button', { name: fr['cases.services.record'] }).click();
    const form = services.getByRole('form', { name: fr['cases.services.record'] });
    await form.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: fr['service.pep_referral'] });
    await form.getByRole('button', { name: fr['common.save'] }).click();
    await expect(services.getByRole('status')).toContainText(fr['service.pep_referral']);
    await expect(services.getByRole('row').filter({ hasText: fr['service.pep_referral'] })).toBeVisible();
    await expect(clock.getByRole('alert').filter({ hasText: fr['cases.alert.pep'] })).toHaveCount(0);
    // Emergency contraception is another window: its alert stays until one is recorded.
    await expect(clock.getByRole('alert').filter({ hasText: fr['cases.alert.ec'] })).toBeVisible();
  });

  await test.step('she closes the case (goals met): closed on the page and in the worklist under « Clôturé »', async () => {
    await sw.getByRole('button', { name: fr['cases.close'] }).click();
    const dialog = sw.getByRole('dialog', { name: interpolate(fr['cases.closeTitle'], { code: data.code }) });
    await dialog.getByLabel(fr['field.reason'], { exact: true }).selectOption('goals_met');
    await dialog.getByRole('button', { name: fr['cases.close'] }).click();
    await expect(dialog).toHaveCount(0);
    const summary = sw.getByRole('region', { name: fr['cases.case.summary'], exact: true });
    await expect(summary).toContainText(fr['case_status.closed']);
    await expect(sw.getByRole('status').filter({ hasText: fr['closure_reason.goals_met'] })).toBeVisible();
    await expect(sw.getByRole('button', { name: fr['cases.reopen'] })).toBeVisible();

    await goTo(sw, 'nav.followUp', 'shell.cases');
    await expect(sw.getByRole('heading', { level: 1, name: fr['cases.title'] })).toBeVisible();
    await expect(sw.getByRole('row').filter({ hasText: data.code })).toHaveCount(0);
    await sw.getByLabel(fr['field.status'], { exact: true }).selectOption('closed');
    await sw.getByRole('button', { name: fr['common.search'] }).click();
    await expect(sw.getByRole('row').filter({ hasText: data.code })).toContainText(fr['cases.closedOn'].split(' {')[0]!);
  });
  await sw.context().close();
});
