import { expect, test, type Browser, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, enterAsAdmin, ensurePerson, ensureUnit, ensureUser, fr, goTo, logInAs, type Api } from './fixtures.ts';

// Synthetic units, workers and persons (no real data), codes no other spec uses.
const units = {
  region: { code: 'PL-REG', name: 'Région Places', level: 'region' },
  section: { code: 'PL-SEC', name: 'Section Places', level: 'section' },
  clinic: { code: 'PL-CLI', name: 'Clinique Places', level: 'clinic' },
  site: { code: 'PL-SITE', name: 'Site Corniche', level: 'site' },
} as const;
type Level = keyof typeof units;
const password = 'sur le terrain 2024';
const worker = (level: Level) => ({ username: `pl.${level}`, displayName: `Éducatrice ${level}`, password });
/** One person per worker, registered where that worker sees her. */
const personCode: Record<Level, string> = { region: 'PLRE1994F', section: 'PLSE1991F', clinic: 'PLCL1992F', site: 'PLSI1993F' };

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const year = now.getFullYear();

/** Option labels of a select, as shown (indent and isolates removed). */
async function optionLabels(page: Page, label: string): Promise<string[]> {
  const texts = await page.getByLabel(label, { exact: true }).locator('option').allTextContents();
  return texts.map((t) => t.replace(/[\u00a0\u2068\u2069]/g, '').trim());
}

const asWorker = (browser: Browser, level: Level) => logInAs(browser, worker(level));

/** On the group session form: the program (prevention with sex workers), the type and the theme. */
async function describeSession(page: Page, type: 'iec' | 'thematic', theme: string) {
  await page.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
  await page.getByLabel(fr['field.type'], { exact: true }).selectOption({ label: fr[`group_session_type.${type}`] });
  await page.getByLabel(fr['field.theme'], { exact: true }).fill(theme);
}

/** Saves the group session and reads that it was saved with these attendees and anonymous counts. */
async function saveSession(page: Page, counts: { attendees: number; anonymous: number }) {
  await page.getByRole('button', { name: fr['group.submit'], exact: true }).click();
  await expect(page.getByText(interpolate(fr['group.saved'], counts))).toBeVisible();
}

const label = (u: { name: string; code: string }) => `${u.name} (${u.code})`;

test.describe.configure({ mode: 'serial' });

const ids: Partial<Record<Level, string>> = {};

/** The units, workers and persons of this spec, made through the API when missing: each test finds them, whichever ran before. */
async function ensurePlaces(api: Api) {
  for (const level of ['region', 'section', 'clinic', 'site'] as const) {
    const parentId = level === 'region' ? undefined : level === 'section' ? ids.region : ids.section;
    ids[level] = await ensureUnit(api, { ...units[level], ...(parentId ? { parentId } : {}) });
  }
  for (const level of ['region', 'section', 'clinic', 'site'] as const) {
    await ensureUser(api, worker(level), [{ role: 'peer_educator', orgUnitId: ids[level]!, programs: null }]);
    await ensurePerson(api, { code: personCode[level], orgUnitId: (level === 'region' ? ids.section : ids[level])!, registeredOn: today, birthYear: Number(personCode[level].slice(4, 8)) });
  }
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await enterAsAdmin(page);
  await ensurePlaces(await apiOf(page));
  await page.close();
});

test('places: the administrator assigns a worker at each level and is told where each will record', async ({ page }) => {
  await enterAsAdmin(page);
  const api = await apiOf(page);

  // The user screen says where the site worker records, and that it counts in the section.
  const siteWorker = (await api.get<{ items: { id: string; username: string }[] }>('/users?limit=200')).items.find((u) => u.username === worker('site').username)!;
  await page.goto(`/users/${siteWorker.id}`);
  await expect(page.getByRole('region', { name: fr['field.assignments'] }).getByTestId('recording-note').first()).toHaveText(
    interpolate(fr['users.recordsAtSite'], { unit: `\u2068${units.site.name}\u2069`, section: `\u2068${units.section.name}\u2069` }),
  );
  // Choosing a region for a new assignment says she will pick a unit under it.
  const form = page.getByRole('group', { name: fr['users.newAssignment'] });
  await form.getByLabel(fr['field.role'], { exact: true }).selectOption('peer_educator');
  await form.getByLabel(fr['field.orgUnitId'], { exact: true }).selectOption(ids.region!);
  await expect(form.getByTestId('recording-note')).toHaveText(interpolate(fr['users.recordsUnder'], { unit: `\u2068${units.region.name}\u2069`, count: 2 }));
});

const expected: Record<Level, { units: string[]; sites: boolean }> = {
  section: { units: [label(units.section), label(units.clinic)], sites: true },
  clinic: { units: [label(units.clinic)], sites: false },
  site: { units: [label(units.site)], sites: false },
  region: { units: [label(units.section), label(units.clinic)], sites: true },
};

for (const level of ['site', 'section', 'clinic', 'region'] as const) {
  test(`places: a worker assigned to a ${level} records a group session where she works (Enter adds the participant)`, async ({ browser }) => {
    const page = await asWorker(browser, level);
    await goTo(page, 'nav.field', 'shell.groupSession');
    await expect(page.getByRole('heading', { level: 1, name: fr['group.title'] })).toBeVisible();
    expect(await optionLabels(page, fr['capture.unit'])).toEqual(expected[level].units);
    await expect(page.getByLabel(fr['field.siteId'], { exact: true })).toHaveCount(expected[level].sites ? 1 : 0);
    await describeSession(page, 'iec', `Séance ${level}`);
    const codeField = page.getByRole('textbox', { name: fr['group.attendeeCode'], exact: true });
    await codeField.fill(personCode[level]);
    await codeField.press('Enter');
    await expect(page.getByText(interpolate(fr['group.attendeeCount'], { count: 1 }))).toBeVisible();
    await expect(page.getByText(interpolate(fr['group.saved'], { attendees: 1, anonymous: 0 }))).toHaveCount(0);
    await saveSession(page, { attendees: 1, anonymous: 0 });
    await page.context().close();
  });
}

test('places: a group session with nobody is refused, saying what to add, and nothing typed is lost', async ({ browser }) => {
  const page = await asWorker(browser, 'site');
  await goTo(page, 'nav.field', 'shell.groupSession');
  await describeSession(page, 'thematic', 'Séance sans personne');
  // Enter in the empty code field saves nothing.
  await page.getByRole('textbox', { name: fr['group.attendeeCode'], exact: true }).press('Enter');
  await page.getByRole('button', { name: fr['group.submit'], exact: true }).click();
  await expect(page.getByText(interpolate(fr['validation.no_participant'], { field: fr['field.attendees'] }))).toBeVisible();
  await expect(page.getByText(fr['error.validation_failed'])).toBeVisible();
  await expect(page.getByLabel(fr['field.theme'], { exact: true })).toHaveValue('Séance sans personne');
  await expect(page.getByLabel(fr['field.type'], { exact: true })).toHaveValue('thematic');
  // An anonymous count is enough.
  await page.getByRole('group', { name: fr['sex.F'], exact: true }).getByLabel(fr['age_band.ge25'], { exact: true }).fill('4');
  await saveSession(page, { attendees: 0, anonymous: 4 });
  await page.context().close();
});

test('places: a site worker transcribes a paper register number as written (2026-017), checked against the date’s year', async ({ browser }) => {
  const page = await asWorker(browser, 'site');
  await goTo(page, 'nav.field', 'shell.recordContact');
  await page.getByRole('textbox', { name: fr['register.codeLabel'], exact: true }).fill(personCode.site);
  const form = page.getByRole('form', { name: `${fr['capture.contactTitle']} ${personCode.site}` });
  await expect(form).toBeVisible();
  expect(await optionLabels(page, fr['capture.unit'])).toEqual([label(units.site)]);
  await form.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
  const row = form.getByRole('group', { name: interpolate(fr['capture.rowLegend'], { n: 1 }), exact: true });
  await row.getByLabel(fr['field.service'], { exact: true }).selectOption({ label: fr['service.hiv_test'] });
  await row.getByLabel(fr['result.negative'], { exact: true }).check();
  await row.getByLabel(fr['strategy.mobile'], { exact: true }).check();
  const register = row.getByLabel(fr['field.registerNo'], { exact: true });
  await register.fill('N° 17');
  await form.getByRole('button', { name: fr['capture.saveAddService'], exact: true }).click();
  await expect(row.getByText(interpolate(fr['validation.register_no_format'], { field: fr['field.registerNo'] }))).toBeVisible();
  await register.fill(`${year - 1}-017`);
  await expect(row.getByText(interpolate(fr['validation.register_year'], { field: fr['field.registerNo'], year: year - 1, dateYear: year }))).toBeVisible();
  await register.fill(`${year}-017`);
  await form.getByRole('button', { name: fr['capture.saveAddService'], exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fr['service.hiv_test'] })).toContainText(interpolate(fr['capture.registerNoValue'], { no: 17, year }));
  await page.context().close();
});
