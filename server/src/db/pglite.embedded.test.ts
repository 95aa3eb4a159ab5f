import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from './index.ts';
import { migrateToLatest } from './migrate.ts';
import { buildApp } from '../app.ts';
import { copyTemplate, testConfig, type TestDatabaseTarget } from '../../test/harness.ts';

const relaisBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/relais.js');

// Properties of the embedded engine itself: run in the embedded pass only (vitest.config.ts).
describe('embedded database (PGlite in a worker thread)', () => {
  const opened: Db[] = [];
  const copies: TestDatabaseTarget[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close().catch(() => undefined);
    for (const copy of copies) await copy.drop();
  });
  /** A data directory holding a migrated, empty database (a copy of the run's template: no initdb, no migrations to wait for). */
  const migratedDir = async () => {
    const copy = await copyTemplate();
    copies.push(copy);
    return copy.dataDir!;
  };
  // The first file of a run to ask builds the template: in a hook (a minute or two), not in a test's time.
  beforeAll(migratedDir);

  it('keeps data written before a restart of the process’s database', async () => {
    const dir = await migratedDir();
    const first = await openDatabase({ engine: 'embedded', dataDir: dir });
    await first.kysely.insertInto('organisation').values({ id: '6f1c2f9e-2f43-4c55-9a36-0f4b8a1e0001', code: 'KEEP', name: 'Kept' }).execute();
    await first.close();
    const second = await openDatabase({ engine: 'embedded', dataDir: dir });
    opened.push(second);
    const rows = await second.kysely.selectFrom('organisation').select(['code', 'name']).execute();
    expect(rows).toEqual([{ code: 'KEEP', name: 'Kept' }]);
    expect(await migrateToLatest(second.kysely)).toEqual([]); // already migrated
  });

  it('refuses a second process on the same data directory', async () => {
    const dir = await migratedDir();
    // A lock file naming a live process (our parent) means another Relais has the folder.
    fs.writeFileSync(path.join(dir, 'relais.lock'), String(process.ppid));
    await expect(openDatabase({ engine: 'embedded', dataDir: dir })).rejects.toThrow(/in use by another Relais process/);
    // A stale lock (its process is gone, e.g. after kill -9) is taken over.
    fs.writeFileSync(path.join(dir, 'relais.lock'), '999999999');
    const db = await openDatabase({ engine: 'embedded', dataDir: dir });
    opened.push(db);
    expect(fs.readFileSync(path.join(dir, 'relais.lock'), 'utf8')).toBe(String(process.pid));
  });

  it('answers a health check at once while a slow query runs', async () => {
    const db = await openDatabase({ engine: 'embedded', dataDir: await migratedDir() });
    opened.push(db);
    const app = await buildApp({ config: testConfig(), db });
    let slowDone = false;
    const slowStarted = Date.now();
    const slow = sql`select pg_sleep(2)`.execute(db.kysely).then(() => {
      slowDone = true;
      return Date.now() - slowStarted;
    });
    await new Promise((r) => setTimeout(r, 200)); // the query is now running in the worker
    const t0 = Date.now();
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const healthMs = Date.now() - t0;
    expect(res.statusCode).toBe(200);
    expect(slowDone).toBe(false); // answered while the 2 s query still runs: not queued behind it
    expect(healthMs).toBeLessThan(1000); // a loaded CI machine, not a stopwatch: what matters is the line above
    expect(await slow).toBeGreaterThanOrEqual(1900);
    await app.close();
  });

  it('keeps every acknowledged write when the server is killed with SIGKILL', async () => {
    const dir = await migratedDir(); // the server finds it up to date
    const port = 39000 + Math.floor(Math.random() * 1000);
    const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_DATA_DIR: dir, PORT: String(port), RELAIS_LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    delete env.DATABASE_URL;
    const base = `http://127.0.0.1:${port}/api/v1`;
    const start = async (): Promise<ChildProcess> => {
      const child = spawn(process.execPath, [relaisBin, 'start'], { env, stdio: 'ignore' });
      // tsx compiles the server at each start: 10 s on a quiet machine, 30 s and more when the CI's workers share its cores.
      for (const deadline = Date.now() + 150_000; Date.now() < deadline; ) {
        try {
          if ((await fetch(`${base}/health`)).ok) return child;
        } catch {
          /* not up yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      child.kill('SIGKILL');
      throw new Error('server did not start');
    };
    let child = await start();
    const setup = await fetch(`${base}/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: { code: 'CRASH', name: 'Crash test' }, admin: { username: 'admin', displayName: 'Admin', password: 'killed nine times over' } }),
    });
    expect(setup.status).toBe(201);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await setup.json()) as { csrfToken: string; assignments: { orgUnit: { id: string } }[] };
    const created: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${base}/org-units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ code: `S${i}`, name: `Section ${i}`, level: 'section', parentId: me.assignments[0]!.orgUnit.id }),
      });
      expect(res.status).toBe(201);
      created.push(`S${i}`);
    }
    child.kill('SIGKILL'); // right after the last acknowledgement
    await new Promise((r) => child.once('exit', r));
    child = await start();
    try {
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organisation: 'CRASH', username: 'admin', password: 'killed nine times over' }),
      });
      expect(login.status).toBe(200);
      const units = (await (await fetch(`${base}/org-units`, { headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! } })).json()) as { items: { code: string }[] };
      expect(units.items.map((u) => u.code).filter((c) => c.startsWith('S')).sort()).toEqual(created);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 400_000); // two server starts
});
