// Load bench (issue: a month-end morning with a hundred workers must not queue).
// Generates RELAIS_BENCH_LOAD_PERSONS (default 20,000) persons and RELAIS_BENCH_LOAD_SERVICES
// (default 100,000) services in 50 sections (the reports bench's generator), 100 workers (a peer
// educator and a social worker a section), starts `relais start` on it and drives it over HTTP with
// the field mix: 37 % code checks, 30 % contacts with 2 services, 3 % cases opened, 20 % service
// lists (a section's latest 50 or one person's history), 10 % report queries (a section's month,
// the year by section).
// On PostgreSQL the server runs RELAIS_BENCH_LOAD_WORKERS HTTP processes (RELAIS_WORKERS, ADR 0038;
// default 1); the embedded engine admits one process.
// Phases, per engine (embedded always; PostgreSQL with RELAIS_BENCH_DATABASE_URL):
//  - idle: one request at a time, p50/p99 per endpoint;
//  - realistic pace: open loop, Poisson arrivals at RELAIS_BENCH_LOAD_RATE (default 20 req/s)
//    for RELAIS_BENCH_LOAD_SECONDS (default 60 s), latency from the scheduled send time;
//  - saturation: closed loop (no think time) with 2, 4, 8… clients for RELAIS_BENCH_LOAD_STEP_SECONDS
//    (default 15 s) each, until p99 > 1 s; the best throughput with p99 ≤ 1 s is the figure;
//  - a hundred workers (issue 18): the 100 workers at once, each thinking RELAIS_BENCH_LOAD_THINK_MS
//    (default 1,000 ms, exponential) between two requests, measured for RELAIS_BENCH_LOAD_SECONDS
//    after RELAIS_BENCH_LOAD_WARMUP_SECONDS (default 10) of cold start reported apart (`warmUp`) —
//    a month-end morning five times busier than the realistic pace; goal on PostgreSQL p99 ≤ 200 ms, 0 errors;
//    RELAIS_BENCH_LOAD_TRACE=<file> writes its samples (due time, ms, kind, status) to <file>.<engine>
//    to lay them beside the server's own timeline;
//  - EXPLAIN ANALYZE of the list queries and the code check, after the server stopped.
// CPU seconds of the server process, of the PostgreSQL backends serving it (when visible in /proc)
// and of this generator are reported per phase, with the load average (the machine is shared).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, sql, type RootOperationNode } from 'kysely';
import { seededRandom } from '@relais/core';
import { openDatabase, type Db } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { createCaptureService } from '../server/src/modules/capture/index.ts';
import { createRegistryService } from '../server/src/modules/registry/index.ts';
import { Secrets } from '../server/src/lib/secrets.ts';
import type { RequestContext } from '../server/src/context/index.ts';
import { benchCode, generateBenchData } from './bench-reports.ts';
import { freshPostgresDatabase } from './bench-engines.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const relais = path.join(root, 'server', 'bin', 'relais.js');
const env = process.env;
const PERSONS = Number(env.RELAIS_BENCH_LOAD_PERSONS ?? 20_000);
const SERVICES = Number(env.RELAIS_BENCH_LOAD_SERVICES ?? 100_000);
const SECTIONS = 50;
const WORKERS = 100;
const RATE = Number(env.RELAIS_BENCH_LOAD_RATE ?? 20);
const SECONDS = Number(env.RELAIS_BENCH_LOAD_SECONDS ?? 60);
const STEP_SECONDS = Number(env.RELAIS_BENCH_LOAD_STEP_SECONDS ?? 15);
const THINK_MS = Number(env.RELAIS_BENCH_LOAD_THINK_MS ?? 1000);
/** Seconds the hundred workers run before their figures are taken (their cold start, reported apart). */
const WARMUP_SECONDS = Number(env.RELAIS_BENCH_LOAD_WARMUP_SECONDS ?? 10);
const IDLE_REPEAT = Number(env.RELAIS_BENCH_LOAD_IDLE_REPEAT ?? 20);
const TIMEOUT_MS = 30_000;
const PORT = Number(env.RELAIS_BENCH_LOAD_PORT ?? 39520);
/** HTTP processes of the server on PostgreSQL (RELAIS_WORKERS, ADR 0038): one by default, as the server. */
const PG_WORKERS = Number(env.RELAIS_BENCH_LOAD_WORKERS ?? 1);

type Kind = 'check' | 'contact' | 'caseOpen' | 'sectionList' | 'personList' | 'reportMonth' | 'reportYear';
const kinds: Kind[] = ['check', 'contact', 'caseOpen', 'sectionList', 'personList', 'reportMonth', 'reportYear'];
/** The field mix: cumulative shares. */
const mix: Array<[Kind, number]> = [
  ['check', 0.37],
  ['contact', 0.67],
  ['caseOpen', 0.7],
  ['sectionList', 0.8],
  ['personList', 0.9],
  ['reportMonth', 0.95],
  ['reportYear', 1],
];

/** The generator's ids: md5 of the text as a version-4 UUID (`overlay(overlay(md5(text) …))::uuid` in SQL). */
function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

const random = seededRandom(20261201);

interface Worker {
  k: number;
  section: number;
  cookie: string;
  csrf: string;
}

/** A person of the worker's section (generated persons i ≡ section mod SECTIONS). */
function personOf(w: Worker): number {
  const perSection = Math.floor((PERSONS - w.section) / SECTIONS);
  return w.section + SECTIONS * Math.floor(random() * perSection) || SECTIONS;
}

function pickKind(): Kind {
  const r = random();
  return mix.find(([, upTo]) => r < upTo)![0];
}

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** Cases opened per section, from a start that differs between runs (RELAIS_BENCH_LOAD_KEEP keeps earlier runs' cases). */
const nextCase: number[] = [];
const caseStart = Math.floor(Date.now() / 1000) % 997;

/** Who sends a request: cases are opened by the section's social worker (workers 50 to 99), the rest by whoever drew it. */
function workerFor(kind: Kind, w: Worker, workers: Worker[]): Worker {
  return kind === 'caseOpen' ? (workers[SECTIONS + w.section] ?? w) : w;
}

function requestOf(kind: Kind, w: Worker): { method: 'GET' | 'POST'; url: string; body?: unknown } {
  const unit = md5Uuid(`u${w.section}`);
  switch (kind) {
    case 'check': {
      const r = random();
      let code = benchCode(personOf(w));
      if (r < 0.25) code = `${'BCDFG'[Math.floor(random() * 5)]}${code.slice(1)}`; // one letter off
      else if (r < 0.5) code = `WW${code.slice(2)}`; // nobody
      return { method: 'GET', url: `/beneficiaries/check?code=${code}` };
    }
    case 'contact': {
      const i = personOf(w);
      return {
        method: 'POST',
        url: '/contacts',
        body: {
          beneficiaryId: md5Uuid(`p${i}`),
          date: yesterday,
          orgUnitId: unit,
          program: i % 2 === 0 ? 'prev_ps' : 'prev_hsh',
          services: [
            { id: randomUUID(), service: 'outreach_contact', modality: 'in_person' },
            { id: randomUUID(), service: 'condoms', quantity: 10 },
          ],
        },
      };
    }
    case 'caseOpen': {
      // A person of the section who has no case yet (each section's persons taken in turn from a
      // run-dependent start), opened by the section's social worker (see `workerFor`).
      const perSection = Math.floor((PERSONS - w.section) / SECTIONS);
      const j = (caseStart + (nextCase[w.section] = (nextCase[w.section] ?? 0) + 1)) % perSection;
      return {
        method: 'POST',
        url: '/cases',
        body: { id: randomUUID(), beneficiaryId: md5Uuid(`p${w.section + SECTIONS * j || SECTIONS}`), program: 'prev_ps', orgUnitId: unit, openedAt: `${yesterday}T10:00`, entryDoor: 'walk_in' },
      };
    }
    case 'sectionList':
      return { method: 'GET', url: `/services?orgUnitId=${unit}&limit=50` };
    case 'personList':
      return { method: 'GET', url: `/services?beneficiaryId=${md5Uuid(`p${personOf(w)}`)}&limit=50` };
    case 'reportMonth':
      return {
        method: 'POST',
        url: '/reports/query',
        body: { program: 'prev_ps', period: '2025-06', indicators: ['reached', 'services_delivered'], by: ['service'], filters: { org_unit: [`S${w.section}`] } },
      };
    case 'reportYear':
      return { method: 'POST', url: '/reports/query', body: { program: 'prev_ps', period: '2025', indicators: ['reached', 'tested_known_result', 'positive'], by: ['org_unit', 'sex'] } };
  }
}

interface Sample {
  kind: Kind;
  /** When it was due (epoch ms): RELAIS_BENCH_LOAD_TRACE writes the hundred workers' samples with it. */
  at: number;
  ms: number;
  ok: boolean;
  status: number | 'timeout' | 'network';
}

async function send(base: string, w: Worker, kind: Kind, scheduledAt = performance.now()): Promise<Sample> {
  const r = requestOf(kind, w);
  const at = Date.now() - (performance.now() - scheduledAt);
  try {
    const res = await fetch(`${base}${r.url}`, {
      method: r.method,
      headers: { cookie: w.cookie, 'x-csrf-token': w.csrf, 'accept-encoding': 'gzip, br', ...(r.body ? { 'content-type': 'application/json' } : {}) },
      body: r.body ? JSON.stringify(r.body) : null,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await res.text();
    if (!res.ok && errorSamples.length < 10) errorSamples.push(`${kind} ${res.status} ${r.url} ${body.slice(0, 300)}`);
    return { kind, at, ms: performance.now() - scheduledAt, ok: res.ok, status: res.status };
  } catch (error) {
    const timeout = (error as Error).name === 'TimeoutError';
    if (errorSamples.length < 10) errorSamples.push(`${kind} ${String(error)}`);
    return { kind, at, ms: performance.now() - scheduledAt, ok: false, status: timeout ? 'timeout' : 'network' };
  }
}
const errorSamples: string[] = [];

function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

function summarise(samples: Sample[], seconds: number) {
  const all = samples.map((s) => s.ms);
  const perEndpoint: Record<string, unknown> = {};
  for (const kind of kinds) {
    const of = samples.filter((s) => s.kind === kind);
    if (of.length) perEndpoint[kind] = { n: of.length, p50: percentile(of.map((s) => s.ms), 50), p99: percentile(of.map((s) => s.ms), 99), errors: of.filter((s) => !s.ok).length };
  }
  return {
    requests: samples.length,
    throughput: Math.round((samples.length / seconds) * 10) / 10,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: percentile(all, 100),
    errors: samples.filter((s) => !s.ok).length,
    timeouts: samples.filter((s) => s.status === 'timeout').length,
    perEndpoint,
  };
}

/** CPU seconds (user + system) of a process from /proc, null where unreadable. */
function ownCpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of a process and of its children (the HTTP processes of a server with RELAIS_WORKERS > 1). */
function procCpuSeconds(pid: number): number | null {
  const own = ownCpuSeconds(pid);
  if (own === null) return null;
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    /* no children file: the process alone */
  }
  return children.reduce((sum, child) => sum + (ownCpuSeconds(child) ?? 0), own);
}

/** Measures CPU of the server, the database backends (pids found by `backends`) and this process over a phase. */
async function withCpu<T>(serverPid: number, backends: () => Promise<number[]>, work: () => Promise<T>) {
  const pids = await backends();
  const before = { server: procCpuSeconds(serverPid), db: pids.map(procCpuSeconds), gen: process.cpuUsage(), load: os.loadavg() };
  const t0 = performance.now();
  const result = await work();
  const wall = (performance.now() - t0) / 1000;
  const gen = process.cpuUsage(before.gen);
  const server = procCpuSeconds(serverPid);
  const dbNow = pids.map(procCpuSeconds);
  const dbCpu = pids.length ? dbNow.reduce<number>((sum, v, k) => sum + (v ?? 0) - (before.db[k] ?? 0), 0) : null;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    result,
    cpu: {
      wallSeconds: round(wall),
      serverSeconds: server !== null && before.server !== null ? round(server - before.server) : null,
      postgresBackendSeconds: dbCpu === null ? null : round(dbCpu),
      generatorSeconds: round((gen.user + gen.system) / 1e6),
      loadAverageBefore: before.load.map(round),
      loadAverageAfter: os.loadavg().map(round),
    },
  };
}

/**
 * Server CPU per request (milliseconds, server process and its database backends): on a shared
 * machine the latencies depend on the other processes, this much less.
 */
function perRequest(cpu: { serverSeconds: number | null; postgresBackendSeconds: number | null }, requests: number) {
  if (cpu.serverSeconds === null || requests === 0) return null;
  return { server: Math.round((cpu.serverSeconds * 1000) / requests * 10) / 10, postgresBackends: cpu.postgresBackendSeconds === null ? null : Math.round((cpu.postgresBackendSeconds * 1000) / requests * 10) / 10 };
}

/** Waits (up to 2 minutes) until the server is idle: requests given up by the clients may still be running. */
async function drain(serverPid: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const before = procCpuSeconds(serverPid) ?? 0;
    await new Promise((r) => setTimeout(r, 1000));
    const busy = (procCpuSeconds(serverPid) ?? 0) - before;
    if (busy < 0.05 || performance.now() - t0 > 120_000) return Math.round((performance.now() - t0) / 1000);
  }
}

async function openLoop(base: string, workers: Worker[], rate: number, seconds: number): Promise<Sample[]> {
  const samples: Promise<Sample>[] = [];
  const start = performance.now();
  let at = 0;
  for (;;) {
    at += -Math.log(1 - random()) / rate; // Poisson arrivals: exponential gaps
    if (at >= seconds) break;
    const due = start + at * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const kind = pickKind();
    samples.push(send(base, workerFor(kind, workers[Math.floor(random() * workers.length)]!, workers), kind, due));
  }
  return Promise.all(samples);
}

/** `clients` workers sending one request after another, each thinking `thinkMs` on average (exponential) in between. */
async function closedLoop(base: string, workers: Worker[], clients: number, seconds: number, thinkMs = 0): Promise<Sample[]> {
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const w = workers[c % workers.length]!;
      while (performance.now() < end) {
        if (thinkMs) await new Promise((r) => setTimeout(r, -Math.log(1 - random()) * thinkMs));
        const kind = pickKind();
        samples.push(await send(base, workerFor(kind, w, workers), kind));
      }
    }),
  );
  return samples;
}

async function startServer(serverEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [relais, 'start'], { env: { ...process.env, ...serverEnv, PORT: String(PORT), RELAIS_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/v1/health`)).ok) return child;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    if (performance.now() - t0 > 120_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** The 100 workers, 2 a section (a peer educator, then a social worker who opens cases), with the administrator's password hash. */
async function addWorkers(db: Db, organisationId: string, adminId: string) {
  await sql`
    insert into app_user (organisation_id, id, username, display_name, password_hash)
    select ${organisationId}::uuid, overlay(overlay(md5('w' || k) placing '4' from 13) placing '8' from 17)::uuid, 'worker' || k, 'Worker ' || k, (select password_hash from app_user where id = ${adminId}::uuid)
    from generate_series(0, ${WORKERS - 1}) as k`.execute(db.kysely);
  await sql`
    insert into role_assignment (organisation_id, id, user_id, role, org_unit_id, programs)
    select ${organisationId}::uuid, overlay(overlay(md5('a' || k) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('w' || k) placing '4' from 13) placing '8' from 17)::uuid, case when k >= ${SECTIONS} then 'social_worker' else 'peer_educator' end, overlay(overlay(md5('u' || (k % ${SECTIONS})) placing '4' from 13) placing '8' from 17)::uuid, null
    from generate_series(0, ${WORKERS - 1}) as k`.execute(db.kysely);
}

async function logIn(base: string): Promise<Worker[]> {
  const workers: Worker[] = [];
  for (let k = 0; k < WORKERS; k++) {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: 'BENCH', username: `worker${k}`, password: 'synthetic passphrase 41' }),
    });
    if (!res.ok) throw new Error(`login worker${k}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    workers.push({ k, section: k % SECTIONS, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken });
  }
  return workers;
}

/**
 * EXPLAIN ANALYZE of the queries an endpoint's service runs: the service is called with a
 * Kysely that records each query, then each recorded query is explained.
 */
async function explainOf(db: Db, run: (kysely: Db['kysely']) => Promise<unknown>): Promise<Array<{ sql: string; plan: string[] }>> {
  const nodes: RootOperationNode[] = [];
  const recording = db.kysely.withPlugin({
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  });
  await run(recording);
  const out: Array<{ sql: string; plan: string[] }> = [];
  for (const node of nodes) {
    if (node.kind !== 'SelectQueryNode') continue;
    const compiled = db.kysely.getExecutor().compileQuery(node, { queryId: 'explain' });
    const plan = await db.kysely.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]));
    out.push({ sql: compiled.sql.replace(/\s+/g, ' '), plan: plan.rows.map((r) => r['QUERY PLAN']) });
  }
  return out;
}

async function explainLists(db: Db, organisationId: string) {
  const unit = await db.kysely.selectFrom('org_unit').select(['id', 'path', 'code', 'name']).where('id', '=', md5Uuid('u7')).executeTakeFirstOrThrow();
  const ctx: RequestContext = {
    requestId: 'bench',
    ip: '127.0.0.1',
    actor: {
      userId: md5Uuid('w7'),
      username: 'worker7',
      displayName: 'Worker 7',
      locale: 'fr',
      organisationId,
      organisationCode: 'BENCH',
      organisationName: 'Bench',
      assignments: [{ id: md5Uuid('a7'), role: 'peer_educator', orgUnitId: unit.id, orgUnitPath: unit.path, orgUnitCode: unit.code, orgUnitName: unit.name, programs: null }],
      session: { tokenHash: '', csrfToken: '', expiresAt: new Date(Date.now() + 3_600_000) },
    },
  };
  const list = { limit: 50, offset: 0 };
  return {
    sectionList: await explainOf(db, (k) => createCaptureService(k).listServices(ctx, { ...list, orgUnitId: unit.id })),
    personList: await explainOf(db, (k) => createCaptureService(k).listServices(ctx, { ...list, beneficiaryId: md5Uuid(`p${7 + SECTIONS * 3}`) })),
    check: await explainOf(db, (k) => createRegistryService(k, Secrets.load({ envKey: Buffer.alloc(32).toString('base64'), dataDir: os.tmpdir() })).checkCode(ctx, `B${benchCode(7 + SECTIONS * 3).slice(1)}`)),
  };
}

interface EngineSetup {
  serverEnv: NodeJS.ProcessEnv;
  open: () => Promise<Db>;
  /** PIDs of the database's backends (PostgreSQL server on this machine), for their CPU. */
  backends: () => Promise<number[]>;
  cleanup: () => Promise<void>;
  /** With RELAIS_BENCH_LOAD_KEEP: the data generated by an earlier run in that folder, if any, and how to mark it. */
  kept?: () => GeneratedData | null;
  keep?: (data: GeneratedData) => void;
}

type GeneratedData = Awaited<ReturnType<typeof generateBenchData>>;

async function measure(engine: string, setup: EngineSetup) {
  let db = await setup.open();
  await migrateToLatest(db.kysely);
  let data = setup.kept?.() ?? null;
  if (data) console.log(`  ${engine}: reusing the data generated before (${PERSONS} persons, ${SERVICES} services)`);
  else {
    console.log(`  ${engine}: generating ${PERSONS} persons and ${SERVICES} services`);
    data = await generateBenchData(db, { persons: PERSONS, services: SERVICES, sections: SECTIONS });
    await addWorkers(db, data.organisationId, data.adminId);
    setup.keep?.(data);
  }
  await db.close();

  const server = await startServer(setup.serverEnv);
  const out: Record<string, unknown> = { generateSeconds: data.loadSeconds, factsRebuildSeconds: data.rebuildSeconds };
  try {
    const base = `http://127.0.0.1:${PORT}/api/v1`;
    const workers = await logIn(base);
    // Warm-up: the first requests compile statements and fill caches.
    await closedLoop(base, workers, 4, 3);
    const idle: Record<string, unknown> = {};
    for (const kind of kinds) {
      const ms: number[] = [];
      for (let n = 0; n < IDLE_REPEAT; n++) {
        const s = await send(base, workerFor(kind, workers[n % workers.length]!, workers), kind);
        if (!s.ok) throw new Error(`${kind}: ${s.status} ${errorSamples.at(-1)}`);
        ms.push(s.ms);
      }
      idle[kind] = { p50: percentile(ms, 50), p99: percentile(ms, 99) };
    }
    out.idle = idle;
    console.log(`  ${engine} idle: ${JSON.stringify(idle)}`);

    const paced = await withCpu(server.pid!, setup.backends, () => openLoop(base, workers, RATE, SECONDS));
    out.realistic = { rate: RATE, seconds: SECONDS, ...summarise(paced.result, SECONDS), cpu: paced.cpu, cpuMsPerRequest: perRequest(paced.cpu, paced.result.length) };
    console.log(`  ${engine} realistic: ${JSON.stringify(out.realistic)}`);

    out.drainedAfterRealisticSeconds = await drain(server.pid!);
    // The hundred start together, each on a new connection: the first seconds are a cold start
    // (connections opened, every session's "last seen" written), reported apart as `warmUp`; the
    // figures are those of the SECONDS after it, the hundred running.
    let phaseStart = 0;
    const hundred = await withCpu(server.pid!, setup.backends, () => {
      phaseStart = Date.now();
      return closedLoop(base, workers, WORKERS, WARMUP_SECONDS + SECONDS, THINK_MS);
    });
    if (env.RELAIS_BENCH_LOAD_TRACE) fs.writeFileSync(`${env.RELAIS_BENCH_LOAD_TRACE}.${engine}`, hundred.result.map((s) => `${Math.round(s.at)} ${s.ms.toFixed(1)} ${s.kind} ${s.status}`).join('\n') + '\n');
    const steadyFrom = phaseStart + WARMUP_SECONDS * 1000;
    const warm = summarise(hundred.result.filter((s) => s.at < steadyFrom), WARMUP_SECONDS || 1);
    out.hundredWorkers = {
      workers: WORKERS,
      thinkMs: THINK_MS,
      seconds: SECONDS,
      ...summarise(hundred.result.filter((s) => s.at >= steadyFrom), SECONDS),
      warmUp: { seconds: WARMUP_SECONDS, requests: warm.requests, p50: warm.p50, p99: warm.p99, max: warm.max, errors: warm.errors },
      cpu: hundred.cpu,
      cpuMsPerRequest: perRequest(hundred.cpu, hundred.result.length),
    };
    console.log(`  ${engine} ${WORKERS} workers (think ${THINK_MS} ms): ${JSON.stringify(out.hundredWorkers)}`);
    out.drainedAfterHundredSeconds = await drain(server.pid!);
    const steps: Array<Record<string, unknown>> = [];
    let best: Record<string, unknown> | null = null;
    for (let clients = 2; clients <= WORKERS; clients = Math.min(WORKERS, clients * 2)) {
      const step = await withCpu(server.pid!, setup.backends, () => closedLoop(base, workers, clients, STEP_SECONDS));
      const s = { clients, ...summarise(step.result, STEP_SECONDS), cpu: step.cpu, cpuMsPerRequest: perRequest(step.cpu, step.result.length) };
      steps.push(s);
      console.log(`  ${engine} saturation ${clients} clients: ${s.throughput} req/s, p99 ${s.p99} ms, errors ${s.errors}`);
      if (s.p99 !== null && s.p99 <= 1000 && s.errors === 0 && (!best || s.throughput > (best.throughput as number))) best = s;
      if (s.p99 === null || s.p99 > 1000 || clients === WORKERS) break;
      await drain(server.pid!);
    }
    out.saturation = { bestThroughputWithP99Under1s: best ? best.throughput : 0, bestClients: best ? best.clients : null, steps };
    out.errorSamples = errorSamples.splice(0);
  } finally {
    await stopServer(server);
  }
  db = await setup.open();
  try {
    out.plans = await explainLists(db, data.organisationId);
  } finally {
    await db.close();
    await setup.cleanup();
  }
  return out;
}

export async function benchLoad(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    persons: PERSONS,
    services: SERVICES,
    sections: SECTIONS,
    workers: WORKERS,
    cpus: os.cpus().length,
    mix: '37 % code checks, 30 % contacts (2 services), 3 % cases opened, 10 % section list, 10 % person history, 5 % section month report, 5 % year report by section',
  };
  const write = (engine: string, figures: unknown) =>
    fs.writeFileSync(path.join(root, 'bench-results', `load-${engine}.json`), `${JSON.stringify({ ...results, embedded: undefined, postgres: undefined, engine, ...(figures as object) }, null, 2)}\n`);
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  const engines = (env.RELAIS_BENCH_ENGINES ?? 'embedded,postgres').split(',');
  if (engines.includes('embedded')) {
    // RELAIS_BENCH_LOAD_KEEP=<folder> keeps the embedded data between runs (generating 1M services takes minutes).
    const keptDir = env.RELAIS_BENCH_LOAD_KEEP;
    const dir = keptDir ? (fs.mkdirSync(keptDir, { recursive: true }), keptDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-load-'));
    const marker = path.join(dir, `bench-load-${PERSONS}-${SERVICES}.json`);
    results.embedded = await measure('embedded', {
      serverEnv: { RELAIS_DATA_DIR: dir, DATABASE_URL: '' },
      open: () => openDatabase({ engine: 'embedded', dataDir: dir }),
      backends: async () => [],
      cleanup: async () => (keptDir ? undefined : fs.rmSync(dir, { recursive: true, force: true })),
      kept: () => (keptDir && fs.existsSync(marker) ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as GeneratedData) : null),
      keep: (data) => keptDir && fs.writeFileSync(marker, JSON.stringify(data)),
    });
    write('embedded', results.embedded);
  }
  const url = env.RELAIS_BENCH_DATABASE_URL;
  if (url && engines.includes('postgres')) {
    const fresh = await freshPostgresDatabase(url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-load-'));
    const dbName = new URL(fresh.url).pathname.slice(1);
    const admin = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
    results.postgres = await measure('postgres', {
      serverEnv: { RELAIS_DATA_DIR: dir, DATABASE_URL: fresh.url, RELAIS_WORKERS: String(PG_WORKERS) },
      open: () => openDatabase({ engine: 'postgres', url: fresh.url }),
      backends: async () => (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${dbName}`.execute(admin.kysely)).rows.map((r) => r.pid),
      cleanup: async () => {
        await admin.close();
        await fresh.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    });
    results.postgres = { serverProcesses: PG_WORKERS, ...(results.postgres as object) };
    write('postgres', results.postgres);
  }
  return results;
}
