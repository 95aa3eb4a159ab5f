import { expect, test, type Page } from '@playwright/test';
import { renderSVG } from 'uqr';
import { interpolate } from '@relais/core';
import { cardScanStrings } from '../web/src/features/registry/card-scan.i18n.ts';
import { cardPageStrings } from '../web/src/features/registry/person-card-page.i18n.ts';
import { apiOf, ar, ensureFieldSection, fr, freshCode, logIn, org, shots, type Texts } from './fixtures.ts';

// A person's card and its scan (issue 16, ADR 0041): the card shows her code, its QR code and the
// organisation's name, nothing else; a photo of it in quick contact finds her and the contact is
// saved; a QR code that is not a Relais card of this organisation is refused, with a message.

const section = { code: 'CARTE', name: 'Section Carte QR' };
const peer = { username: 'ep.carte', displayName: 'Paire Carte', password: 'sur le terrain 2026' };
const code = freshCode('1991F');
let personId = '';
let admin: Page;
const phone = { width: 360, height: 740 };

test.beforeAll(async ({ browser }) => {
  ({ admin, personId } = await ensureFieldSection(browser, section, peer, { code, birthYear: 1991 }));
});
test.afterAll(async () => {
  await admin.context().close();
});

/** A QR code holding `text`, as a photo would give it (a PNG of the drawing on a white page). */
async function qrPhoto(page: Page, text: string): Promise<Buffer> {
  const other = await page.context().newPage();
  await other.setContent(`<body style="margin:40px;background:#fff"><img id="qr" width="240" height="240" src="data:image/svg+xml,${encodeURIComponent(renderSVG(text, { border: 4 }))}"></body>`);
  const png = await other.locator('#qr').screenshot();
  await other.close();
  return png;
}

async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function served(): Promise<{ service: string; quantity: number | null }[]> {
  return (await (await apiOf(admin)).get<{ items: { service: string; quantity: number | null }[] }>(`/services?beneficiaryId=${personId}`)).items;
}

/** Feeds a photo to "Scanner la carte" (the camera app's picture, as `capture` gives it). */
async function scan(page: Page, t: Texts, png: Buffer) {
  await page.getByLabel(t['scan.photo'], { exact: true }).setInputFiles({ name: 'carte.jpg', mimeType: 'image/png', buffer: png });
}

/** Quick contact with the card's photo: refused foreign codes first, then the card finds her; condoms given, saved. */
async function quickContactByCard(page: Page, t: Texts, lang: 'fr' | 'ar', card: Buffer, name: string) {
  const scanT = cardScanStrings[lang];
  await go(page, '/contacts/quick');
  await expect(page.getByRole('heading', { level: 1, name: t['quick.title'] })).toBeVisible();
  const details = page.locator('details').filter({ hasText: t['quick.settings'] });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await page.getByLabel(t['field.program'], { exact: true }).selectOption({ label: t['program.prev_ps'] });
  await expect(page.getByRole('button', { name: t['scan.button'] })).toBeVisible();

  // A shop's QR code, a bare code, another organisation's card: refused, the field stays empty.
  await scan(page, t, await qrPhoto(page, 'https://example.org/promo'));
  await expect(page.getByRole('alert').filter({ hasText: scanT['scan.notACard'] })).toBeVisible();
  await scan(page, t, await qrPhoto(page, code));
  await expect(page.getByRole('alert').filter({ hasText: scanT['scan.notACard'] })).toBeVisible();
  await scan(page, t, await qrPhoto(page, `RELAIS:AUTRE:${code}`));
  await expect(page.getByRole('alert').filter({ hasText: interpolate(scanT['scan.otherOrganisation'], { organisation: 'AUTRE' }) })).toBeVisible();
  await expect(page.getByRole('textbox', { name: t['register.codeLabel'], exact: true })).toHaveValue('');
  await shots(page, `card-scan-refused-${lang}`);
  await page.setViewportSize(phone);

  // Her card: the code lands, the code-first check finds her, the pictograms follow.
  await scan(page, t, card);
  await expect(page.locator('.person-chosen')).toContainText(code);
  const condoms = page.getByRole('button', { name: t['service.condoms'], exact: true });
  await condoms.click();
  await shots(page, name);
  await page.setViewportSize(phone);
  await page.getByRole('button', { name: interpolate(t['quick.save'], { count: 1 }) }).click();
  await expect(page.getByRole('status').filter({ hasText: code })).toBeVisible();
}

test('a person card: printed with her code and QR code only; its photo finds her in quick contact, a foreign QR code is refused — French and Arabic on a phone', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext({ viewport: phone })).newPage();
  await page.goto('/');
  await logIn(page, fr, peer);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peer.displayName }) })).toBeVisible();

  let card: Buffer = Buffer.alloc(0);
  await test.step('the card, from her page: the organisation, the code, the QR code — nothing else', async () => {
    await go(page, `/beneficiaries/${personId}`);
    await page.getByRole('link', { name: fr['card.open'] }).click();
    const t = cardPageStrings.fr;
    await expect(page.getByRole('heading', { level: 1, name: interpolate(t['card.title'], { code }) })).toBeVisible();
    const printed = page.getByRole('article', { name: interpolate(t['card.label'], { code }) });
    await expect(printed).toContainText(org.name);
    await expect(printed).toContainText(code);
    // Only those two texts: no year of birth, unit, phone or status.
    expect((await printed.innerText()).replace(/\s+/g, ' ').trim()).toBe(`${org.name} ${code}`);
    const qr = printed.getByRole('img', { name: interpolate(t['card.qrAlt'], { code }) });
    await expect(qr).toBeVisible();
    card = await qr.screenshot();
    await shots(page, 'person-card-fr', { paper: true });
    await page.setViewportSize(phone);
  });

  const before = (await served()).length;
  await test.step('French: the card read in quick contact, the contact saved', async () => {
    await quickContactByCard(page, fr, 'fr', card, 'card-scan-fr');
    await expect.poll(async () => (await served()).length).toBe(before + 1);
  });

  await test.step('Arabic, right to left, on a phone: the same', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('combobox', { name: fr['app.language'] }).first().selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.setViewportSize(phone);
    await quickContactByCard(page, ar, 'ar', card, 'card-scan-ar');
    await expect.poll(async () => (await served()).length).toBe(before + 2);
    await go(page, `/beneficiaries/${personId}/card`);
    await expect(page.getByRole('heading', { level: 1, name: interpolate(cardPageStrings.ar['card.title'], { code }) })).toBeVisible();
    await shots(page, 'person-card-ar', { paper: true });
  });
  await page.context().close();
});
