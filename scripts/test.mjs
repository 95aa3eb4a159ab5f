#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it.
//  1. unit + database tests on the embedded engine (PGlite);
//  2. the database tests again on a PostgreSQL server when RELAIS_TEST_DATABASE_URL is set
//     (a URL whose user may create databases; .ci/run starts a throwaway cluster);
//  3. the browser tests (Playwright + system Chromium) on the embedded engine, and on the
//     server too when RELAIS_TEST_DATABASE_URL is set, the passes side by side (about a core each),
//     each with its own port, data and output folder, its lines prefixed with its name; the
//     embedded pass can be split in shards of spec files (EMBEDDED_SHARDS, RELAIS_E2E_SHARDS).
//     RELAIS_E2E_SEQUENTIAL=1 runs them one after the other. The server pass runs the specs whose
//     writes and reads differ most between engines (POSTGRES_SPECS); RELAIS_E2E_ALL_ENGINES=1 runs
//     every spec on both (the database tests already run whole on both engines).
// Ends with one line "N passed, M failed" and a non-zero exit when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

/** The browser specs the PostgreSQL pass runs: first run, registration, capture, imports, cases, referrals across organisations, stock, the offline shell. */
/** The embedded browser pass in this many shards run side by side (RELAIS_E2E_SHARDS overrides: more cores). */
const EMBEDDED_SHARDS = 1;
const POSTGRES_SPECS = ['first-run', 'registry', 'capture', 'import', 'cases', 'referrals', 'referral-link', 'stock', 'offline-shell'];
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

for (const engine of ['embedded', ...(pgUrl ? ['postgres'] : [])]) {
  const file = path.join(out, `vitest-${engine}.json`);
  fs.rmSync(file, { force: true });
  run(`unit and database tests (${engine})`, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
    RELAIS_TEST_ENGINE: engine,
  });
  countVitest(file, engine);
}

if (run('build the web app', 'npm', ['run', 'build', '--workspace', 'web'])) {
  const basePort = Number(process.env.RELAIS_E2E_PORT ?? 3123);
  // The embedded pass may be split in shards of spec files, each with its own server, data and
  // port, side by side with the server pass. A pass keeps about a core busy: on 2 cores, four
  // passes saturated the machine and browser tests timed out, so one shard is the default here;
  // RELAIS_E2E_SHARDS splits it on a machine with more cores.
  const shards = Math.max(1, Number(process.env.RELAIS_E2E_SHARDS ?? EMBEDDED_SHARDS));
  const passNames = [...Array.from({ length: shards }, (_, i) => (shards === 1 ? 'embedded' : `embedded-${i + 1}`)), ...(pgUrl ? ['postgres'] : [])];
  const allSpecs = fs.readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.spec.ts')).sort().map((f) => `e2e/${f}`);
  const passes = [];
  for (const [i, name] of passNames.entries()) {
    const engine = name === 'postgres' ? 'postgres' : 'embedded';
    const env = { RELAIS_E2E_PORT: String(basePort + i), RELAIS_E2E_OUTPUT: path.join(root, 'test-results', name) };
    if (engine === 'postgres') {
      const dbName = `relais_e2e_${randomBytes(4).toString('hex')}`;
      const create = spawnSync('node', ['-e', `const pg=require('pg');const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query('create database ${dbName}')).then(()=>c.end()).catch(e=>{console.error(e.message);process.exit(1)})`, pgUrl], { cwd: path.join(root, 'server'), stdio: 'inherit' });
      if (create.status !== 0) {
        exitCode = 1;
        continue;
      }
      const url = new URL(pgUrl);
      url.pathname = `/${dbName}`;
      env.E2E_DATABASE_URL = url.toString();
    }
    const file = path.join(out, `playwright-${name}.json`);
    fs.rmSync(file, { force: true });
    // Shard k takes every shards-th spec file in name order (Playwright's own --shard puts the long
    // files together); the server pass takes POSTGRES_SPECS.
    const specs =
      engine === 'postgres'
        ? process.env.RELAIS_E2E_ALL_ENGINES === '1'
          ? []
          : POSTGRES_SPECS.map((n) => `e2e/${n}.spec.ts`)
        : shards > 1
          ? allSpecs.filter((_, k) => k % shards === i)
          : [];
    const pass = () => start(`browser tests (${name})`, name, bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json', ...specs], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    passes.push(process.env.RELAIS_E2E_SEQUENTIAL === '1' ? await Promise.all(passes).then(pass) : pass());
  }
  await Promise.all(passes);
  for (const name of passNames) countPlaywright(path.join(out, `playwright-${name}.json`), name);
}

if (passed + failed === 0) exitCode = 1; // a run that ran nothing is not a pass
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
