import { expect, test, type Locator, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { ar, ensureFieldSection, fr, freshCode, logIn, serviceWorkerActivated, shots, type Texts } from './fixtures.ts';

// The low-literacy mode (issue 16, ADR 0042): a preference of the user on the server, switched from
// the phone's menu; the field screens then draw before they write — registration, the contact and
// group-session forms, her person's services, the outbox — in French and in Arabic on a phone,
// and the mode holds through a reload offline, switched offline too.

const section = { code: 'IMAGES', name: 'Section Images' };
const peer = { username: 'ep.images', displayName: 'Paire Images', password: 'sur le terrain 2026' };
/** Known before she logs in: her code is among those kept on the phone for the offline check. */
const known = freshCode('1991F');
let admin: Page;

test.beforeAll(async ({ browser }) => {
  ({ admin } = await ensureFieldSection(browser, section, peer, { code: known, birthYear: 1991 }));
});
test.afterAll(async () => {
  await admin.context().close();
});

/** Her mode as the server has it, through her own session. */
async function serverMode(page: Page): Promise<boolean> {
  const me = await page.request.get('/api/v1/auth/me');
  return ((await me.json()) as { user: { lowLiteracy: boolean } }).user.lowLiteracy;
}

/**
 * Her language French and the mode off, through her own session, then logged out: an earlier
 * attempt may have left them otherwise (the login after it opens the device's store).
 */
async function resetServerSide(page: Page) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string; user: { locale: string; lowLiteracy: boolean } };
  if (me.user.locale === 'fr' && !me.user.lowLiteracy) return;
  const headers = { 'X-CSRF-Token': me.csrfToken };
  expect((await page.request.put('/api/v1/auth/preferences', { headers, data: { lowLiteracy: false } })).ok()).toBe(true);
  expect((await page.request.put('/api/v1/auth/locale', { headers, data: { locale: 'fr' } })).ok()).toBe(true);
  expect((await page.request.post('/api/v1/auth/logout', { headers })).ok()).toBe(true);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await logIn(page, fr, peer);
}

/** Opens a screen inside the app (a page load would lock the device's store: its key is in memory only). */
async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Screenshots at 1280 px and 360×740, then back on the phone. */
async function phoneShots(page: Page, name: string) {
  await shots(page, name);
  await page.setViewportSize({ width: 360, height: 740 });
}

/** The pictogram comes first: the element's first child is the drawing. */
async function drawnFirst(locator: Locator) {
  await expect(locator).toBeVisible();
  expect(await locator.evaluate((el) => el.firstElementChild?.tagName.toLowerCase())).toBe('svg');
}

const tile = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The phone's "more" menu and its switch of the mode. */
async function switchMode(page: Page, t: Texts, on: boolean) {
  await page.getByRole('button', { name: t['nav.more'] }).click();
  const sheet = page.getByRole('dialog');
  const box = sheet.getByLabel(t['quick.lowLiteracy'], { exact: true });
  if (on) await box.check();
  else await box.uncheck();
  return sheet;
}

async function closeMenu(page: Page, t: Texts) {
  await page.getByRole('button', { name: t['nav.close'] }).click();
}

async function unlock(page: Page, t: Texts, password: string) {
  await expect(page.getByRole('heading', { level: 1, name: t['unlock.title'] })).toBeVisible();
  await page.getByLabel(t['field.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: t['unlock.submit'] }).click();
}

/** Registration: the code, then the record's choices drawn first (populations, sex). */
async function checkRegistration(page: Page, t: Texts, code: string) {
  await go(page, '/beneficiaries/new');
  await page.getByRole('textbox', { name: t['register.codeLabel'], exact: true }).fill(code);
  await expect(page.getByText(t['register.noMatch'])).toBeVisible();
  const firstChoice = page.locator('form .picto-choice').first();
  await expect(firstChoice.locator('legend')).toContainText(t['field.populations']);
  await drawnFirst(tile(page, t['population.PS']));
  await drawnFirst(tile(page, t['sex.F']));
  // The code says F: her tile is chosen; the list is not there.
  await expect(tile(page, t['sex.F'])).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('combobox', { name: new RegExp(`^${t['field.sex']}`) })).toHaveCount(0);
}

/** Quick contact offline: the known person, condoms, into the outbox. */
async function quickContactOffline(page: Page, t: Texts) {
  await go(page, '/contacts/quick');
  const details = page.locator('details').filter({ hasText: t['quick.settings'] });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await page.getByLabel(t['field.program'], { exact: true }).selectOption({ label: t['program.prev_ps'] });
  await page.getByRole('textbox', { name: t['register.codeLabel'], exact: true }).fill(known);
  await tile(page, t['service.condoms']).click();
  await page.getByRole('button', { name: interpolate(t['quick.save'], { count: 1 }) }).click();
  await expect(page.getByText(t['outbox.savedOnDevice'])).toBeVisible();
}

/** The outbox: a drawing for the kind of item and one for its status. */
async function checkOutbox(page: Page, t: Texts) {
  await go(page, '/outbox');
  await expect(page.getByRole('heading', { level: 1, name: t['outbox.title'] })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: known }).first();
  await drawnFirst(row.locator('.picto-line').filter({ hasText: t['outbox.kind.record_contact'] }));
  await drawnFirst(row.locator('.picto-line').filter({ hasText: t['outbox.waitingOne'] }));
}

/**
 * The network back. Chromium's emulation leaves `navigator.onLine` true in a page loaded offline,
 * so that page never hears `online`: the app's probe of the server (api/reachability.ts) notices.
 */
async function backOnline(page: Page) {
  await page.context().setOffline(false);
}

/** Offline: a quick contact into the outbox, drawn there, still drawn after a reload (the store unlocked again). */
async function outboxThroughReload(page: Page, t: Texts, shotName: string) {
  await page.context().setOffline(true);
  await quickContactOffline(page, t);
  await checkOutbox(page, t);
  await phoneShots(page, shotName);
  await page.reload();
  await unlock(page, t, peer.password);
  await checkOutbox(page, t);
}

test('low-literacy mode: switched from the phone menu, pictograms first on the field screens in French and Arabic, kept through an offline reload', async ({ browser }) => {
  test.setTimeout(360_000);
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await page.goto('/');
  await logIn(page, fr, peer);
  // Logged in (in French, or in Arabic after an earlier attempt): the phone's bottom bar.
  await expect(page.getByRole('button', { name: fr['nav.more'] }).or(page.getByRole('button', { name: ar['nav.more'] }))).toBeVisible();
  await resetServerSide(page);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peer.displayName }) })).toBeVisible();
  expect(await serviceWorkerActivated(page)).toBe('activated');

  await test.step('switched on from the phone menu: kept on the server, the home page starts with quick contact', async () => {
    await switchMode(page, fr, true);
    await closeMenu(page, fr);
    await expect.poll(() => serverMode(page)).toBe(true);
    const shortcut = page.getByRole('main').getByRole('link').first();
    await expect(shortcut).toHaveText(fr['shell.quickContact']);
    await expect(shortcut.locator('svg').first()).toBeVisible();
  });

  const code = freshCode('1996F');
  await test.step('registration: populations and sex as big tiles first; registered with two taps', async () => {
    await checkRegistration(page, fr, code);
    await tile(page, fr['population.PS']).click();
    await expect(tile(page, fr['population.PS'])).toHaveAttribute('aria-pressed', 'true');
    await phoneShots(page, 'literacy-register-fr');
    await page.getByRole('button', { name: fr['register.submit'] }).click();
    await expect(page.getByRole('link', { name: fr['capture.newService'] })).toBeVisible();
  });

  await test.step('the full contact form: the service as tiles; saved; her services drawn line by line', async () => {
    const personPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: fr['capture.newService'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr['capture.title'] })).toBeVisible();
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
    await drawnFirst(tile(page, fr['service.hiv_test']));
    await tile(page, fr['service.condoms']).click();
    await page.getByLabel(fr['field.quantity'], { exact: false }).fill('10');
    await phoneShots(page, 'literacy-contact-fr');
    await page.getByRole('button', { name: fr['capture.saveNewPerson'] }).click();
    await expect(page.getByRole('status').filter({ hasText: interpolate(fr['capture.savedTitle'], { code, date: '' }).split(',')[0]! })).toBeVisible();
    await go(page, personPath);
    const history = page.locator('.card').filter({ has: page.getByRole('heading', { name: fr['capture.historyTitle'], exact: true }) });
    await drawnFirst(history.locator('.picto-line').filter({ hasText: fr['service.condoms'] }).first());
    await phoneShots(page, 'literacy-services-fr');
  });

  await test.step('a group session: its kind as tiles, each sex drawn over its counts', async () => {
    await go(page, '/group-sessions/new');
    await expect(page.getByRole('heading', { level: 1, name: fr['group.title'] })).toBeVisible();
    await drawnFirst(tile(page, fr['group_session_type.iec']));
    await tile(page, fr['group_session_type.iec']).click();
    await expect(tile(page, fr['group_session_type.iec'])).toHaveAttribute('aria-pressed', 'true');
    await drawnFirst(page.locator('legend .picto-line').filter({ hasText: fr['sex.F'] }));
    await phoneShots(page, 'literacy-group-fr');
  });

  await test.step('offline: a quick contact waits in the outbox, drawn; still drawn after a reload offline', async () => {
    await outboxThroughReload(page, fr, 'literacy-outbox-fr');
  });

  await test.step('switched off offline: applied at once, held through a reload, sent when the network returns', async () => {
    const sheet = await switchMode(page, fr, false);
    await expect(sheet.getByText(fr['literacy.held'])).toBeVisible();
    await closeMenu(page, fr);
    await expect(page.locator('main .picto-line svg')).toHaveCount(0);
    await page.reload();
    await unlock(page, fr, peer.password);
    await go(page, '/outbox');
    await expect(page.getByRole('row').filter({ hasText: known }).first()).toBeVisible();
    await expect(page.locator('main .picto-line svg')).toHaveCount(0);
    await backOnline(page);
    await expect.poll(() => serverMode(page), { timeout: 30_000 }).toBe(false);
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toHaveCount(0, { timeout: 30_000 });
  });

  await test.step('in Arabic, right to left, on the phone: the same screens drawn first', async () => {
    const sheet = await switchMode(page, fr, true);
    await sheet.getByRole('combobox', { name: fr['app.language'] }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await closeMenu(page, ar);
    await expect.poll(() => serverMode(page)).toBe(true);
    await checkRegistration(page, ar, freshCode('1997F'));
    await tile(page, ar['population.PS']).click();
    await phoneShots(page, 'literacy-register-ar');
    await go(page, '/group-sessions/new');
    await drawnFirst(tile(page, ar['group_session_type.iec']));
    await phoneShots(page, 'literacy-group-ar');
    await outboxThroughReload(page, ar, 'literacy-outbox-ar');
    await backOnline(page);
    await expect(page.getByRole('link', { name: interpolate(ar['outbox.badge'], { count: 1 }) })).toHaveCount(0, { timeout: 30_000 });
  });

  await test.step('her account page has the switch too', async () => {
    await go(page, '/account');
    await expect(page.getByLabel(ar['quick.lowLiteracy'], { exact: true })).toBeChecked();
    await phoneShots(page, 'literacy-account-ar');
  });
  await page.context().close();
});
