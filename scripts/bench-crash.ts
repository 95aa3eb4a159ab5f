// Crash trials (issue 18, item 8): `npm run bench -- crash`. A `relais start` server takes three
// streams of writes at once — sync pushes (10 contacts a push), service imports (a 100-row CSV a
// file, with ids) and case notes (client ids) — and is killed with SIGKILL at a random moment
// (0.3 to 2 s into the trial), RELAIS_BENCH_CRASH_TRIALS times (default 50) per engine (embedded
// always; PostgreSQL with RELAIS_BENCH_DATABASE_URL). After each kill, with the server down, the
// database is opened directly and every write the server had acknowledged is looked for
// (acknowledged then lost: must be 0), and every import file is there whole or not at all. The
// server restarts and every request of the trial is sent again, as a phone or a script retrying
// would (each answered 2xx). At the end, rows are counted: one per id sent (duplicates after replay:
// must be 0; missing after replay: must be 0).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { seededRandom } from '@relais/core';
import { openDatabase, type Db } from '../server/src/db/index.ts';
import { freshPostgresDatabase } from './bench-engines.ts';
import { BENCH_PASSWORD } from './bench-app.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const relais = path.join(root, 'server', 'bin', 'relais.js');
const TRIALS = Number(process.env.RELAIS_BENCH_CRASH_TRIALS ?? 50);
const PORT = Number(process.env.RELAIS_BENCH_CRASH_PORT ?? 39540);
const base = `http://127.0.0.1:${PORT}/api/v1`;
const random = seededRandom(20261202);
const PERSONS = 20;

interface Session {
  cookie: string;
  csrf: string;
}

/** One request of a trial, kept to be sent again after the restart, with what it writes. */
interface Write {
  kind: 'sync' | 'import' | 'case';
  url: string;
  body: string;
  contentType: string;
  serviceIds: string[];
  noteIds: string[];
  acknowledged: boolean;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [relais, 'start'], { env: { ...process.env, ...env, PORT: String(PORT), RELAIS_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) return child;
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
    if (performance.now() - t0 > 120_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function kill(child: ChildProcess, signal: 'SIGKILL' | 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

async function call(session: Session | null, method: string, url: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, text: await res.text(), cookie: res.headers.get('set-cookie') };
}

async function logIn(username: string): Promise<Session> {
  const res = await call(null, 'POST', '/auth/login', { organisation: 'CRASH', username, password: BENCH_PASSWORD });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${res.text}`);
  return { cookie: res.cookie!.split(';')[0]!, csrf: (JSON.parse(res.text) as { csrfToken: string }).csrfToken };
}

async function created(session: Session, url: string, body: unknown): Promise<{ id: string }> {
  const res = await call(session, 'POST', url, body);
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as { id: string };
}

/** The organisation CRASH: a section, its coordinator (field work, imports, cases), 20 persons and one open case. */
async function setUp() {
  const setup = await call(null, 'POST', '/setup', { organisation: { code: 'CRASH', name: 'Crash' }, admin: { username: 'admin', displayName: 'Admin', password: BENCH_PASSWORD } });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${setup.text}`);
  const admin = { cookie: setup.cookie!.split(';')[0]!, csrf: (JSON.parse(setup.text) as { csrfToken: string }).csrfToken };
  const rootUnit = (JSON.parse(setup.text) as { assignments: { orgUnit: { id: string } }[] }).assignments[0]!.orgUnit.id;
  const section = (await created(admin, '/org-units', { code: 'SEC', name: 'Section', level: 'section', parentId: rootUnit })).id;
  await created(admin, '/users', { username: 'coord', displayName: 'Coord', password: BENCH_PASSWORD, assignments: [{ role: 'coordinator', orgUnitId: section, programs: null }] });
  const coord = await logIn('coord');
  const letters = 'BCDFGHJKLMNPRSTVZ';
  const persons: Array<{ id: string; code: string }> = [];
  for (let i = 0; i < PERSONS; i++) {
    const code = `${letters[i % 17]}${letters[(i * 7) % 17]}${letters[(i * 3) % 17]}A${1980 + i}F`;
    persons.push({ id: (await created(coord, '/beneficiaries', { code, orgUnitId: section, registeredOn: '2025-01-02', populations: ['PS'], sex: 'F', birthYear: 1980 + i })).id, code });
  }
  const caseId = (await created(coord, '/cases', { beneficiaryId: persons[0]!.id, program: 'prev_ps', orgUnitId: section, openedAt: '2025-01-03T10:00', entryDoor: 'walk_in' })).id;
  return { section, persons, caseId };
}

type World = Awaited<ReturnType<typeof setUp>>;

/** Trial t's services are dated t days after 2025-02-01: a day of their own. */
const dayOf = (t: number) => new Date(Date.UTC(2025, 1, 1) + t * 86_400_000).toISOString().slice(0, 10);

function syncWrite(world: World, t: number): Write {
  const serviceIds: string[] = [];
  const operations = Array.from({ length: 10 }, () => {
    const id = randomUUID();
    serviceIds.push(id);
    const person = world.persons[Math.floor(random() * PERSONS)]!;
    return { id: randomUUID(), kind: 'record_contact', payload: { contactId: randomUUID(), beneficiaryId: person.id, date: dayOf(t), orgUnitId: world.section, program: 'prev_ps', services: [{ id, service: 'condoms', quantity: 10 }] } };
  });
  return { kind: 'sync', url: '/sync/push', body: JSON.stringify({ operations }), contentType: 'application/json', serviceIds, noteIds: [], acknowledged: false };
}

function importWrite(world: World, t: number): Write {
  const serviceIds: string[] = [];
  const rows = ['id,code,date,section,program,service,quantity,worker'];
  for (let i = 0; i < 100; i++) {
    const id = randomUUID();
    serviceIds.push(id);
    rows.push(`${id},${world.persons[i % PERSONS]!.code},${dayOf(t)},SEC,prev_ps,lubricant,${i + 1},coord`);
  }
  return { kind: 'import', url: '/imports?kind=services', body: rows.join('\n'), contentType: 'text/csv', serviceIds, noteIds: [], acknowledged: false };
}

function caseWrite(world: World, t: number): Write {
  const id = randomUUID();
  return { kind: 'case', url: `/cases/${world.caseId}/notes`, body: JSON.stringify({ id, body: `Note of trial ${t}` }), contentType: 'application/json', serviceIds: [], noteIds: [id], acknowledged: false };
}

/** Whether the answer acknowledges the whole write (a push: every operation applied). */
function acknowledges(w: Write, status: number, text: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (w.kind === 'sync') return (JSON.parse(text) as { results: Array<{ status: string }> }).results.every((r) => r.status === 'applied' || r.status === 'already_applied');
  if (w.kind === 'import') return (JSON.parse(text) as { applied: boolean }).applied;
  return true;
}

async function send(session: Session, w: Write) {
  const res = await call(session, 'POST', w.url, w.body, w.contentType);
  return { status: res.status, ok: acknowledges(w, res.status, res.text), text: res.text };
}

/** Writes in three streams until the server dies; every request sent is kept. */
async function streams(session: Session, world: World, t: number, sent: Write[]) {
  const stream = async (make: () => Write) => {
    for (;;) {
      const w = make();
      sent.push(w);
      try {
        w.acknowledged = (await send(session, w)).ok;
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all([stream(() => syncWrite(world, t)), stream(() => importWrite(world, t)), stream(() => caseWrite(world, t))]);
}

async function present(db: Db, table: 'service_event' | 'case_note', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await sql<{ id: string }>`select id from ${sql.table(table)} where id = any(${ids}::uuid[])`.execute(db.kysely);
  return new Set(rows.rows.map((r) => r.id));
}

async function trialsOn(engine: string, serverEnv: NodeJS.ProcessEnv, open: () => Promise<Db>) {
  let server = await startServer(serverEnv);
  const world = await setUp();
  const all: Write[] = [];
  let lost = 0;
  let partialImports = 0;
  let replayRefused = 0;
  let acknowledged = 0;
  const restartMs: number[] = [];
  const t0 = performance.now();
  for (let t = 0; t < TRIALS; t++) {
    const session = await logIn('coord');
    const sent: Write[] = [];
    const running = streams(session, world, t, sent);
    await new Promise((r) => setTimeout(r, 300 + random() * 1700));
    await kill(server, 'SIGKILL');
    await running;
    const acked = sent.filter((w) => w.acknowledged);
    acknowledged += acked.length;
    const db = await open();
    try {
      const services = await present(db, 'service_event', sent.flatMap((w) => w.serviceIds));
      const notes = await present(db, 'case_note', sent.flatMap((w) => w.noteIds));
      for (const w of acked) if (![...w.serviceIds.map((id) => services.has(id)), ...w.noteIds.map((id) => notes.has(id))].every(Boolean)) lost++;
      for (const w of sent.filter((s) => s.kind === 'import')) {
        const there = w.serviceIds.filter((id) => services.has(id)).length;
        if (there !== 0 && there !== w.serviceIds.length) partialImports++;
      }
    } finally {
      await db.close();
    }
    const r0 = performance.now();
    server = await startServer(serverEnv);
    restartMs.push(performance.now() - r0);
    const again = await logIn('coord');
    for (const w of sent) {
      const res = await send(again, w);
      if (!res.ok) {
        replayRefused++;
        if (replayRefused <= 5) console.log(`  replay refused: ${w.kind} ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    all.push(...sent);
    if ((t + 1) % 10 === 0) console.log(`  ${engine}: ${t + 1} kills, ${acknowledged} acknowledged writes, ${lost} lost`);
  }
  await kill(server, 'SIGTERM');
  const db = await open();
  let duplicates = 0;
  let missingAfterReplay = 0;
  try {
    const serviceIds = new Set(all.flatMap((w) => w.serviceIds));
    const noteIds = new Set(all.flatMap((w) => w.noteIds));
    const services = (await sql<{ n: number }>`select count(*)::int as n from service_event where service_date >= ${dayOf(0)}::date`.execute(db.kysely)).rows[0]!.n;
    const notes = (await sql<{ n: number }>`select count(*)::int as n from case_note where case_id = ${world.caseId}::uuid`.execute(db.kysely)).rows[0]!.n;
    const servicesThere = (await present(db, 'service_event', [...serviceIds])).size;
    const notesThere = (await present(db, 'case_note', [...noteIds])).size;
    duplicates = services - servicesThere + (notes - notesThere);
    missingAfterReplay = serviceIds.size - servicesThere + (noteIds.size - notesThere);
  } finally {
    await db.close();
  }
  const sorted = restartMs.sort((a, b) => a - b);
  return {
    kills: TRIALS,
    requestsSent: all.length,
    byKind: Object.fromEntries((['sync', 'import', 'case'] as const).map((k) => [k, { sent: all.filter((w) => w.kind === k).length, acknowledged: all.filter((w) => w.kind === k && w.acknowledged).length }])),
    acknowledged,
    acknowledgedThenLost: lost,
    partialImports,
    replayRefused,
    duplicatesAfterReplay: duplicates,
    missingAfterReplay,
    restartMs: { p50: Math.round(sorted[Math.floor(sorted.length / 2)]!), max: Math.round(sorted.at(-1)!) },
    seconds: Math.round((performance.now() - t0) / 1000),
  };
}

export async function benchCrash(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), trials: TRIALS, cpus: os.cpus().length, goal: { acknowledgedThenLost: 0, duplicatesAfterReplay: 0 } };
  const engines = (process.env.RELAIS_BENCH_ENGINES ?? 'embedded,postgres').split(',');
  if (engines.includes('embedded')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-crash-'));
    try {
      results.embedded = await trialsOn('embedded', { RELAIS_DATA_DIR: dir, DATABASE_URL: '' }, () => openDatabase({ engine: 'embedded', dataDir: dir }));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = process.env.RELAIS_BENCH_DATABASE_URL;
  if (url && engines.includes('postgres')) {
    const fresh = await freshPostgresDatabase(url);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-crash-'));
    try {
      results.postgres = await trialsOn('postgres', { RELAIS_DATA_DIR: dir, DATABASE_URL: fresh.url }, () => openDatabase({ engine: 'postgres', url: fresh.url, poolSize: 1 }));
    } finally {
      await fresh.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
