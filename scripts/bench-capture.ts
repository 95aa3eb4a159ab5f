// Capture bench: push of one sync batch of 1,000 services (server time; goal ≤ 1 s), the same batch
// again (must create nothing), and the import of a 100,000-row services file (goal < 60 s embedded).
// Embedded always; PostgreSQL too with RELAIS_BENCH_DATABASE_URL. Synthetic data only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../server/src/db/index.ts';
import { onEachEngine } from './bench-engines.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { createOrganisation } from '../server/src/modules/setup/index.ts';
import { createImportService, parseCsv } from '../server/src/modules/imports/index.ts';

const PERSONS = 5000;
const IMPORT_ROWS = Number(process.env.RELAIS_BENCH_IMPORT_ROWS ?? 100_000);

async function measure(db: Db) {
  const org = await db.kysely.transaction().execute((trx) =>
    createOrganisation(trx, { organisation: { code: 'BENCH', name: 'Bench' }, admin: { username: 'admin', displayName: 'Admin', password: 'synthetic passphrase 41' }, locale: 'fr' }),
  );
  const imports = createImportService(db.kysely);
  const letters = 'ABCDEFGHIJKLMNOPRSTVZ';
  const codes = new Set<string>();
  for (let i = 0; codes.size < PERSONS; i++) codes.add(`${letters[i % 21]}${letters[Math.floor(i / 21) % 21]}${letters[Math.floor(i / 441) % 21]}A${1960 + (i % 45)}F`);
  const people = parseCsv(['code,populations,sex,section,registered_on', ...[...codes].map((c) => `${c},PS,F,BENCH,2024-01-01`)].join('\n'));
  await imports.importTable({ organisationId: org.organisationId, ctx: null }, 'beneficiaries', people);
  const ids = (await db.kysely.selectFrom('beneficiary').select('id').execute()).map((r) => r.id);

  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', RELAIS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-cap-')) }), db });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { organisation: 'BENCH', username: 'admin', password: 'synthetic passphrase 41' } });
  const cookie = `relais_session=${login.cookies.find((c) => c.name === 'relais_session')!.value}`;
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  const services = ['condoms', 'iec_session', 'lubricant', 'outreach_contact'] as const;
  const operations = Array.from({ length: 1000 }, (_, i) => {
    const service = services[i % services.length]!;
    return {
      id: randomUUID(),
      kind: 'record_contact',
      payload: {
        beneficiaryId: ids[i % ids.length],
        date: '2025-06-01',
        orgUnitId: org.rootUnitId,
        program: 'prev_ps',
        services: [{ id: randomUUID(), service, ...(service === 'condoms' || service === 'lubricant' ? { quantity: 10 } : {}), ...(service === 'outreach_contact' ? { modality: 'in_person' } : {}) }],
      },
    };
  });
  const push = async () => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: { cookie, 'x-csrf-token': csrf }, payload: { operations } });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body.slice(0, 500)}`);
    const statuses = (JSON.parse(res.body) as { results: { status: string }[] }).results.map((r) => r.status);
    return { ms: Math.round(ms), applied: statuses.filter((s) => s === 'applied').length, alreadyApplied: statuses.filter((s) => s === 'already_applied').length, rejected: statuses.filter((s) => s === 'rejected').length };
  };
  const first = await push();
  const countAfterFirst = Number((await sql<{ n: number }>`select count(*)::int as n from service_event`.execute(db.kysely)).rows[0]!.n);
  const second = await push();
  const countAfterSecond = Number((await sql<{ n: number }>`select count(*)::int as n from service_event`.execute(db.kysely)).rows[0]!.n);
  await app.close();

  const codeList = [...codes];
  const lines = ['code,date,section,program,service,quantity,worker'];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    lines.push(`${codeList[i % codeList.length]},2024-${month}-${day},BENCH,prev_ps,condoms,${(i % 97) + 1},admin`);
  }
  const t0 = performance.now();
  const table = parseCsv(lines.join('\n'));
  const parsedMs = performance.now() - t0;
  const report = await imports.importTable({ organisationId: org.organisationId, ctx: null }, 'services', table);
  const importSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await imports.importTable({ organisationId: org.organisationId, ctx: null }, 'services', table);
  const reimportSeconds = (performance.now() - t1) / 1000;
  return {
    push1000: { ...first, servicesAfter: countAfterFirst },
    push1000Again: { ...second, servicesAfter: countAfterSecond, createdNothing: countAfterSecond === countAfterFirst },
    import: { rows: IMPORT_ROWS, parseMs: Math.round(parsedMs), seconds: Math.round(importSeconds * 10) / 10, created: report.created, errors: report.issues.length },
    reimport: { seconds: Math.round(reimportSeconds * 10) / 10, created: again.created, unchanged: again.unchanged },
  };
}

export async function benchCapture(): Promise<Record<string, unknown>> {
  return { date: new Date().toISOString(), ...(await onEachEngine((_engine, db) => measure(db))) };
}
