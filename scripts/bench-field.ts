// Field app bench (issue 16, ADR 0025), a few seconds:
// - bytes over the wire of the field entry (the JS and CSS index.html loads: every field screen),
//   sent with brotli, with gzip and without (budget ≤ 250 KB as sent);
// - in Chromium (Playwright, /usr/bin/chromium): first load of the login page on a throttled
//   "Slow 3G" profile (DevTools preset through CDP Network.emulateNetworkConditions: 2 s latency,
//   400 kbit/s; goal ≤ 5 s) and on "Fast 3G" for comparison; after one online login, a reload
//   with the network cut until the home page shows (goal ≤ 1 s).
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
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const result: Record<string, unknown> = { files };
  for (const encoding of ['br', 'gzip', 'identity']) {
    let total = 0;
    for (const file of files) {
      const { bytes, sentEncoding } = await wireBytes(base, file, encoding);
      if (sentEncoding !== encoding) throw new Error(`${file}: asked ${encoding}, got ${sentEncoding}`);
      total += bytes;
    }
    result[`${encoding}Bytes`] = total;
  }
  result.budgetBytes = BUDGET_BYTES;
  result.withinBudget = (result.brBytes as number) <= BUDGET_BYTES && (result.gzipBytes as number) <= BUDGET_BYTES;
  return result;
}

async function logIn(page: Page) {
  await page.locator('input[autocomplete="organization"]').fill('BENCH');
  await page.locator('input[autocomplete="username"]').fill('admin');
  await page.locator('input[autocomplete="current-password"]').fill(BENCH_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.locator('header.topbar').waitFor();
}

async function measureBrowser(base: string) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const firstLoadMs: Record<string, number> = {};
    const chromiumEncodings = new Set<string>();
    for (const [name, profile] of Object.entries(profiles)) {
      // A new device: empty cache, no service worker.
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('response', (response) => {
        if (response.url().includes('/assets/')) chromiumEncodings.add(response.headers()['content-encoding'] ?? 'identity');
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
      const t0 = performance.now();
      await page.goto(base);
      await page.locator('input[autocomplete="current-password"]').waitFor({ timeout: 60_000 });
      firstLoadMs[name] = Math.round(performance.now() - t0);
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
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await page.reload();
      // The logged-in shell and its screen (offline: the session remembered on the device).
      await page.locator('header.topbar').waitFor();
      await page.locator('main h1').waitFor();
      reloads.push(performance.now() - t0);
    }
    await context.close();
    return {
      firstLoadMs,
      // What Chromium accepted here (over plain HTTP on 127.0.0.1; over HTTPS it accepts brotli).
      chromiumEncodings: [...chromiumEncodings],
      firstLoadSlow3gGoalMs: 5000,
      offlineReloadMs: { p50: percentile(reloads, 50), max: percentile(reloads, 100), n: reloads.length },
      offlineReloadGoalMs: 1000,
    };
  } finally {
    await browser.close();
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
    return { date: new Date().toISOString(), wire: await measureWire(base), browser: await measureBrowser(base) };
  } finally {
    await app.close();
    await db.close();
  }
}
