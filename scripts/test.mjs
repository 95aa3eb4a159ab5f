#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it.
//  1. unit + database tests on the embedded engine (PGlite), then on a PostgreSQL server when
//     RELAIS_TEST_DATABASE_URL is set (a URL whose user may create databases; .ci/run starts a
//     throwaway cluster), each alone: they keep both cores busy (run beside the browser tests, both
//     slowed down: measured 31.8 min in all against 27);
//  2. the web app's build;
//  3. the browser tests (Playwright + system Chromium) in two lanes side by side (a browser pass
//     keeps about a core busy):
//     lane A: the embedded engine's specs, but for LANE_B_SPECS;
//     lane B: the specs on the PostgreSQL server (POSTGRES_SPECS: those whose writes and reads
//             differ most between engines; RELAIS_E2E_ALL_ENGINES=1 runs every spec on both), then
//             LANE_B_SPECS on the embedded engine — so that both lanes end about together.
//     Each browser pass has its own port, data and output folder, its lines prefixed with its name.
//     No screenshots unless RELAIS_E2E_SHOTS names a folder for them (e2e/fixtures.ts `shots`).
//     RELAIS_E2E_SEQUENTIAL=1 runs everything one step after the other.
// Ends with one line "N passed, M failed" and a non-zero exit when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

/** The browser specs the PostgreSQL pass runs: first run, registration, capture, imports, cases, referrals across organisations, stock, the offline shell. */
const POSTGRES_SPECS = ['first-run', 'registry', 'capture', 'import', 'cases', 'referrals', 'referral-link', 'stock', 'offline-shell'];
/**
 * The embedded specs lane B runs after the PostgreSQL pass (about 7 min on 2 cores), about 5 min of
 * them, so that lane A's embedded specs (about 12 min) and lane B end about together (ADR 0044:
 * figures without the screenshots). Move a spec between the lanes when the durations printed at the
 * end say so.
 */
const LANE_B_SPECS = ['indicators', 'programs', 'stories', 'rights', 'second-factor', 'places', 'reports'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp', 'test-results');
fs.mkdirSync(out, { recursive: true });
const pgUrl = process.env.RELAIS_TEST_DATABASE_URL;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
/** The failed tests' names, printed again at the very end (a CI log is often read from its tail). */
const failures = [];
let exitCode = 0;

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (res.status !== 0) exitCode = 1;
  return res.status === 0;
}

/** Like `run`, without waiting: the command's lines are prefixed with `[tag]`; resolves to whether it passed. */
function start(title, tag, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    let rest = '';
    from.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) to.write(`[${tag}] ${line}\n`);
    });
    from.on('end', () => rest && to.write(`[${tag}] ${rest}\n`));
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      console.log(`=== ${title}: ${code === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
      if (code !== 0) exitCode = 1;
      resolve(code === 0);
    });
  });
}

function countVitest(file, engine) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  for (const suite of r.testResults ?? []) {
    const where = path.relative(root, suite.name);
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) failures.push(`[${engine}] ${where} › ${t.fullName} — ${(t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`);
    if (failedTests.length === 0 && suite.status === 'failed') failures.push(`[${engine}] ${where} — ${(suite.message ?? '').split('\n')[0].slice(0, 300)}`);
  }
}

function countPlaywright(file, engine) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const last = t.results?.at(-1);
        failures.push(`[${engine}] e2e/${spec.file}:${spec.line} › ${spec.title} — ${(last?.error?.message ?? '').split('\n')[0].slice(0, 300)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
}

/** Seconds per test file or spec file of a pass, from its JSON report. */
const durations = [];
function vitestDurations(file, pass) {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  return (r.testResults ?? []).map((t) => ({ pass, name: path.relative(root, t.name), seconds: ((t.endTime ?? 0) - (t.startTime ?? 0)) / 1000 }));
}
function playwrightDurations(file, pass) {
  if (!fs.existsSync(file)) return [];
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const bySpec = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) for (const res of t.results ?? []) bySpec.set(spec.file, (bySpec.get(spec.file) ?? 0) + res.duration / 1000);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
  return [...bySpec].map(([name, seconds]) => ({ pass, name: `e2e/${name}`, seconds }));
}

/** Runs the database tests on `engine`; returns whether they passed. */
function vitest(engine) {
  const file = path.join(out, `vitest-${engine}.json`);
  fs.rmSync(file, { force: true });
  const title = `unit and database tests (${engine})`;
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  const ok = run(title, bin('vitest'), args, { RELAIS_TEST_ENGINE: engine });
  countVitest(file, engine);
  durations.push(...vitestDurations(file, engine));
  return ok;
}

/** A browser pass: `name` picks its port, data and output; `specs` empty means all of them. */
async function browserPass(name, index, engine, specs) {
  const env = { RELAIS_E2E_PORT: String(basePort + index), RELAIS_E2E_OUTPUT: path.join(root, 'test-results', name) };
  if (engine === 'postgres') {
    const dbName = `relais_e2e_${randomBytes(4).toString('hex')}`;
    const create = spawnSync('node', ['-e', `const pg=require('pg');const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query('create database ${dbName}')).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})`, pgUrl], { cwd: path.join(root, 'server'), stdio: 'inherit' });
    if (create.status !== 0) {
      exitCode = 1;
      return false;
    }
    const url = new URL(pgUrl);
    url.pathname = `/${dbName}`;
    env.E2E_DATABASE_URL = url.toString();
  }
  const file = path.join(out, `playwright-${name}.json`);
  fs.rmSync(file, { force: true });
  const ok = await start(`browser tests (${name})`, name, bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json', ...specs], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  countPlaywright(file, name);
  durations.push(...playwrightDurations(file, name));
  return ok;
}

const basePort = Number(process.env.RELAIS_E2E_PORT ?? 3123);
const sequential = process.env.RELAIS_E2E_SEQUENTIAL === '1';
const specFile = (n) => `e2e/${n}.spec.ts`;
const allSpecs = fs.readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.spec.ts')).sort().map((f) => `e2e/${f}`);
const laneASpecs = allSpecs.filter((f) => !LANE_B_SPECS.map(specFile).includes(f));

vitest('embedded');
if (pgUrl) vitest('postgres');
if (run('build the web app', 'npm', ['run', 'build', '--workspace', 'web'])) {
  const laneA = () => browserPass('embedded', 0, 'embedded', laneASpecs);
  const laneB = async () => {
    if (pgUrl) await browserPass('postgres', 1, 'postgres', process.env.RELAIS_E2E_ALL_ENGINES === '1' ? [] : POSTGRES_SPECS.map(specFile));
    await browserPass('embedded-b', 2, 'embedded', LANE_B_SPECS.map(specFile));
  };
  if (sequential) {
    await laneA();
    await laneB();
  } else await Promise.all([laneA(), laneB()]);
}

// The slowest files and specs, to balance the lanes and to see what CI time goes to.
durations.sort((a, b) => b.seconds - a.seconds);
console.log(`\nSlowest:\n${durations.slice(0, 15).map((d) => `  ${d.seconds.toFixed(0).padStart(5)} s  [${d.pass}] ${d.name}`).join('\n')}`);

if (passed + failed === 0) exitCode = 1; // a run that ran nothing is not a pass
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
