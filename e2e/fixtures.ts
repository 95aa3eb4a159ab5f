import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type Browser, type Page } from '@playwright/test';
import { ar as coreAr, fr as coreFr, interpolate } from '@relais/core';
import { ar as webAr } from '../web/src/i18n/ar.ts';
import { fr as webFr } from '../web/src/i18n/fr.ts';
import { privacyWebAr } from '../web/src/features/privacy/privacy.i18n.ar.ts';
import { privacyWebFr } from '../web/src/features/privacy/privacy.i18n.ts';

// Expected texts come from the catalogues, as the user sees them (with those a lazy chunk brings).
export const fr = { ...coreFr, ...webFr, ...privacyWebFr };
export const ar = { ...coreAr, ...webAr, ...privacyWebAr };
export type Texts = Record<keyof typeof fr, string>;

/**
 * The organisation and administrator of the e2e run. The server's data directory is shared by
 * every spec file of a run, so whichever spec comes first sets them up and the others log in.
 */
export const org = { code: 'DEMO', name: 'Association Démo' };
export const admin = { username: 'admin', displayName: 'Amina Admin', password: 'un mot de passe solide' };

/** Logs in through the login page (to `who.organisation`, the run's organisation by default). `rememberedOrg`: the device already knows the organisation code (asserted). */
export async function logIn(page: Page, t: Texts, who: { username: string; password: string; organisation?: string }, options: { rememberedOrg?: boolean } = {}) {
  await expect(page.getByRole('heading', { level: 1, name: t['login.title'] })).toBeVisible();
  const orgCode = page.getByLabel(t['field.organisation.code'], { exact: true });
  if (options.rememberedOrg) await expect(orgCode).toHaveValue(who.organisation ?? org.code);
  else await orgCode.fill(who.organisation ?? org.code);
  await page.getByLabel(t['field.username'], { exact: true }).fill(who.username);
  await page.getByLabel(t['field.password'], { exact: true }).fill(who.password);
  await page.getByRole('button', { name: t['login.submit'] }).click();
}

/** A page in a browser context of its own, logged in as this user (her home page greets her). */
export async function logInAs(browser: Browser, who: { username: string; displayName: string; password: string; organisation?: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await logIn(page, fr, who);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: who.displayName }) })).toBeVisible();
  return page;
}

/** Is the server still waiting for its first-run setup? */
export async function needsSetup(page: Page): Promise<boolean> {
  const response = await page.request.get('/api/v1/setup');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { needsSetup: boolean }).needsSetup;
}

/**
 * Opens the app as the administrator: runs the first-run setup through the UI when the server
 * needs it (checking the setup page on the way), else logs in. Ends on the admin's home page.
 */
export async function enterAsAdmin(page: Page): Promise<'setup' | 'login'> {
  const setup = await needsSetup(page);
  await page.goto('/');
  if (setup) {
    await expect(page.getByRole('heading', { level: 1, name: fr['setup.title'] })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByLabel(fr['field.organisation.code'], { exact: true }).fill(org.code);
    await page.getByLabel(fr['field.organisation.name'], { exact: true }).fill(org.name);
    await page.getByLabel(fr['field.username'], { exact: true }).fill(admin.username);
    await page.getByLabel(fr['field.displayName'], { exact: true }).fill(admin.displayName);
    await page.getByLabel(fr['field.password'], { exact: true }).fill(admin.password);
    await page.getByLabel(fr['common.confirmPassword'], { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: fr['setup.submit'] }).click();
  } else {
    await logIn(page, fr, admin);
  }
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: admin.displayName }) })).toBeVisible();
  return setup ? 'setup' : 'login';
}

/**
 * Opens a screen through the main navigation as a user does: the group's button (Terrain, Suivi,
 * Rapports, Administration), then the screen's link in it. `texts`: the interface language.
 */
export async function goTo(page: Page, group: keyof Texts, screen: keyof Texts, texts: Texts = fr) {
  const nav = page.getByRole('navigation', { name: texts['app.mainNav'] });
  const button = nav.getByRole('button', { name: texts[group], exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await nav.getByRole('link', { name: texts[screen], exact: true }).click();
}

/** JSON calls to the API with the page's session (writes carry the session's CSRF token); a refused call fails the test. */
export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

export async function apiOf(page: Page): Promise<Api> {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
    const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'X-CSRF-Token': csrfToken }, data: body });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), patch: (path, body) => call('PATCH', path, body) };
}

interface UnitRow {
  id: string;
  code: string;
  parentId: string | null;
}

/**
 * Setup through the API, not through another test: each spec (and each test of it) makes the
 * data it needs, so it runs alone (`--grep`) or in any order. The data directory is shared by
 * every spec file of a run, so these find what is already there (from an earlier test, or an
 * earlier attempt) and create only what is missing.
 */

/** The id of the organisation's root unit. */
export async function rootUnitId(api: Api): Promise<string> {
  const root = (await api.get<{ items: UnitRow[] }>('/org-units')).items.find((u) => u.parentId === null);
  expect(root, 'the root unit').toBeDefined();
  return root!.id;
}

/** The id of the unit with this code, created under `parentId` (the root unit by default) when missing. */
export async function ensureUnit(api: Api, unit: { code: string; name: string; level?: string; parentId?: string }): Promise<string> {
  const units = (await api.get<{ items: UnitRow[] }>('/org-units')).items;
  const root = units.find((u) => u.parentId === null);
  expect(root, 'the root unit').toBeDefined();
  const found = units.find((u) => u.code === unit.code);
  if (found) return found.id;
  return (await api.post<UnitRow>('/org-units', { level: 'section', parentId: root!.id, ...unit })).id;
}

/** The id of the person with this code, registered today (PS, female) in `orgUnitId` when missing; `created` says which. */
export async function ensurePerson(
  api: Api,
  person: { code: string; orgUnitId: string; birthYear?: number | null; sex?: 'F' | 'M' | 'X'; populations?: string[]; registeredOn?: string },
): Promise<{ id: string; created: boolean }> {
  const check = await api.get<{ exact: { id: string } | null }>(`/beneficiaries/check?code=${encodeURIComponent(person.code)}`);
  if (check.exact) return { id: check.exact.id, created: false };
  const { id } = await api.post<{ id: string }>('/beneficiaries', { registeredOn: isoToday(), populations: ['PS'], sex: 'F', birthYear: null, ...person });
  return { id, created: true };
}

/** A user with this username, created with these assignments when missing. */
export async function ensureUser(
  api: Api,
  user: { username: string; displayName: string; password: string },
  assignments: { role: string; orgUnitId: string; programs: string[] | null }[],
): Promise<void> {
  const users = (await api.get<{ items: { username: string }[] }>('/users?limit=200')).items;
  if (!users.some((u) => u.username === user.username)) await api.post('/users', { ...user, assignments });
}

/**
 * A field section with its peer educator and one person known there, created by the administrator
 * when missing (the field specs' common start): the administrator's page, and the person's id.
 */
export async function ensureFieldSection(
  browser: Browser,
  section: { code: string; name: string },
  peer: { username: string; displayName: string; password: string },
  person: { code: string; birthYear: number },
): Promise<{ admin: Page; personId: string }> {
  const admin = await browser.newPage();
  await enterAsAdmin(admin);
  const api = await apiOf(admin);
  const sectionId = await ensureUnit(api, { code: section.code, name: section.name, level: 'section' });
  await ensureUser(api, peer, [{ role: 'peer_educator', orgUnitId: sectionId, programs: null }]);
  const { id: personId } = await ensurePerson(api, { code: person.code, orgUnitId: sectionId, birthYear: person.birthYear });
  return { admin, personId };
}

/** A network coordinator (at the root unit), created by the administrator when missing, logged in in a browser of her own. */
export async function logInAsNetworkCoordinator(admin: Api, browser: Browser, who: { username: string; displayName: string; password: string }): Promise<Page> {
  await ensureUser(admin, who, [{ role: 'network_coordinator', orgUnitId: await rootUnitId(admin), programs: null }]);
  return logInAs(browser, who);
}

/**
 * The gbv program on, a section, its social worker (case.read/case.write in gbv there) and a new
 * person born in `birthYear` (a fresh code: a person has one open case per program, a rerun needs
 * a new one): through the API.
 */
export async function ensureGbvSection(
  api: Api,
  section: { code: string; name: string },
  worker: { username: string; displayName: string; password: string },
  birthYear: number,
): Promise<{ sectionId: string; personId: string; code: string }> {
  await api.patch('/programs/gbv', { enabled: true });
  const sectionId = await ensureUnit(api, { code: section.code, name: section.name, level: 'section' });
  await ensureUser(api, worker, [{ role: 'social_worker', orgUnitId: sectionId, programs: ['gbv'] }]);
  const code = freshCode(`${birthYear}F`);
  const { id: personId } = await ensurePerson(api, { code, orgUnitId: sectionId, registeredOn: isoToday(), birthYear });
  return { sectionId, personId, code };
}

/**
 * A second organisation on the instance (referrals cross organisations), with its administrator
 * `admin`, created when missing. Only the command line makes one once the first exists: the e2e
 * server (`serve.mjs`) stops, runs `relais init` and starts again on a request file.
 */
export async function ensureOrganisation(baseURL: string, o: { code: string; name: string }, admin: { username: string; displayName: string; password: string }): Promise<void> {
  const api = await request.newContext({ baseURL });
  const canLogIn = async () => (await api.post('/api/v1/auth/login', { data: { organisation: o.code, username: admin.username, password: admin.password } })).ok();
  try {
    if (await canLogIn()) return;
    const dir = path.join(process.env.RELAIS_E2E_DATA_DIR ?? '', 'e2e-organisations');
    const done = path.join(dir, `${o.code}.done.json`);
    fs.rmSync(done, { force: true });
    fs.writeFileSync(path.join(dir, `${o.code}.request.json`), JSON.stringify({ ...o, admin: admin.username, adminName: admin.displayName, password: admin.password }));
    await expect.poll(() => fs.existsSync(done), { timeout: 120_000, intervals: [500] }).toBe(true);
    await expect.poll(async () => (await api.get('/api/v1/health').catch(() => null))?.ok() ?? false, { timeout: 120_000, intervals: [500] }).toBe(true);
    expect(await canLogIn(), `the organisation ${o.code} and its administrator`).toBe(true);
  } finally {
    await api.dispose();
  }
}

/** A person code no earlier run used (four random letters, then the birth year and sex: `freshCode('1994F')`). */
export function freshCode(birthYearAndSex: string): string {
  const letters = Array.from({ length: 4 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  return `${letters}${birthYearAndSex}`;
}

/** Today as the device says it (`YYYY-MM-DD`), the date the forms fill in. */
export function isoToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The service worker installed and activated: every file of the field entry is in its cache.
 * `navigator.serviceWorker.ready` resolves as soon as a worker is active, possibly still
 * "activating"; this waits for its "activated" state.
 */
export async function serviceWorkerActivated(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker && worker.state === 'activating') await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
    return worker?.state;
  });
}

/**
 * Screenshots are for a person to look at: taken only when RELAIS_E2E_SHOTS names the folder to
 * write them to. They assert nothing, and took a fifth of the browser tests' time in CI (ADR 0044).
 */
const shotsDir = process.env.RELAIS_E2E_SHOTS;

/** A full-page screenshot into RELAIS_E2E_SHOTS, when set. */
export async function shot(page: Page, name: string, fullPage = true) {
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage });
}

/**
 * When RELAIS_E2E_SHOTS is set: the page on a desktop, on paper when asked, then on a phone
 * (360×740); `screenOnly`: what the screen shows (a modal dialog), not the whole page. Either way
 * the page ends on the desktop (1280×900), so the steps after run on the same screen with or without.
 */
export async function shots(page: Page, name: string, options: { paper?: boolean; screenOnly?: boolean } = {}) {
  await page.setViewportSize({ width: 1280, height: 900 });
  if (!shotsDir) return;
  const fullPage = !options.screenOnly;
  await shot(page, `${name}-1280`, fullPage);
  if (options.paper) {
    await page.emulateMedia({ media: 'print' });
    await shot(page, `${name}-paper`);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(page, `${name}-360`, fullPage);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The partner organisation of the referral specs (whichever runs first creates it) and its administrator. */
export const partnerOrg = { code: 'PARTB', name: 'Association Partenaire B' };
export const partnerAdmin = { username: 'admin.b', displayName: 'Admin Partenaire B', password: 'un partenaire bien tenu', organisation: partnerOrg.code };

/**
 * The two sides of a referral: in the first organisation a section, its social worker and a new
 * person born in `birthYear`; the partner organisation (created when missing) and `receiver`, a
 * user of it at its root with `role`. Returns the person.
 */
export async function ensureReferralSides(
  browser: Browser,
  baseURL: string | undefined,
  a: { section: { code: string; name: string }; worker: { username: string; displayName: string; password: string }; birthYear: number },
  receiver: { user: { username: string; displayName: string; password: string }; role: string },
): Promise<{ personId: string; code: string }> {
  const page = await browser.newPage();
  await enterAsAdmin(page);
  const api = await apiOf(page);
  const sectionId = await ensureUnit(api, { ...a.section, level: 'section' });
  await ensureUser(api, a.worker, [{ role: 'social_worker', orgUnitId: sectionId, programs: null }]);
  const code = freshCode(`${a.birthYear}F`);
  const { id: personId } = await ensurePerson(api, { code, orgUnitId: sectionId, birthYear: a.birthYear, registeredOn: isoToday() });
  await page.close();
  await ensureOrganisation(baseURL ?? '', partnerOrg, partnerAdmin);
  const b = await logInAs(browser, partnerAdmin);
  const bApi = await apiOf(b);
  await ensureUser(bApi, receiver.user, [{ role: receiver.role, orgUnitId: await rootUnitId(bApi), programs: null }]);
  await b.context().close();
  return { personId, code };
}

/**
 * Launch options of a spec recording voice notes (ADR 0035): the config's, plus Chromium's fake
 * microphone (a beep) granted without asking. `test.use(fakeMicrophone)` at the top of the file.
 */
export const fakeMicrophone = {
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
};
