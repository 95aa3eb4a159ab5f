import { expect, request, test, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { totpCode, totpStep } from '../server/src/lib/totp.ts';
import { apiOf, ar, ensureOrganisation, fr, goTo, logIn, shots, type Texts } from './fixtures.ts';

// An organisation of this run only: requiring a second factor of its administrators must not reach
// the other specs' administrators (and a rerun starts from an administrator without one).
const run = Date.now().toString(36).slice(-5).toUpperCase();
const organisation = { code: `TF${run}`, name: `Association ${run}` };
const chief = { username: 'chef', displayName: 'Chef Synthétique', password: 'une phrase de passe longue', organisation: organisation.code };

const greeting = (t: Texts) => interpolate(t['home.greeting'], { name: chief.displayName });

async function logOut(page: Page, t: Texts) {
  await page.getByRole('button', { name: t['shell.logout'] }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: t['login.title'] })).toBeVisible();
}

test('an organisation requires two-step verification of its administrators: set up at the next sign-in, then asked at each', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await ensureOrganisation(baseURL!, organisation, chief);
  let confirmedStep = 0;
  let secret = '';

  await test.step('the administrator requires it on the users screen', async () => {
    await page.goto('/');
    await logIn(page, fr, chief);
    await expect(page.getByRole('heading', { level: 1, name: greeting(fr) })).toBeVisible();
    await goTo(page, 'nav.admin', 'shell.users');
    const rules = page.getByRole('form', { name: fr['loginRules.title'] });
    await rules.getByLabel(fr['loginRules.requireAdmins']).check();
    await rules.getByRole('button').click();
    await expect(page.getByText(fr['loginRules.saved'])).toBeVisible();
    await expect(page.getByRole('table', { name: fr['lockouts.title'] }).getByText(fr['lockouts.none'])).toBeVisible();
    await shots(page, 'second-factor-rules-fr');
  });

  await test.step('at her next sign-in nothing opens before she sets it up', async () => {
    await logOut(page, fr);
    await logIn(page, fr, chief, { rememberedOrg: true });
    await expect(page.getByRole('heading', { level: 1, name: fr['secondFactor.requiredTitle'] })).toBeVisible();
    await page.getByRole('button', { name: fr['secondFactor.turnOn'] }).click();
    const key = page.getByTestId('totp-secret');
    await expect(key).toBeVisible();
    secret = (await key.innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shots(page, 'second-factor-setup-fr');
    // A wrong code is named on its field.
    const code = page.getByLabel(fr['field.totp']);
    const right = totpCode(secret, totpStep());
    await code.fill(String((Number(right) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: fr['secondFactor.confirm'] }).click();
    await expect(page.locator('.field-error').first()).toBeVisible();
    confirmedStep = totpStep();
    await code.fill(totpCode(secret, confirmedStep));
    await page.getByRole('button', { name: fr['secondFactor.confirm'] }).click();
    await expect(page.getByRole('heading', { level: 1, name: greeting(fr) })).toBeVisible();
  });

  await test.step('then the code is asked after the password, in Arabic too', async () => {
    await logOut(page, fr);
    await page.evaluate(() => localStorage.setItem('relais.locale', 'ar'));
    await page.reload();
    await logIn(page, ar, chief, { rememberedOrg: true });
    await expect(page.getByText(ar['error.totp_required'])).toBeVisible();
    const code = page.getByLabel(ar['field.totp']);
    await expect(code).toBeVisible();
    await shots(page, 'second-factor-login-ar');
    // The password stays; only the code is typed.
    await code.fill(totpCode(secret, Math.max(totpStep(), confirmedStep + 1)));
    await page.getByRole('button', { name: ar['login.submit'] }).click();
    // Her account's language (French) wins once she is in; she turns Arabic on for it.
    await expect(page.getByRole('heading', { level: 1, name: greeting(fr) })).toBeVisible();
    await page.getByRole('combobox', { name: fr['app.language'] }).selectOption('ar');
    await expect(page.getByRole('heading', { level: 1, name: greeting(ar) })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByText(ar['secondFactor.onRequired'])).toBeVisible();
    await shots(page, 'second-factor-account-ar');
  });

  await test.step('a peer educator lost her phone: the administrator turns her second factor off from her page', async () => {
    const api = await apiOf(page);
    const me = await api.get<{ assignments: Array<{ orgUnit: { id: string } }> }>('/auth/me');
    const worker = { username: `awa${run.toLowerCase()}`, password: 'un téléphone perdu hier' };
    const created = await api.post<{ id: string }>('/users', { username: worker.username, displayName: 'Awa Synthétique', password: worker.password, locale: 'fr', assignments: [{ role: 'peer_educator', orgUnitId: me.assignments[0]!.orgUnit.id, programs: null }] });
    // She turns it on from her own phone (another browser).
    const hers = await request.newContext({ baseURL: baseURL! });
    const login = await hers.post('/api/v1/auth/login', { data: { organisation: organisation.code, username: worker.username, password: worker.password } });
    const headers = { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const setup = (await (await hers.post('/api/v1/auth/second-factor', { headers })).json()) as { secret: string };
    expect((await hers.post('/api/v1/auth/second-factor/confirm', { headers, data: { code: totpCode(setup.secret.replace(/\s/g, ''), totpStep()) } })).ok()).toBe(true);

    await page.goto(`/users/${created.id}`);
    const card = page.locator('.card').filter({ hasText: ar['users.secondFactor'] });
    await expect(card.getByText(ar['users.secondFactorOn'])).toBeVisible();
    await card.getByRole('button', { name: ar['users.secondFactorResetAction'] }).click();
    const dialog = page.getByRole('dialog', { name: interpolate(ar['users.secondFactorResetTitle'], { name: 'Awa Synthétique' }) });
    await dialog.getByRole('button', { name: ar['users.secondFactorResetAction'] }).click();
    await expect(card.getByText(ar['users.secondFactorReset'])).toBeVisible();
    await expect(card.getByText(ar['users.secondFactorOff'])).toBeVisible();
    await shots(page, 'second-factor-reset-ar');
    // Her old session has ended; her password alone opens a new one.
    expect((await hers.get('/api/v1/auth/me')).status()).toBe(401);
    expect((await hers.post('/api/v1/auth/login', { data: { organisation: organisation.code, username: worker.username, password: worker.password } })).ok()).toBe(true);
    await hers.dispose();
  });
});
