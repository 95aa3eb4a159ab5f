import { expect, test, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { apiOf, ar, ensureFieldSection, fakeMicrophone, fr, freshCode, goTo, logIn, shots, type Texts } from './fixtures.ts';

// Quick contact for the street (issue 16, ADR 0034): the code, then a tap per thing given on big
// pictograms (usual quantity set, a stepper to change it), then save — online, and offline into
// the outbox; in low-literacy mode "record services" opens the pictograms first.

const section = { code: 'RAPIDE', name: 'Section Contact Rapide' };
const peer = { username: 'ep.rapide', displayName: 'Paire Rapide', password: 'sur le terrain 2026' };
const code = freshCode('1993F');
let personId = '';
// A voice note is recorded with a contact, from Chromium's fake microphone.
test.use(fakeMicrophone);
let admin: Page;

test.beforeAll(async ({ browser }) => {
  ({ admin, personId } = await ensureFieldSection(browser, section, peer, { code, birthYear: 1993 }));
});
test.afterAll(async () => {
  await admin.context().close();
});

/** The tile of a service (its pictogram and label: one button, pressed when given). */
const tile = (page: Page, t: Texts, service: string) => page.getByRole('button', { name: t[`service.${service}` as keyof Texts], exact: true });

/** The code, then the person is chosen at once (the code-first check). */
async function choosePerson(page: Page, t: Texts) {
  await page.getByRole('textbox', { name: t['register.codeLabel'], exact: true }).fill(code);
  await expect(tile(page, t, 'condoms')).toBeVisible();
}

/** Opens "program, place and pictogram mode" (folded under the tiles) when it is closed. */
async function openSettings(page: Page, t: Texts) {
  const details = page.locator('details').filter({ hasText: t['quick.settings'] });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Opens a screen inside the app (a page load would lock the device's store: its key is in memory only). */
async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function served(): Promise<{ service: string; quantity: number | null }[]> {
  return (await (await apiOf(admin)).get<{ items: { service: string; quantity: number | null }[] }>(`/services?beneficiaryId=${personId}`)).items;
}

test('quick contact: code, two taps, save — online, then offline in low-literacy mode through the outbox', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await page.goto('/');
  await logIn(page, fr, peer);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peer.displayName }) })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });

  await test.step('online: condoms (ten, the usual) and lubricant (one more than usual), saved in three taps after the code', async () => {
    await goTo(page, 'nav.field', 'shell.quickContact');
    await expect(page.getByRole('heading', { level: 1, name: fr['quick.title'] })).toBeVisible();
    await openSettings(page, fr);
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
    await choosePerson(page, fr);
    await expect(tile(page, fr, 'hiv_test')).toHaveCount(0); // a test needs its result: the full form
    await tile(page, fr, 'condoms').click();
    await tile(page, fr, 'lubricant').click();
    await expect(tile(page, fr, 'condoms')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: interpolate(fr['quick.more'], { service: fr['service.lubricant'] }) }).click();
    await expect(page.getByRole('group', { name: interpolate(fr['quick.quantityOf'], { service: fr['service.lubricant'] }) })).toContainText('6');
    await shots(page, 'quick-contact-fr');
    // A voice note with it (Chromium's fake microphone), sent with the contact (ADR 0035).
    const recorder = page.getByRole('group', { name: fr['voice.title'], exact: true });
    await recorder.getByRole('button', { name: fr['voice.record'] }).click();
    await expect(recorder.getByRole('timer')).toHaveText(/1:5\d/);
    await recorder.getByRole('button', { name: fr['voice.stop'] }).click();
    await expect(recorder.locator('audio')).toBeVisible();
    await page.getByRole('button', { name: interpolate(fr['quick.save'], { count: 2 }) }).click();
    await expect(page.getByRole('status').filter({ hasText: interpolate(fr['capture.savedTitle'], { code, date: '' }).split(',')[0]! })).toBeVisible();
    expect(await served()).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'condoms', quantity: 10 }), expect.objectContaining({ service: 'lubricant', quantity: 6 })]));
    const attached = await (await apiOf(admin)).get<{ items: { entityId: string | null }[] }>('/audit?action=voice_note.attach');
    expect(attached.items.map((e) => e.entityId)).toContain(personId);
  });

  await test.step('low-literacy mode: "record services" opens the pictograms; offline, the contact waits in the outbox and goes once online', async () => {
    await openSettings(page, fr);
    await page.getByLabel(fr['quick.lowLiteracy'], { exact: true }).check();
    await go(page, '/');
    // The home page starts with it (before the field screens' cards).
    await expect(page.getByRole('main').getByRole('link').first()).toHaveText(fr['shell.quickContact']);
    await shots(page, 'home-low-literacy-fr');
    await page.context().setOffline(true);
    await goTo(page, 'nav.field', 'shell.recordContact');
    await expect(page.getByRole('heading', { level: 1, name: fr['quick.title'] })).toBeVisible();
    await openSettings(page, fr);
    await page.getByLabel(fr['field.program'], { exact: true }).selectOption({ label: fr['program.prev_ps'] });
    await choosePerson(page, fr);
    await tile(page, fr, 'condoms').click();
    await page.getByRole('button', { name: interpolate(fr['quick.less'], { service: fr['service.condoms'] }) }).click();
    await page.getByRole('button', { name: interpolate(fr['quick.save'], { count: 1 }) }).click();
    await expect(page.getByText(fr['outbox.savedOnDevice'])).toBeVisible();
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toBeVisible();
    await page.context().setOffline(false);
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toHaveCount(0, { timeout: 30_000 });
    await expect.poll(async () => (await served()).filter((s) => s.service === 'condoms').map((s) => s.quantity ?? 0).sort((a, b) => a - b)).toEqual([9, 10]);
  });

  await test.step('in Arabic, right to left, on a phone', async () => {
    await page.getByRole('combobox', { name: fr['app.language'] }).first().selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await choosePerson(page, ar);
    await tile(page, ar, 'condoms').click();
    await tile(page, ar, 'iec_session').click();
    await expect(page.getByRole('button', { name: interpolate(ar['quick.save'], { count: 2 }) })).toBeVisible();
    await shots(page, 'quick-contact-ar');
    await go(page, '/');
    await expect(page.getByRole('main').getByRole('link').first()).toHaveText(ar['shell.quickContact']);
    await page.getByRole('main').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: ar['quick.title'] })).toBeVisible();
  });
  await page.context().close();
});
