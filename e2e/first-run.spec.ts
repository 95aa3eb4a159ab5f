import { expect, test } from '@playwright/test';
import { interpolate } from '@relais/core';
import { admin, ar, enterAsAdmin, fr, goTo, logIn, org, shot } from './fixtures.ts';

const peer = { username: 'ep.casa', displayName: 'Éducatrice Casa', password: 'sur le terrain 2024' };

test.describe.configure({ mode: 'serial' });

test('first run: setup, create a peer educator, log in as her, switch to Arabic, log out', async ({ page }) => {
  await test.step('first-run setup creates the organisation and logs the admin in (or, when another spec ran first, the admin logs in)', async () => {
    if ((await enterAsAdmin(page)) === 'setup') {
      // A new organisation: the four first steps are all to do.
      await expect(page.getByRole('region', { name: fr['checklist.title'] }).getByText(fr['checklist.todo'], { exact: true })).toHaveCount(4);
    }
  });

  await test.step('the home page greets the admin and links to the admin screens', async () => {
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: admin.displayName }) })).toBeVisible();
    await expect(page.getByRole('region', { name: fr['home.organisation'] })).toContainText(org.name);
    await expect(page.getByRole('region', { name: fr['home.context'] })).toBeVisible();
    for (const key of ['shell.users', 'shell.orgUnits', 'shell.programs', 'shell.audit'] as const) {
      await expect(page.getByRole('main').getByRole('link', { name: fr[key], exact: true })).toBeVisible();
    }
  });

  await test.step('the admin creates a peer educator on the root unit', async () => {
    await goTo(page, 'nav.admin', 'shell.users');
    await expect(page.getByRole('heading', { level: 1, name: fr['users.title'] })).toBeVisible();
    await expect(page.getByRole('cell', { name: admin.displayName })).toBeVisible();
    await page.getByRole('link', { name: fr['users.new'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr['users.createTitle'] })).toBeVisible();

    // The form marks its required fields (the mark reads "obligatoire"); the login form, all required, marks none.
    await expect(page.locator('.field').filter({ has: page.getByLabel(fr['field.username'], { exact: true }) }).getByTitle(fr['common.requiredMark'])).toBeVisible();
    await page.getByLabel(fr['field.username'], { exact: true }).fill(peer.username);
    await page.getByLabel(fr['field.displayName'], { exact: true }).fill(peer.displayName);
    await page.getByLabel(fr['field.password'], { exact: true }).fill(peer.password);
    await page.getByLabel(fr['common.confirmPassword'], { exact: true }).fill(peer.password);
    await page.getByLabel(fr['field.role'], { exact: true }).selectOption({ label: fr['role.peer_educator'] });
    await page.getByLabel(fr['field.orgUnitId'], { exact: true }).selectOption({ index: 1 }); // the root unit
    await expect(page.getByLabel(fr['users.allPrograms'])).toBeChecked();
    await page.getByRole('button', { name: fr['common.create'], exact: true }).click();

    await expect(page.getByText(interpolate(fr['users.created'], { name: peer.displayName }))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['users.editTitle'], { name: peer.displayName }) })).toBeVisible();
    await expect(page.getByRole('region', { name: fr['field.assignments'] })).toContainText(fr['role.peer_educator']);
  });

  await test.step('the admin logs out', async () => {
    await page.getByRole('button', { name: fr['shell.logout'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr['login.title'] })).toBeVisible();
    await expect(page.getByText(fr['login.loggedOut'])).toBeVisible();
    await expect(page.getByTitle(fr['common.requiredMark'])).toHaveCount(0);
  });

  await test.step('the peer educator logs in and sees no admin screen', async () => {
    await logIn(page, fr, peer, { rememberedOrg: true });
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peer.displayName }) })).toBeVisible();
    await expect(page.getByText(fr['home.fieldSoon'])).toBeVisible();
    // Her navigation is field work and follow-up: no Administration group, no link to the users.
    const nav = page.getByRole('navigation', { name: fr['app.mainNav'] });
    await expect(nav.getByRole('button', { name: fr['nav.field'], exact: true })).toBeVisible();
    await expect(nav.getByRole('button', { name: fr['nav.admin'], exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: fr['shell.users'] })).toHaveCount(0);
  });

  await test.step('she switches the interface to Arabic: right-to-left, Arabic texts', async () => {
    await page.getByLabel(fr['app.language'], { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1, name: interpolate(ar['home.greeting'], { name: peer.displayName }) })).toBeVisible();
    await expect(page.getByText(ar['home.fieldSoon'])).toBeVisible();
    await expect(page.getByRole('button', { name: ar['shell.logout'] })).toBeVisible();
    await shot(page, 'home-ar');
  });

  await test.step('the language is kept on the server: a fresh device logs her in in Arabic', async () => {
    await page.getByRole('button', { name: ar['shell.logout'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: ar['login.title'] })).toBeVisible();
    // Forget the device's choice: the login page is French again…
    await page.evaluate(() => window.localStorage.removeItem('relais.locale'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // …and after login the user's saved language (Arabic) applies.
    await logIn(page, fr, peer, { rememberedOrg: true });
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: interpolate(ar['home.greeting'], { name: peer.displayName }) })).toBeVisible();
  });

  await test.step('she logs out and sees the login page', async () => {
    await page.getByRole('button', { name: ar['shell.logout'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: ar['login.title'] })).toBeVisible();
    await expect(page.getByRole('button', { name: ar['login.submit'] })).toBeVisible();
    await expect(page.getByText(ar['login.loggedOut'])).toBeVisible();
  });
});
