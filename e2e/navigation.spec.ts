import { expect, test, type Page } from '@playwright/test';
import { interpolate, type Me, type SetupChecklist } from '@relais/core';
import { ar, enterAsAdmin, fr, goTo, logIn } from './fixtures.ts';

const peer = { username: 'ep.nav', displayName: 'Éducatrice Navigation', password: 'sur le terrain 2025' };
const steps = ['orgUnits', 'programs', 'users', 'imports'] as const;

test.describe.configure({ mode: 'serial' });

/** The session's CSRF token, for API calls a test makes beside the UI. */
async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/v1/auth/me')).json()) as Me).csrfToken;
}

/** The peer educator of the phone test, created by the administrator logged in on `page` (once: 409 when she exists). */
async function ensurePeer(page: Page) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as Me;
  const res = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { username: peer.username, displayName: peer.displayName, password: peer.password, assignments: [{ role: 'peer_educator', orgUnitId: me.assignments[0]!.orgUnit.id }] },
  });
  expect([201, 409]).toContain(res.status());
}

test('the administrator finds every screen in four groups, by keyboard too, and her first steps tick themselves', async ({ page }) => {
  await enterAsAdmin(page);
  const nav = page.getByRole('navigation', { name: fr['app.mainNav'] });

  await test.step('four groups by task; their screens stay folded until a group opens', async () => {
    for (const group of ['nav.field', 'nav.followUp', 'nav.reports', 'nav.admin'] as const) {
      await expect(nav.getByRole('button', { name: fr[group], exact: true })).toHaveAttribute('aria-expanded', 'false');
    }
    await expect(nav.getByRole('link', { name: fr['shell.users'], exact: true })).toBeHidden();
    await expect(page.getByRole('navigation', { name: fr['nav.shortcuts'] })).toHaveCount(0); // no bottom bar on a wide screen
  });

  await test.step('by keyboard: Enter opens a group, Tab reaches its screens, Escape closes it and gives the focus back', async () => {
    const admin = nav.getByRole('button', { name: fr['nav.admin'], exact: true });
    await admin.focus();
    await page.keyboard.press('Enter');
    await expect(admin).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: fr['shell.orgUnits'], exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(admin).toHaveAttribute('aria-expanded', 'false');
    await expect(admin).toBeFocused();
    await expect(nav.getByRole('link', { name: fr['shell.users'], exact: true })).toBeHidden();
  });

  await test.step('opening a screen closes the menu and marks its group', async () => {
    await goTo(page, 'nav.reports', 'shell.pivot');
    await expect(nav.getByRole('button', { name: fr['nav.reports'], exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('button', { name: fr['nav.reports'], exact: true })).toHaveClass(/is-current/);
  });

  await test.step('the first steps on the home page say what the organisation’s data says, and tick themselves', async () => {
    await nav.getByRole('link', { name: fr['shell.home'], exact: true }).click();
    const state = (await (await page.request.get('/api/v1/setup/checklist')).json()) as SetupChecklist;
    const card = page.getByRole('region', { name: fr['checklist.title'] });
    if (steps.every((s) => state[s])) {
      await expect(card).toHaveCount(0); // all done: the card is gone
      return;
    }
    for (const step of steps) {
      await expect(card.getByRole('listitem').filter({ hasText: fr[`checklist.${step}`] })).toContainText(state[step] ? fr['checklist.done'] : fr['checklist.todo']);
    }
    if (state.programs) return;
    // Reviewing the programs (one switched off, then on again) ticks that step.
    await card.getByRole('link', { name: fr['checklist.programs'] }).click();
    const box = page.getByLabel(fr['program.child_protection'], { exact: true });
    await box.uncheck();
    await expect(page.getByText(interpolate(fr['programs.nowDisabled'], { program: fr['program.child_protection'] }))).toBeVisible();
    await box.check();
    await expect(page.getByText(interpolate(fr['programs.nowEnabled'], { program: fr['program.child_protection'] }))).toBeVisible();
    await nav.getByRole('link', { name: fr['shell.home'], exact: true }).click();
    // The programs were the last step to do when the other specs had done the rest: then the card is gone.
    if (steps.every((s) => s === 'programs' || state[s])) await expect(card).toHaveCount(0);
    else await expect(card.getByRole('listitem').filter({ hasText: fr['checklist.programs'] })).toContainText(fr['checklist.done']);
  });

  await test.step('the administrator creates the peer educator of the phone test (once)', async () => {
    await ensurePeer(page);
  });
});

test('on a phone: a compact header, a bottom bar with the field screens, the rest under More, right to left in Arabic', async ({ page, browser }) => {
  // Her account, whether or not the test before made it.
  const adminPage = await browser.newPage();
  await enterAsAdmin(adminPage);
  await ensurePeer(adminPage);
  await adminPage.close();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await logIn(page, fr, peer);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peer.displayName }) })).toBeVisible();
  const bar = page.getByRole('navigation', { name: fr['nav.shortcuts'] });

  await test.step('the header is one short row; the bottom bar holds her screens and More', async () => {
    const header = await page.getByRole('banner').boundingBox();
    expect(header!.height).toBeLessThan(60);
    await expect(page.getByRole('navigation', { name: fr['app.mainNav'] })).toHaveCount(0);
    for (const key of ['nav.short.home', 'nav.short.contact', 'nav.short.persons', 'nav.short.register'] as const) {
      await expect(bar.getByRole('link', { name: fr[key], exact: true })).toBeVisible();
    }
    await expect(bar.getByRole('link', { name: fr['nav.short.home'], exact: true })).toHaveAttribute('aria-current', 'page');
    const box = await bar.boundingBox();
    expect(box!.y + box!.height).toBeCloseTo(740, 0);
  });

  await test.step('a shortcut opens its screen', async () => {
    await bar.getByRole('link', { name: fr['nav.short.contact'], exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr['capture.title'] })).toBeVisible();
    await expect(bar.getByRole('link', { name: fr['nav.short.contact'], exact: true })).toHaveAttribute('aria-current', 'page');
  });

  await test.step('More opens every group, the context, the account and logging out; Escape closes it', async () => {
    const more = bar.getByRole('button', { name: fr['nav.more'], exact: true });
    await more.click();
    const sheet = page.getByRole('dialog', { name: fr['nav.menu'] });
    await expect(sheet).toBeVisible();
    const menu = sheet.getByRole('navigation', { name: fr['app.mainNav'] });
    await expect(menu.getByRole('heading', { name: fr['nav.field'] })).toBeVisible();
    await expect(menu.getByRole('link', { name: fr['shell.groupSession'], exact: true })).toBeVisible();
    await expect(menu.getByRole('heading', { name: fr['nav.admin'] })).toHaveCount(0);
    await expect(sheet.getByRole('button', { name: fr['shell.logout'] })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(more).toBeFocused();
    await more.click();
    await sheet.getByRole('navigation', { name: fr['app.mainNav'] }).getByRole('link', { name: fr['shell.groupSession'], exact: true }).click();
    await expect(sheet).toHaveCount(0);
    await expect(page).toHaveURL(/\/group-sessions\/new$/);
  });

  await test.step('in Arabic the bar reads right to left', async () => {
    await bar.getByRole('button', { name: fr['nav.more'], exact: true }).click();
    await page.getByRole('dialog', { name: fr['nav.menu'] }).getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.keyboard.press('Escape');
    const arBar = page.getByRole('navigation', { name: ar['nav.shortcuts'] });
    const home = await arBar.getByRole('link', { name: ar['nav.short.home'], exact: true }).boundingBox();
    const more = await arBar.getByRole('button', { name: ar['nav.more'], exact: true }).boundingBox();
    expect(home!.x).toBeGreaterThan(more!.x);
    // Back to French for the next specs' peer (the language is saved on her account).
    await arBar.getByRole('button', { name: ar['nav.more'], exact: true }).click();
    await page.getByRole('dialog', { name: ar['nav.menu'] }).getByLabel(ar['app.language'], { exact: true }).selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  });
});
