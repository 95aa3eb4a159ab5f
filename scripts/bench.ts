// `npm run bench [suite…]`: figures printed and written to bench-results/<suite>.json.
// foundation:
// - start-up of `relais start` on a new embedded data folder (initdb + migrations) and on an existing one;
// - latency of login, GET /auth/me and POST /org-units (write + audit) over HTTP;
// - health-check latency while a 2 s query runs (the embedded engine is off the event loop).
// Set RELAIS_BENCH_DATABASE_URL to measure a PostgreSQL server too.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPostgresDatabase } from './bench-engines.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const relais = path.join(root, 'server', 'bin', 'relais.js');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [relais, 'start'], { env: { ...process.env, ...env, PORT: String(port), RELAIS_LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return { child, ms: Math.round(performance.now() - t0) };
    } catch {
      /* not yet */
    }
    if (performance.now() - t0 > 120_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function timed(n: number, fn: () => Promise<Response>): Promise<{ p50: number; p95: number; n: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    ms.push(performance.now() - t0);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n };
}

async function benchEngine(name: string, env: NodeJS.ProcessEnv, port: number) {
  const first = await startServer(env, port);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const json = { 'content-type': 'application/json' };
  const code = `B${Date.now().toString(36).toUpperCase()}`;
  const setup = await fetch(`${base}/setup`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ organisation: { code, name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: 'synthetic passphrase 41' } }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await setup.json()) as { csrfToken: string; assignments: { orgUnit: { id: string } }[] };
  const root = me.assignments[0]!.orgUnit.id;
  const login = await timed(5, () => fetch(`${base}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ organisation: code, username: 'admin', password: 'synthetic passphrase 41' }) }));
  const meRead = await timed(300, () => fetch(`${base}/auth/me`, { headers: { cookie } }));
  let i = 0;
  const createUnit = await timed(200, () =>
    fetch(`${base}/org-units`, {
      method: 'POST',
      headers: { ...json, cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ code: `S${i++}`, name: `Section ${i}`, level: 'section', parentId: root }),
    }),
  );
  await stop(first.child);
  const again = await startServer(env, port);
  await stop(again.child);
  return { engine: name, startFirstMs: first.ms, startAgainMs: again.ms, loginMs: login, meMs: meRead, createOrgUnitMs: createUnit };
}

async function healthDuringSlowQuery() {
  const { openDatabase } = await import('../server/src/db/database.ts');
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/config.ts');
  const { sql } = await import('kysely');
  const db = await openDatabase({ engine: 'embedded', dataDir: 'memory://' });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: os.tmpdir() }), db });
  const slow = sql`select pg_sleep(2)`.execute(db.kysely);
  await new Promise((r) => setTimeout(r, 100));
  const ms: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t0 = performance.now();
    await app.inject({ method: 'GET', url: '/api/v1/health' });
    ms.push(performance.now() - t0);
  }
  await slow;
  await app.close();
  await db.close();
  return { p50: percentile(ms, 50), max: percentile(ms, 100), n: ms.length, whileQueryMs: 2000 };
}

async function benchFoundation() {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
  results.embedded = await benchEngine('embedded', { RELAIS_DATA_DIR: dataDir, DATABASE_URL: '' }, 39500);
  if (process.env.RELAIS_BENCH_DATABASE_URL) {
    const fresh = await freshPostgresDatabase(process.env.RELAIS_BENCH_DATABASE_URL);
    try {
      results.postgres = await benchEngine('postgres', { RELAIS_DATA_DIR: dataDir, DATABASE_URL: fresh.url }, 39501);
    } finally {
      await fresh.drop();
    }
  }
  results.healthDuringSlowQueryMs = await healthDuringSlowQuery();
  return results;
}

// `npm run bench` runs every suite (load: see bench-load.ts; writes load-<engine>.json too); `npm run bench -- registry` one of them.
const suites: Record<string, () => Promise<Record<string, unknown>>> = {
  foundation: benchFoundation,
  registry: async () => (await import('./bench-registry.ts')).benchRegistry(),
  'registry-import': async () => (await import('./bench-registry-import.ts')).benchRegistryImport(),
  capture: async () => (await import('./bench-capture.ts')).benchCapture(),
  cases: async () => (await import('./bench-cases.ts')).benchCases(),
  directory: async () => (await import('./bench-directory.ts')).benchDirectory(),
  reports: async () => (await import('./bench-reports.ts')).benchReports(),
  stock: async () => (await import('./bench-stock.ts')).benchStock(),
  load: async () => (await import('./bench-load.ts')).benchLoad(),
  crash: async () => (await import('./bench-crash.ts')).benchCrash(),
  field: async () => (await import('./bench-field.ts')).benchField(),
};
const wanted = process.argv.slice(2).filter((a) => a in suites);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
for (const name of wanted.length ? wanted : Object.keys(suites)) {
  console.log(`\n=== bench: ${name} ===`);
  const results = await suites[name]!();
  // One engine only (RELAIS_BENCH_ENGINES) writes a file of its own, so two runs side by side keep both.
  // (`load` writes load-<engine>.json itself, in its own shape: its summary stays load.json.)
  const only = name !== 'load' && process.env.RELAIS_BENCH_ENGINES?.includes(',') === false ? `-${process.env.RELAIS_BENCH_ENGINES}` : '';
  const out = path.join(root, 'bench-results', `${name}${only}.json`);
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log(`written to ${out}`);
}
