// Registry import bench (issue 10, item 7): a file of new beneficiaries imported whole, with the
// probable-duplicate check of every new record against the registry and within the file.
// Sizes RELAIS_BENCH_IMPORT_PERSONS (default "100000,1000000"); each size on a fresh organisation
// whose registry already holds a tenth of it (imported first, timed too). Goals: 100,000 in ≤ 60 s
// embedded and ≤ 30 s on PostgreSQL, 1,000,000 in ≤ 10 min. Then a 3,000-row upload through the
// HTTP import (the Import screen's path) into the largest registry. Synthetic codes only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../server/src/db/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { syntheticCodes } from './bench-registry.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { createOrganisation } from '../server/src/modules/setup/index.ts';
import { createImportService, parseCsv } from '../server/src/modules/imports/index.ts';

const SIZES = (process.env.RELAIS_BENCH_IMPORT_PERSONS ?? '100000,1000000').split(',').map(Number);
const HTTP_ROWS = 3000;

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;
const csvOf = (codes: string[], section: string) => ['code,populations,sex,section,registered_on', ...codes.map((c) => `${c},PS,${c.endsWith('M') ? 'M' : 'F'},${section},2024-01-01`)].join('\n');

async function importSize(db: Db, n: number, codes: string[], http: boolean) {
  const code = `B${n}`;
  const org = await db.kysely.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code, name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: 'synthetic passphrase 41' }, locale: 'fr' }),
  );
  const imports = createImportService(db.kysely);
  // Seconds from the import's start to the end of each phase (checked, compared, written, queued).
  let phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const importer = {
    organisationId: org.organisationId,
    ctx: null,
    onProgress: (phase: string, done: number, total: number) => {
      if (done !== total) return;
      phases[phase] = seconds(phaseStart);
      process.stdout.write(`    ${phase} ${done}/${total} at ${phases[phase]} s\n`);
    },
  };
  const base = codes.slice(0, Math.floor(n / 10));
  const file = codes.slice(base.length, base.length + n);
  let t0 = performance.now();
  const first = await imports.importTable(importer, 'beneficiaries', parseCsv(csvOf(base, code)));
  const baseSeconds = seconds(t0);
  t0 = performance.now();
  const table = parseCsv(csvOf(file, code));
  const parseSeconds = seconds(t0);
  t0 = performance.now();
  phases = {};
  phaseStart = t0;
  const report = await imports.importTable(importer, 'beneficiaries', table);
  const importSeconds = seconds(t0);
  const importPhases = phases;
  if (!first.applied || !report.applied) throw new Error(JSON.stringify(report.issues.slice(0, 5)));
  const pairs = (await sql<{ n: number }>`select count(*)::int as n from beneficiary_pair where organisation_id = ${org.organisationId}`.execute(db.kysely)).rows[0]!.n;
  const out: Record<string, unknown> = {
    // The machine may be shared: its load average (1, 5, 15 min) as the import ended.
    loadAverageAfter: os.loadavg().map((x) => Math.round(x * 10) / 10),
    registryBefore: base.length,
    registryImportSeconds: baseSeconds,
    persons: file.length,
    parseSeconds,
    importSeconds,
    phasesEndAtSeconds: importPhases,
    personsPerSecond: Math.round(file.length / importSeconds),
    probablePairsQueued: pairs,
  };
  if (http) {
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-imp-')) }), db });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { organisation: code, username: 'admin', password: 'synthetic passphrase 41' } });
    const cookie = `relais_session=${login.cookies.find((c) => c.name === 'relais_session')!.value}`;
    const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
    const upload = csvOf(codes.slice(base.length + n, base.length + n + HTTP_ROWS), code);
    const send = (dryRun: boolean) =>
      app.inject({ method: 'POST', url: `/api/v1/imports?kind=beneficiaries&dryRun=${dryRun}`, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' }, payload: upload });
    t0 = performance.now();
    const preview = await send(true);
    const previewSeconds = seconds(t0);
    t0 = performance.now();
    const applied = await send(false);
    const uploadSeconds = seconds(t0);
    if (applied.statusCode !== 200 || !(JSON.parse(applied.body) as { applied: boolean }).applied) throw new Error(applied.body.slice(0, 500));
    await app.close();
    out.httpUpload = { rows: HTTP_ROWS, registryBefore: base.length + n, previewSeconds, importSeconds: uploadSeconds, previewStatus: preview.statusCode };
  }
  return out;
}

export async function benchRegistryImport(): Promise<Record<string, unknown>> {
  const largest = Math.max(...SIZES);
  console.log(`  generating ${Math.round(largest * 1.1) + HTTP_ROWS} synthetic codes`);
  const codes = syntheticCodes(Math.round(largest * 1.1) + HTTP_ROWS);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10) };
  Object.assign(
    results,
    await onEachEngine(async (engine, db) => {
      const bySize: Record<string, unknown> = {};
      for (const n of SIZES) {
        console.log(`  ${engine}: importing ${n} persons`);
        bySize[String(n)] = await importSize(db, n, codes, n === SIZES[0]);
        console.log(`  ${engine}: ${JSON.stringify(bySize[String(n)])}`);
      }
      return bySize;
    }),
  );
  return results;
}
