// Field app bench (issue 16, ADR 0025), a few seconds:
// - bytes over the wire of the field entry (index.html, with the entry's CSS and the login page
//   written in it, boot.js, the JS it loads: every field screen, and the catalogue of one
//   language, the heaviest), sent with brotli, with gzip and without (budget ≤ 250 KB as sent);
// - in Chromium (Playwright, /usr/bin/chromium): first load of the login page on a throttled
//   "Slow 3G" profile (DevTools preset through CDP Network.emulateNetworkConditions: 2 s latency,
//   400 kbit/s; goal ≤ 5 s) and on "Fast 3G" for comparison: the login form painted (from
//   index.html), live (boot.js sends a submission, ADR 0043), the app's own form in its place, and
//   her home page when she submits the moment the form is live; after one online login, a reload
//   with the network cut until the app's unlock screen shows (goal ≤ 1 s), then the password to
//   the home page;
// - the offline code check among 20,000 kept codes (issue 16: p95 ≤ 50 ms with 4× CPU throttling,
//   CDP Emulation.setCPUThrottlingRate): the administrator of 20,000 persons logs in, her device
//   keeps their codes, the network is cut, and codes one letter off a known one are typed in the
//   registration screen; the app's User Timing entry `relais:offline-code-check` is the check's
//   time (the kept settings and outbox read, the index, core's neighbourhood), and the time from
//   typing to the suggestion on screen is given too (it includes the screen's pause after typing).
// - thirty days offline (issue 16): a peer educator's phone, network cut, queues 50 registrations
//   and 600 quick contacts through the screens (condoms ×10 each); the device's storage
//   (navigator.storage.estimate) before and after gives the bytes per 1,000 queued contacts; then
//   the network returns and the time until the outbox is empty is the sync time; the server must
//   hold each record exactly once, and a second sync must change nothing.
//   RELAIS_BENCH_FIELD_DAYS=0 skips it (it takes minutes: every item goes through the screens);
//   RELAIS_BENCH_FIELD_LOAD=0 skips the loads, RELAIS_BENCH_FIELD_CHECK=0 the code check.
// The web app is built first (Vite, a few seconds) so the figures are the current code's.
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright';
import { openDatabase } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { BENCH_PASSWORD, benchApp, percentile } from './bench-app.ts';
import { benchCode, generateBenchData } from './bench-reports.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { fr as coreFr, interpolate } from '@relais/core';
import { fr as webFr } from '../web/src/i18n/fr.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_BYTES = 250 * 1000;
/** Chrome DevTools' presets (bytes per second, milliseconds). */
const profiles = {
  slow3g: { latency: 2000, downloadThroughput: (500 * 1000 * 0.8) / 8, uploadThroughput: (500 * 1000 * 0.8) / 8 },
  fast3g: { latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 },
};

/** The raw (still compressed) body length of a GET with this Accept-Encoding. */
function wireBytes(base: string, url: string, encoding: string): Promise<{ bytes: number; sentEncoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers: { 'accept-encoding': encoding } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, sentEncoding: String(res.headers['content-encoding'] ?? 'identity') }) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

async function measureWire(base: string) {
  const html = await (await fetch(`${base}/`)).text();
  // index.html counts too: it carries the entry's CSS and the login page written at build (ADR 0025);
  // boot.js, the script before the first paint, too (it makes the written form live, ADR 0043).
  const files = ['/index.html', '/boot.js', ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)];
  // And the catalogue of the device's language (a chunk of its own, ADR 0043; boot.js asks for it
  // at once): the budget holds for the language whose files weigh most.
  const catalogues = Object.fromEntries([...html.matchAll(/<meta name="relais-catalogue-(\w+)" content="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.split(' ').filter(Boolean)]));
  if (Object.keys(catalogues).length !== 3) throw new Error(`index.html lists the catalogues of ${Object.keys(catalogues).join(', ') || 'no language'}`);
  const sizes: Record<string, Record<string, number>> = {};
  for (const encoding of ['br', 'gzip', 'identity']) {
    sizes[encoding] = {};
    for (const file of [...files, ...Object.values(catalogues).flat()]) {
      const { bytes, sentEncoding } = await wireBytes(base, file, encoding);
      if (sentEncoding !== encoding) throw new Error(`${file}: asked ${encoding}, got ${sentEncoding}`);
      sizes[encoding][file] = bytes;
    }
  }
  const sum = (encoding: string, list: readonly string[]) => list.reduce((total, file) => total + sizes[encoding]![file]!, 0);
  const byLocale = Object.fromEntries(Object.entries(catalogues).map(([locale, list]) => [locale, { brBytes: sum('br', [...files, ...list]), gzipBytes: sum('gzip', [...files, ...list]) }]));
  const result: Record<string, unknown> = { files, catalogues };
  for (const encoding of ['br', 'gzip', 'identity']) result[`${encoding}Bytes`] = Math.max(...Object.values(catalogues).map((list) => sum(encoding, [...files, ...list])));
  result.byLocale = byLocale;
  // What must arrive before the written login form is live (index.html and boot.js).
  result.loginBrBytes = sum('br', ['/index.html', '/boot.js']);
  result.budgetBytes = BUDGET_BYTES;
  result.withinBudget = (result.brBytes as number) <= BUDGET_BYTES && (result.gzipBytes as number) <= BUDGET_BYTES;
  return result;
}

/** Logs in through the form shown: the written one (before the app started, ADR 0043) or the app's. */
async function logIn(page: Page) {
  await page.locator('input[autocomplete="organization"]:visible').fill('BENCH');
  await page.locator('input[autocomplete="username"]:visible').fill('admin');
  await page.locator('input[autocomplete="current-password"]:visible').fill(BENCH_PASSWORD);
  await page.locator('main form button[type="submit"]:visible').click();
  await page.locator('header.topbar').waitFor();
}

async function measureBrowser(base: string) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const firstLoadMs: Record<string, number> = {};
    /** Until the written form is live: its button enabled, a submission sent (public/boot.js, ADR 0043). */
    const loginReadyMs: Record<string, number> = {};
    /** Until the app's own login form is in place (React started: the written copy gone, its button live). */
    const appReadyMs: Record<string, number> = {};
    /** She submits the moment the form is live: until her home page (the app's shell) is there. */
    const submitAtOnceToHomeMs: Record<string, number> = {};
    const chromiumEncodings = new Set<string>();
    const newDevice = async (profile: (typeof profiles)[keyof typeof profiles]) => {
      // A new device: empty cache, no service worker.
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('response', (response) => {
        if (response.url().includes('/assets/')) chromiumEncodings.add(response.headers()['content-encoding'] ?? 'identity');
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
      return { context, page };
    };
    const liveSubmit = 'main form button[type="submit"]:not([disabled])';
    for (const [name, profile] of Object.entries(profiles)) {
      const { context, page } = await newDevice(profile);
      const t0 = performance.now();
      // Not until the load event (the scripts loaded): the form may paint before it.
      await page.goto(base, { waitUntil: 'commit' });
      // Visible: index.html holds the written form in each language, the document's shown.
      await page.locator('input[autocomplete="current-password"]:visible').waitFor({ timeout: 60_000 });
      firstLoadMs[name] = Math.round(performance.now() - t0);
      await page.locator(liveSubmit).waitFor({ timeout: 60_000 });
      loginReadyMs[name] = Math.round(performance.now() - t0);
      await page.locator(`#root:not(:has([data-prelogin])) ${liveSubmit}`).waitFor({ timeout: 60_000 });
      appReadyMs[name] = Math.round(performance.now() - t0);
      await context.close();
    }
    for (const [name, profile] of Object.entries(profiles)) {
      const { context, page } = await newDevice(profile);
      const t0 = performance.now();
      await page.goto(base, { waitUntil: 'commit' });
      await page.locator(liveSubmit).waitFor({ timeout: 60_000 });
      await logIn(page);
      submitAtOnceToHomeMs[name] = Math.round(performance.now() - t0);
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await logIn(page);
    // Ready = the service worker installed, the field entry precached (a string: the scripts have no DOM types).
    await page.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)');
    await context.setOffline(true);
    const reloads: number[] = [];
    const unlocks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await page.reload();
      // Offline, the app opens on its unlock screen: the device's data are encrypted under the
      // password, whose key is in memory only (ADR 0027); then the password opens the home page.
      const password = page.locator('input[autocomplete="current-password"]');
      await password.waitFor();
      reloads.push(performance.now() - t0);
      const t1 = performance.now();
      await password.fill(BENCH_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.locator('header.topbar').waitFor();
      await page.locator('main h1').waitFor();
      unlocks.push(performance.now() - t1);
    }
    await context.close();
    return {
      // The login form painted (from index.html), live (boot.js sends a submission), the app's own
      // in its place (typed text kept), and her home page when she submits the moment it is live.
      firstLoadMs,
      loginReadyMs,
      loginReadyGoalMs: 5000,
      appReadyMs,
      submitAtOnceToHomeMs,
      // What Chromium accepted here (over plain HTTP on 127.0.0.1; over HTTPS it accepts brotli).
      chromiumEncodings: [...chromiumEncodings],
      firstLoadSlow3gGoalMs: 5000,
      offlineReloadMs: { p50: percentile(reloads, 50), max: percentile(reloads, 100), n: reloads.length },
      offlineReloadGoalMs: 1000,
      // The password typed, to the home page (the key derived from it, the store opened).
      unlockToHomeMs: { p50: percentile(unlocks, 50), max: percentile(unlocks, 100), n: unlocks.length },
    };
  } finally {
    await browser.close();
  }
}

const CHECK_PERSONS = 20_000;
const CHECK_TYPED = 40;

/** The keys of the device's encrypted store (a string: the scripts have no DOM types). */
const storedKeys = `new Promise((resolve) => {
  const open = indexedDB.open('relais-offline');
  open.onsuccess = () => {
    if (!open.result.objectStoreNames.contains('records')) return resolve([]);
    const req = open.result.transaction('records').objectStore('records').getAllKeys();
    req.onsuccess = () => resolve(req.result.map(String));
  };
  open.onerror = () => resolve([]);
})`;

async function measureOfflineCheck(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ engine: 'embedded', dataDir: 'memory://' });
  await migrateToLatest(db.kysely);
  await generateBenchData(db, { persons: CHECK_PERSONS, services: 0, sections: 50 });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-field-check-')) }), db });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await logIn(page);
    await page.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)');
    const t0 = performance.now();
    for (;;) {
      const keys = (await page.evaluate(storedKeys)) as string[];
      if (keys.some((k) => k.endsWith('|codes|all'))) break;
      if (performance.now() - t0 > 180_000) throw new Error('the codes were not kept on the device within 3 minutes');
      await new Promise((r) => setTimeout(r, 500));
    }
    const keptSeconds = Math.round((performance.now() - t0) / 100) / 10;
    await context.setOffline(true);
    // Inside the app (a page load would lock the store: the key is in memory only).
    await page.evaluate("window.history.pushState(null, '', '/beneficiaries/new'); window.dispatchEvent(new PopStateEvent('popstate'))");
    const field = page.locator('.code-first input').first();
    await field.waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const screen: number[] = [];
    for (let n = 0; n < CHECK_TYPED; n++) {
      const known = benchCode(1 + ((n * 7919) % CHECK_PERSONS));
      const typed = `${known[0] === 'B' ? 'C' : 'B'}${known.slice(1)}`; // one letter off a known code
      await field.fill('');
      const before = (await page.evaluate("performance.getEntriesByName('relais:offline-code-check').length")) as number;
      const started = performance.now();
      await field.fill(typed);
      // A function, not a string: the app's Content Security Policy forbids evaluating strings.
      await page.waitForFunction((n) => performance.getEntriesByName('relais:offline-code-check').length > n, before, { timeout: 30_000 });
      screen.push(performance.now() - started);
    }
    const checks = (await page.evaluate("performance.getEntriesByName('relais:offline-code-check').map((e) => e.duration)")) as number[];
    if (process.env.RELAIS_BENCH_VERBOSE) console.log('  offline checks (ms):', checks.map((c) => Math.round(c)).join(' '));
    // Where the time goes: the kept settings read (IndexedDB and decryption), the kept codes and
    // outbox, core's neighbourhood and comparisons.
    const phases: Record<string, unknown> = {};
    for (const phase of ['settings', 'kept', 'match']) {
      const times = (await page.evaluate(`performance.getEntriesByName('relais:offline-code-check:${phase}').map((e) => e.duration)`)) as number[];
      phases[phase] = { p50: percentile(times, 50), p95: percentile(times, 95), max: percentile(times, 100) };
      if (process.env.RELAIS_BENCH_VERBOSE) console.log(`  ${phase} (ms):`, times.map((c) => Math.round(c)).join(' '));
    }
    await context.close();
    return {
      persons: CHECK_PERSONS,
      cpuThrottling: 4,
      codesKeptSeconds: keptSeconds,
      typed: CHECK_TYPED,
      checkMs: { p50: percentile(checks, 50), p95: percentile(checks, 95), max: percentile(checks, 100), n: checks.length },
      checkGoalP95Ms: 50,
      checkPhasesMs: phases,
      typedToAnswerMs: { p50: percentile(screen, 50), p95: percentile(screen, 95) },
    };
  } finally {
    await browser.close();
    await app.close();
    await db.close();
  }
}

const t = { ...coreFr, ...webFr } as Record<string, string>;
const QUEUED_CONTACTS = Number(process.env.RELAIS_BENCH_FIELD_CONTACTS ?? 600);
const QUEUED_REGISTRATIONS = Number(process.env.RELAIS_BENCH_FIELD_REGISTRATIONS ?? 50);

/** Opens a screen inside the app (a page load would lock the store: its key is in memory only). */
async function go(page: Page, to: string) {
  await page.evaluate(`window.history.pushState(null, '', ${JSON.stringify(to)}); window.dispatchEvent(new PopStateEvent('popstate'))`);
}

const usage = async (page: Page) => ((await page.evaluate('navigator.storage.estimate().then((e) => e.usage)')) as number) ?? 0;

async function measureThirtyDays(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ engine: 'embedded', dataDir: 'memory://' });
  await migrateToLatest(db.kysely);
  await generateBenchData(db, { persons: 2000, services: 0, sections: 5 });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-field-days-')) }), db });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    // The peer educator of the first section (persons i ≡ 0 mod 5), through the API as the administrator.
    const adminLogin = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { organisation: 'BENCH', username: 'admin', password: BENCH_PASSWORD } });
    const headers = { cookie: `relais_session=${adminLogin.cookies.find((c) => c.name === 'relais_session')!.value}`, 'x-csrf-token': (JSON.parse(adminLogin.body) as { csrfToken: string }).csrfToken };
    const section = (await db.kysely.selectFrom('org_unit').select('id').where('code', '=', 'S0').executeTakeFirstOrThrow()).id;
    const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'ep.days', displayName: 'Paire Trente Jours', password: BENCH_PASSWORD, assignments: [{ role: 'peer_educator', orgUnitId: section, programs: null }] } });
    if (created.statusCode !== 201) throw new Error(`peer educator: ${created.body}`);
    const peerId = (JSON.parse(created.body) as { id: string }).id;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('input[autocomplete="organization"]').fill('BENCH');
    await page.locator('input[autocomplete="username"]').fill('ep.days');
    await page.locator('input[autocomplete="current-password"]').fill(BENCH_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('header.topbar').waitFor();
    await page.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)');
    for (const started = performance.now(); ; ) {
      if (((await page.evaluate(storedKeys)) as string[]).some((k) => k.endsWith('|codes|all'))) break;
      if (performance.now() - started > 120_000) throw new Error('codes not kept');
      await new Promise((r) => setTimeout(r, 500));
    }
    // Program and place once (the quick contact keeps them on the device).
    await go(page, '/contacts/quick');
    const settings = page.locator('details').filter({ hasText: t['quick.settings']! });
    await settings.locator('summary').click();
    await page.getByLabel(t['field.program']!, { exact: true }).selectOption({ label: t['program.prev_ps']! });
    await context.setOffline(true);
    const empty = await usage(page);

    const t0 = performance.now();
    for (let n = 0; n < QUEUED_REGISTRATIONS; n++) {
      await go(page, '/beneficiaries/new');
      const code = `${'BCDFGHJKLM'[n % 10]}${'BCDFGHJKLM'[Math.floor(n / 10) % 10]}ZZ1999F`; // nobody's code (the generated persons are born in 1960)
      await page.getByRole('textbox', { name: t['register.codeLabel']!, exact: true }).fill(code);
      const newPerson = page.getByRole('button', { name: t['register.newPerson']! });
      const population = page.getByLabel(t['population.PS']!, { exact: true });
      await newPerson.or(population).first().waitFor();
      if (await newPerson.isVisible()) await newPerson.click();
      await population.check();
      await page.getByRole('button', { name: t['register.submit']!, exact: true }).click();
      await page.getByText(interpolate(t['outbox.registeredOnDevice']!, { code })).waitFor();
    }
    const registered = await usage(page);
    const registrationsSeconds = Math.round((performance.now() - t0) / 100) / 10;

    const t1 = performance.now();
    await go(page, '/contacts/quick');
    for (let n = 0; n < QUEUED_CONTACTS; n++) {
      const code = benchCode(5 * (1 + (n % 399))); // persons of section S0
      await page.getByRole('textbox', { name: t['register.codeLabel']!, exact: true }).fill(code);
      const condoms = page.getByRole('button', { name: t['service.condoms']!, exact: true });
      await condoms.click();
      await page.getByRole('button', { name: interpolate(t['quick.save']!, { count: 1 }) }).click();
      await page.getByText(t['outbox.savedOnDevice']!).first().waitFor();
      await page.getByRole('textbox', { name: t['register.codeLabel']!, exact: true }).fill('');
    }
    const queued = await usage(page);
    const contactsSeconds = Math.round((performance.now() - t1) / 100) / 10;
    const outboxKeys = async () => ((await page.evaluate(storedKeys)) as string[]).filter((k) => k.includes('|outbox|')).length;
    const waiting = await outboxKeys();

    const t2 = performance.now();
    await context.setOffline(false);
    for (;;) {
      if ((await outboxKeys()) === 0) break;
      if (performance.now() - t2 > 600_000) throw new Error(`the outbox still holds ${await outboxKeys()} items after 10 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const syncSeconds = Math.round((performance.now() - t2) / 100) / 10;
    const count = async () => {
      const services = await sql<{ n: number }>`select count(*)::int as n from service_event where created_by = ${peerId}::uuid and deleted_at is null`.execute(db.kysely);
      const persons = await sql<{ n: number }>`select count(*)::int as n from beneficiary where registered_by = ${peerId}::uuid`.execute(db.kysely);
      return { services: services.rows[0]!.n, persons: persons.rows[0]!.n };
    };
    const onServer = await count();
    // A second sync (the page reopened online) sends nothing again.
    await page.reload();
    await page.locator('header.topbar, input[autocomplete="current-password"]').first().waitFor();
    await new Promise((r) => setTimeout(r, 3000));
    const afterRetry = await count();
    await context.close();
    return {
      queuedRegistrations: QUEUED_REGISTRATIONS,
      queuedContacts: QUEUED_CONTACTS,
      outboxItems: waiting,
      queueingSeconds: { registrations: registrationsSeconds, contacts: contactsSeconds },
      storageBytes: { empty, afterRegistrations: registered, afterContacts: queued },
      bytesPer1000Contacts: Math.round(((queued - registered) / QUEUED_CONTACTS) * 1000),
      syncSeconds,
      onServer,
      exactlyOnce: onServer.services === QUEUED_CONTACTS && onServer.persons === QUEUED_REGISTRATIONS,
      unchangedBySecondSync: afterRetry.services === onServer.services && afterRetry.persons === onServer.persons,
    };
  } finally {
    await browser.close();
    if (app.server.listening) await app.close();
    await db.close();
  }
}

export async function benchField(): Promise<Record<string, unknown>> {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'web'), stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('web build failed');
  const db = await openDatabase({ engine: 'embedded', dataDir: 'memory://' });
  await migrateToLatest(db.kysely);
  const { app } = await benchApp(db, 'field');
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const wire = await measureWire(base);
    // RELAIS_BENCH_FIELD_LOAD=0 or RELAIS_BENCH_FIELD_CHECK=0 skip a part (to measure one change quickly).
    const browser = process.env.RELAIS_BENCH_FIELD_LOAD === '0' ? null : await measureBrowser(base);
    await app.close();
    await db.close();
    const offlineCodeCheck = process.env.RELAIS_BENCH_FIELD_CHECK === '0' ? null : await measureOfflineCheck();
    const thirtyDaysOffline = process.env.RELAIS_BENCH_FIELD_DAYS === '0' ? null : await measureThirtyDays();
    return { date: new Date().toISOString(), wire, browser, offlineCodeCheck, thirtyDaysOffline };
  } finally {
    if (app.server.listening) await app.close();
    await db.close().catch(() => undefined);
  }
}
