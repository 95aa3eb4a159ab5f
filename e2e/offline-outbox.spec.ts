import { expect, test, type Browser, type Page } from '@playwright/test';
import { interpolate } from '@relais/core';
import { admin as adminUser, apiOf, ar, enterAsAdmin, ensurePerson, ensureUnit, ensureUser, fakeMicrophone, fr, freshCode, logIn, logInAs, shot, shots, type Texts, serviceWorkerActivated } from './fixtures.ts';

// Field work with the network really cut (issue 16, ADR 0027): the data kept on the device are
// encrypted under the password, the code check answers from the cached codes, writes wait in the
// outbox across reloads and reach the server once when the network returns.

const section = { code: 'HORSLIGNE', name: 'Section Hors Ligne' };
const peerFr = { username: 'ep.outbox', displayName: 'Paire Boîte d’envoi', password: 'sur le terrain 2026' };
const peerAr = { username: 'ep.outbox.ar', displayName: 'Paire Sanduq', password: 'sur le terrain 2026' };
const peerWipe = { username: 'ep.outbox.wipe', displayName: 'Paire Effacée', password: 'sur le terrain 2026' };
/** Reads the contacts' notes, voice notes included (ADR 0035). */
const coordFr = { username: 'coord.outbox', displayName: 'Coordinatrice Boîte d’envoi', password: 'sur le terrain 2026' };

// The voice notes are really recorded, from Chromium's fake microphone.
test.use(fakeMicrophone);

test.describe.configure({ mode: 'serial' });

/** A new code and a person already registered with a code one letter away (the offline check must suggest her). */
function codes(): { fresh: string; near: string } {
  const fresh = freshCode('1991F');
  const near = `${fresh[0]}${fresh[1] === 'A' ? 'E' : 'A'}${fresh.slice(2)}`;
  return { fresh, near };
}

const codesFr = codes();
const codesAr = codes();
/** The administrator's page, kept for the checks on the server. */
let admin: Page;
let sectionId = '';
/** The ids of the persons with the near codes: their records are edited in both journeys. */
const nearIds: Record<'fr' | 'ar', string> = { fr: '', ar: '' };
test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await enterAsAdmin(admin);
  const api = await apiOf(admin);
  sectionId = await ensureUnit(api, { code: section.code, name: section.name, level: 'section' });
  for (const peer of [peerFr, peerAr, peerWipe]) await ensureUser(api, peer, [{ role: 'peer_educator', orgUnitId: sectionId, programs: null }]);
  await ensureUser(api, coordFr, [{ role: 'coordinator', orgUnitId: sectionId, programs: null }]);
  nearIds.fr = (await ensurePerson(api, { code: codesFr.near, orgUnitId: sectionId, birthYear: 1991 })).id;
  nearIds.ar = (await ensurePerson(api, { code: codesAr.near, orgUnitId: sectionId, birthYear: 1991 })).id;
});
test.afterAll(async () => {
  await admin.context().close();
});

/** A fresh device: logged in online, service worker active, the codes and the field screens' reads kept. */
async function firstVisit(browser: Browser, who: { username: string; password: string }, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto('/');
  await logIn(page, fr, who);
  await expect(page.getByRole('link', { name: fr['shell.account'] }).or(page.getByRole('button', { name: fr['shell.logout'] })).first()).toBeVisible();
  expect(await serviceWorkerActivated(page)).toBe('activated');
  await expect.poll(() => storedKeys(page), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/\|codes\|all$/));
  return page;
}

/** The keys of the device's encrypted store. */
function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('relais-offline');
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('records')) return resolve([]);
          const req = open.result.transaction('records').objectStore('records').getAllKeys();
          req.onsuccess = () => resolve(req.result.map(String));
        };
      }),
  );
}

/** Everything IndexedDB holds for the app, as text: keys, strings and bytes (read as UTF-8 and Latin-1). */
function rawStore(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('relais-offline');
      open.onsuccess = () => resolve(open.result);
    });
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
        const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        out.push(new TextDecoder('utf-8').decode(bytes), new TextDecoder('latin1').decode(bytes));
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          out.push(k);
          walk(x);
        }
      } else out.push(String(v));
    };
    for (const store of ['keys', 'records']) {
      const tx = db.transaction(store);
      const [keys, values] = await Promise.all(
        ['getAllKeys', 'getAll'].map((m) => new Promise<unknown[]>((resolve) => {
          const req = (tx.objectStore(store) as unknown as Record<string, () => IDBRequest<unknown[]>>)[m]!();
          req.onsuccess = () => resolve(req.result);
        })),
      );
      keys!.forEach((k, i) => {
        walk(k);
        walk(values![i]);
      });
    }
    return out.join('\n');
  });
}

/** Opens a screen inside the app (a page load would lock the store again: the key is in memory only). */
async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function unlock(page: Page, t: Texts, password: string) {
  await expect(page.getByRole('heading', { level: 1, name: t['unlock.title'] })).toBeVisible();
  await page.getByLabel(t['field.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: t['unlock.submit'] }).click();
}

/** Registers a person offline: the near code is suggested (from the kept codes), she declares a new person. */
async function registerOffline(page: Page, t: Texts, code: string, details: { phone?: string; notes?: string; hasNear?: boolean } = {}) {
  await go(page, '/beneficiaries/new');
  await page.getByRole('textbox', { name: t['register.codeLabel'], exact: true }).fill(code);
  if (details.hasNear !== false) {
    await expect(page.getByText(interpolate(t['register.probableTitle'], { count: 1 }))).toBeVisible();
    await page.getByRole('button', { name: t['register.newPerson'] }).click();
  }
  await page.getByLabel(t['population.PS'], { exact: true }).check();
  if (details.phone) {
    await page.getByLabel(t['field.contactConsent'], { exact: true }).check();
    await page.getByLabel(t['field.phone'], { exact: true }).fill(details.phone);
  }
  if (details.notes) await page.getByLabel(t['field.notes'], { exact: true }).fill(details.notes);
}

/** On a person's record: "Modifier", set her housing and schooling, save. */
async function editProfile(page: Page, t: Texts, housing: string, schooling: string) {
  await page.getByRole('button', { name: t['record.edit'], exact: true }).click();
  const form = page.getByRole('form', { name: t['record.editTitle'] });
  await form.getByLabel(t['field.profile.housing'], { exact: true }).selectOption({ label: t[`housing.${housing}` as keyof Texts] });
  await form.getByLabel(t['field.profile.schooling'], { exact: true }).selectOption({ label: t[`schooling.${schooling}` as keyof Texts] });
  await form.getByRole('button', { name: t['common.save'], exact: true }).click();
}

/** Records a voice note in the contact form (2 s of the fake microphone): the countdown runs, then it plays back. */
async function recordVoice(page: Page, t: Texts, name: string) {
  const recorder = page.getByRole('group', { name: t['voice.title'], exact: true });
  await recorder.getByRole('button', { name: t['voice.record'] }).click();
  await expect(recorder.getByRole('timer')).toHaveText(/1:5\d/);
  await shots(page, `voice-recording-${name}`);
  await recorder.getByRole('button', { name: t['voice.stop'] }).click();
  await expect(recorder.locator('audio')).toBeVisible();
  await expect(recorder.getByRole('button', { name: t['voice.discard'] })).toBeVisible();
  await shots(page, `voice-recorded-${name}`);
}

/** Records a contact offline for the person just registered (condoms ×10), with a voice note when asked: it waits in the outbox. */
async function recordContactOffline(page: Page, t: Texts, code: string, note?: string, voice?: string) {
  await page.getByRole('link', { name: t['outbox.recordContact'] }).click();
  await page.getByRole('textbox', { name: t['register.codeLabel'], exact: true }).fill(code);
  const form = page.getByRole('form', { name: `${t['capture.contactTitle']} ${code}` });
  await expect(form).toBeVisible();
  await form.getByLabel(t['field.program'], { exact: true }).selectOption({ label: t['program.prev_ps'] });
  const row = page.getByRole('group', { name: interpolate(t['capture.rowLegend'], { n: 1 }), exact: true });
  await row.getByLabel(t['field.service'], { exact: true }).selectOption({ label: t['service.condoms'] });
  await row.getByLabel(t['field.quantity'], { exact: true }).fill('10');
  if (note) await row.getByLabel(t['field.note'], { exact: true }).fill(note);
  if (voice) await recordVoice(page, t, voice);
  await form.getByRole('button', { name: t['capture.saveNewPerson'], exact: true }).click();
  await expect(page.getByText(t['outbox.savedOnDevice'])).toBeVisible();
}

test('offline: unlock with the password, register a person and record a contact, kept encrypted across reloads, sent once online', async ({ browser }) => {
  test.setTimeout(180_000);
  const { fresh, near } = codesFr;
  const dup = freshCode('1991F');
  const redone = freshCode('1991F');
  const phone = '0611223344';
  const notes = 'Rencontrée au marché, préfère être appelée le soir';
  const contactNote = 'Distribution devant la gare routière';

  const page = await firstVisit(browser, peerFr);
  // Her record opened online once: kept (encrypted) so that she can correct it offline.
  await go(page, `/beneficiaries/${nearIds.fr}`);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['record.title'], { code: near }) })).toBeVisible();
  await go(page, '/');
  await page.context().setOffline(true);

  await test.step('reload offline: the app asks for the password (the key is in memory only), a wrong one is refused', async () => {
    await page.reload();
    await unlock(page, fr, 'pas le bon mot de passe');
    await expect(page.getByText(fr['unlock.wrong'])).toBeVisible();
    await unlock(page, fr, peerFr.password);
    await expect(page.getByRole('heading', { level: 1, name: interpolate(fr['home.greeting'], { name: peerFr.displayName }) })).toBeVisible();
  });

  await test.step('register offline: the near code is suggested from the kept codes; saved in the outbox', async () => {
    await registerOffline(page, fr, fresh, { phone, notes });
    await shot(page, 'offline-register-fr-1280');
    await page.getByRole('button', { name: fr['register.submit'], exact: true }).click();
    await expect(page.getByText(interpolate(fr['outbox.registeredOnDevice'], { code: fresh }))).toBeVisible();
  });

  await test.step('record a contact for her, offline, with a voice note: the code finds the person registered on the device', async () => {
    await recordContactOffline(page, fr, fresh, contactNote, 'fr');
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 3 }) })).toBeVisible();
  });

  await test.step('register another person offline, whose code someone registers on the server meanwhile', async () => {
    await registerOffline(page, fr, dup, { hasNear: false });
    await page.getByRole('button', { name: fr['register.submit'], exact: true }).click();
    await expect(page.getByText(interpolate(fr['outbox.registeredOnDevice'], { code: dup }))).toBeVisible();
    await ensurePerson(await apiOf(admin), { code: dup, orgUnitId: sectionId, birthYear: 1991 });
  });

  await test.step('reload, still offline: unlocked again, the outbox still holds all four', async () => {
    await page.reload();
    await unlock(page, fr, peerFr.password);
    await page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 4 }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: fr['outbox.title'] })).toBeVisible();
    for (const code of [fresh, dup]) await expect(page.getByRole('row').filter({ hasText: fr['outbox.kind.register_beneficiary'] }).filter({ hasText: code })).toHaveCount(1);
    await expect(page.getByRole('row').filter({ hasText: fr['outbox.kind.record_contact'] })).toContainText(fresh);
    await expect(page.getByRole('row').filter({ hasText: fr['outbox.kind.voice_note'] })).toContainText(fresh);
    await shots(page, 'outbox-fr');
  });

  await test.step('the raw IndexedDB holds no code, phone or note in clear', async () => {
    const raw = await rawStore(page);
    expect(raw).toContain('|outbox|'); // the store was read
    for (const secret of [fresh, near, phone, notes, contactNote, 'Rencontr']) expect(raw, secret).not.toContain(secret);
    // The voice note: neither its bytes (WebM's header, Opus's) nor their base64 (`GkXfo`: the WebM header).
    for (const audio of ['OpusHead', 'webm', 'GkXfo', 'audio/']) expect(raw, audio).not.toContain(audio);
  });

  await test.step('correct a record offline (housing, schooling) while a coordinator changes her housing and occupation on the server', async () => {
    await go(page, `/beneficiaries/${nearIds.fr}`);
    await editProfile(page, fr, 'owner', 'primary');
    await expect(page.getByText(fr['outbox.savedOnDevice'])).toBeVisible();
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 5 }) })).toBeVisible();
    await (await apiOf(admin)).patch(`/beneficiaries/${nearIds.fr}`, { baseVersion: 1, profile: { housing: 'tenant', occupation: 'employed' } });
    await go(page, '/outbox');
  });

  await test.step('online again: the outbox is sent once; the registration of a code taken meanwhile is refused, she says "different person" and corrects the code', async () => {
    await page.context().setOffline(false);
    const conflict = page.getByRole('group', { name: interpolate(fr['conflict.title'], { code: dup }) });
    await expect(conflict).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('row')).toHaveCount(3); // the header, the refused registration and the edit in conflict: the others went
    await conflict.getByRole('button', { name: fr['conflict.different'] }).click();
    await shots(page, 'outbox-conflict-fr');
    await conflict.getByRole('textbox', { name: fr['conflict.newCode'] }).fill(redone);
    await conflict.getByRole('button', { name: fr['conflict.sendWithCode'] }).click();
    await expect(page.getByRole('row')).toHaveCount(2);
  });

  await test.step('the edit in conflict: field by field, her value and the server’s (who, when); she keeps hers; the coordinator’s other change stands', async () => {
    const edit = page.getByRole('row').filter({ hasText: fr['outbox.kind.update_beneficiary'] });
    await expect(edit).toContainText(fr['error.edit_conflict']);
    await expect(edit).toContainText(fr['editConflict.toDecide']);
    await edit.getByRole('button', { name: fr['editConflict.settle'] }).click();
    const dialog = page.getByRole('dialog', { name: interpolate(fr['editConflict.title'], { code: `\u2068${near}\u2069` }) });
    const housing = dialog.getByRole('group', { name: fr['field.profile.housing'] });
    await expect(dialog.getByRole('group')).toHaveCount(1); // schooling and occupation changed on one side only: merged
    await expect(housing.getByLabel(interpolate(fr['editConflict.mine'], { value: `\u2068${fr['housing.owner']}\u2069` }))).not.toBeChecked();
    await expect(housing.getByText(interpolate(fr['editConflict.server'], { value: `\u2068${fr['housing.tenant']}\u2069` }))).toBeVisible();
    await expect(housing).toContainText(adminUser.displayName);
    await expect(dialog.getByRole('button', { name: fr['editConflict.send'] })).toBeDisabled();
    await shots(page, 'edit-conflict-fr', { screenOnly: true });
    await housing.getByLabel(interpolate(fr['editConflict.mine'], { value: `\u2068${fr['housing.owner']}\u2069` })).check();
    await dialog.getByRole('button', { name: fr['editConflict.send'] }).click();
    await expect(page.getByText(fr['outbox.empty'])).toBeVisible({ timeout: 30_000 });
    const record = await (await apiOf(admin)).get<{ profile: Record<string, string | null>; version: number }>(`/beneficiaries/${nearIds.fr}`);
    expect(record.profile).toMatchObject({ housing: 'owner', schooling: 'primary', occupation: 'employed' });
    await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toHaveCount(0);
    // Read as the administrator: everything the section holds.
    const api = await apiOf(admin);
    const check = await api.get<{ exact: { id: string } | null }>(`/beneficiaries/check?code=${fresh}`);
    expect(check.exact).not.toBeNull();
    const services = await api.get<{ items: { service: string; quantity: number | null; note: string | null }[] }>(`/services?beneficiaryId=${check.exact!.id}`);
    expect(services.items).toEqual([expect.objectContaining({ service: 'condoms', quantity: 10 })]);
    // The voice note followed its contact, once; a reader of notes hears it (audio, not text).
    const coord = await logInAs(browser, coordFr);
    const heard = (await (await apiOf(coord)).get<{ items: { voiceNoteId: string | null }[] }>(`/services?beneficiaryId=${check.exact!.id}`)).items;
    expect(heard[0]?.voiceNoteId).toBeTruthy();
    const audio = await coord.request.get(`/api/v1/voice-notes/${heard[0]!.voiceNoteId}`);
    expect(audio.headers()['content-type']).toBe('audio/webm');
    expect([...(await audio.body()).subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    await coord.context().close();
    expect((await api.get<{ total: number }>(`/beneficiaries?code=${fresh}&match=exact`)).total).toBe(1);
    expect((await api.get<{ total: number }>(`/beneficiaries?code=${redone}&match=exact`)).total).toBe(1);
    expect((await api.get<{ total: number }>(`/beneficiaries?code=${dup}&match=exact`)).total).toBe(1);
  });
  await page.context().close();
});

test('بدون شبكة: a PIN unlocks the phone offline (wrong ones warn), registration and outbox in Arabic; a registration refused at sync is settled as the same person', async ({ browser }) => {
  test.setTimeout(180_000);
  const { fresh } = codesAr;
  const pin = '482913';

  const page = await firstVisit(browser, peerAr, { width: 360, height: 740 });
  // Her language chosen in the app (the store stays open: a page load would lock it), kept by the
  // server and remembered for the offline start; then the PIN of this phone.
  await go(page, '/account');
  await page.getByRole('combobox', { name: fr['account.language'] }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const card = page.getByRole('region', { name: ar['pin.title'] }).or(page.locator('.card').filter({ hasText: ar['pin.title'] })).first();
  await card.getByLabel(ar['pin.new'], { exact: true }).fill('1234');
  await card.getByLabel(ar['pin.confirm'], { exact: true }).fill('1234');
  await card.getByRole('button', { name: ar['pin.submit'] }).click();
  await expect(card.getByText(ar['pin.invalid'])).toBeVisible();
  await card.getByLabel(ar['pin.new'], { exact: true }).fill(pin);
  await card.getByLabel(ar['pin.confirm'], { exact: true }).fill(pin);
  await card.getByRole('button', { name: ar['pin.submit'] }).click();
  await expect(card.getByText(ar['pin.set'])).toBeVisible();
  await shots(page, 'device-pin-ar');

  // Online, her correction meets a change made meanwhile on the server: the same dialog, in
  // Arabic; she keeps the current housing, her schooling goes with it.
  await go(page, `/beneficiaries/${nearIds.ar}`);
  await expect(page.getByRole('heading', { level: 1, name: interpolate(ar['record.title'], { code: codesAr.near }) })).toBeVisible();
  await (await apiOf(admin)).patch(`/beneficiaries/${nearIds.ar}`, { baseVersion: 1, profile: { housing: 'tenant' } });
  await editProfile(page, ar, 'owner', 'secondary');
  const dialog = page.getByRole('dialog', { name: interpolate(ar['editConflict.title'], { code: `\u2068${codesAr.near}\u2069` }) });
  const housing = dialog.getByRole('group', { name: ar['field.profile.housing'] });
  await expect(housing.getByText(interpolate(ar['editConflict.mine'], { value: `\u2068${ar['housing.owner']}\u2069` }))).toBeVisible();
  await shots(page, 'edit-conflict-ar', { screenOnly: true });
  await housing.getByLabel(interpolate(ar['editConflict.server'], { value: `\u2068${ar['housing.tenant']}\u2069` })).check();
  await dialog.getByRole('button', { name: ar['editConflict.send'] }).click();
  await expect(page.getByText(ar['common.saved'])).toBeVisible();
  const corrected = await (await apiOf(admin)).get<{ profile: Record<string, string | null> }>(`/beneficiaries/${nearIds.ar}`);
  expect(corrected.profile).toMatchObject({ housing: 'tenant', schooling: 'secondary' });

  await page.context().setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar['unlock.title'] })).toBeVisible();
  // Five wrong PINs: the fifth warns how many tries remain before the wipe.
  for (let i = 0; i < 5; i++) {
    await page.getByLabel(ar['pin.field'], { exact: true }).fill('000000');
    await page.getByRole('button', { name: ar['unlock.submit'] }).click();
    await expect(page.getByText(ar['unlock.wrongPin'])).toBeVisible();
  }
  await expect(page.getByText(interpolate(ar['unlock.wipeWarning'], { left: 5, max: 10 }))).toBeVisible();
  await shot(page, 'unlock-pin-warning-ar-360');
  await page.getByLabel(ar['pin.field'], { exact: true }).fill(pin);
  await page.getByRole('button', { name: ar['unlock.submit'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: ar['unlock.title'] })).toHaveCount(0);
  await expect(page.getByRole('link', { name: ar['shell.account'] })).toBeVisible();

  await registerOffline(page, ar, fresh);
  await shots(page, 'offline-register-ar');
  await page.getByRole('button', { name: ar['register.submit'], exact: true }).click();
  await expect(page.getByText(interpolate(ar['outbox.registeredOnDevice'], { code: fresh }))).toBeVisible();
  await recordContactOffline(page, ar, fresh, undefined, 'ar');
  await go(page, '/outbox');
  await expect(page.getByRole('row').filter({ hasText: ar['outbox.kind.register_beneficiary'] })).toContainText(fresh);
  await shots(page, 'outbox-ar');

  // Meanwhile someone registers the same code on the server: at sync the registration is refused,
  // shown with the server's reason in her language; she says it is the same person, and her
  // contact goes to the existing record.
  const { id: existing } = await ensurePerson(await apiOf(admin), { code: fresh, orgUnitId: sectionId, birthYear: 1991 });
  await page.context().setOffline(false);
  const conflict = page.getByRole('group', { name: interpolate(ar['conflict.title'], { code: fresh }) });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row').filter({ hasText: ar['outbox.kind.register_beneficiary'] })).toContainText(ar['outbox.rejected']);
  await shots(page, 'outbox-conflict-ar');
  await conflict.getByRole('button', { name: ar['conflict.same'] }).click();
  await expect(page.getByText(ar['outbox.empty'])).toBeVisible({ timeout: 30_000 });
  const services = await (await apiOf(admin)).get<{ items: { service: string; quantity: number | null }[] }>(`/services?beneficiaryId=${existing}`);
  expect(services.items).toEqual([expect.objectContaining({ service: 'condoms', quantity: 10 })]);
  await page.context().close();
});

test('ten wrong unlocks wipe the device: warned from the fifth with the unsent records it would lose', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await firstVisit(browser, peerWipe, { width: 360, height: 740 });
  await page.context().setOffline(true);
  await registerOffline(page, fr, freshCode('1992F'), { hasNear: false });
  await page.getByRole('button', { name: fr['register.submit'], exact: true }).click();
  await expect(page.getByRole('link', { name: interpolate(fr['outbox.badge'], { count: 1 }) })).toBeVisible();
  await page.reload();
  for (let i = 1; i <= 10; i++) {
    await unlock(page, fr, `faux mot de passe ${i}`);
    if (i === 10) break;
    await expect(page.getByText(fr['unlock.wrong'])).toBeVisible();
    const warning = page.getByText(interpolate(fr['unlock.wipeWarning'], { left: 10 - i, max: 10 }));
    if (i < 5) await expect(warning).toHaveCount(0);
    else await expect(warning).toBeVisible();
    if (i === 5) {
      await expect(page.getByText(interpolate(fr['unlock.wipeLoses'], { count: 1 }))).toBeVisible();
      await shots(page, 'unlock-wipe-warning-fr');
    }
  }
  await expect(page.getByRole('heading', { level: 1, name: fr['unlock.wipedTitle'] })).toBeVisible();
  await expect(page.getByText(interpolate(fr['unlock.wiped'], { max: 10, count: 1 }))).toBeVisible();
  await shot(page, 'unlock-wiped-fr-360');
  // Nothing of hers is left: no wrapped key, no record.
  expect(await storedKeys(page)).toEqual([]);
  await page.getByRole('button', { name: fr['unlock.logInAgain'] }).click();
  await expect(page.getByLabel(fr['field.password'], { exact: true })).toBeVisible();
  await page.context().close();
});
