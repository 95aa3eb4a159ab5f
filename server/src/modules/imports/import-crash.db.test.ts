import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { copyTemplate, engine, type TestDatabaseTarget } from '../../../test/harness.ts';
import { openDatabase } from '../../db/index.ts';

const relaisBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/relais.js');

// A process killed in the middle of an import leaves the whole file or nothing: one transaction.
describe(`an import killed midway (${engine})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-import-crash-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_LANG: 'en', RELAIS_ADMIN_PASSWORD: 'a long chief passphrase' };
  delete env.DATABASE_URL;
  let target: TestDatabaseTarget | null = null;
  const ROWS = 40_000;

  const run = (args: string[], killOn?: RegExp) =>
    new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [relaisBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d;
        if (killOn && killOn.test(stderr)) child.kill('SIGKILL');
      });
      child.stdout.resume();
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });

  const count = async () => {
    const db = await openDatabase(env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'embedded', dataDir: env.RELAIS_DATA_DIR! });
    try {
      return (await sql<{ n: number }>`select count(*)::int as n from service_event`.execute(db.kysely)).rows[0]!.n;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    // A migrated, empty database (a copy of the run's template): `init` finds it up to date.
    target = await copyTemplate();
    if (target.url) env.DATABASE_URL = target.url;
    else env.RELAIS_DATA_DIR = target.dataDir;
    expect((await run(['init', '--org', 'CRASH', '--name', 'Crash'])).code).toBe(0);
    const letters = 'ABCDEFGHIJKLMNOPRSTVZ';
    const codes: string[] = [];
    for (let i = 0; codes.length < 2000; i++) codes.push(`${letters[i % 21]}${letters[(i >> 2) % 21]}${letters[(i >> 4) % 21]}A${1960 + (i % 40)}F`);
    const unique = [...new Set(codes)];
    fs.writeFileSync(path.join(dir, 'people.csv'), ['code,populations,sex,section,registered_on', ...unique.map((c) => `${c},PS,F,CRASH,2024-01-01`)].join('\n'));
    const services = ['code,date,section,program,service,quantity,worker'];
    for (let i = 0; i < ROWS; i++) services.push(`${unique[i % unique.length]},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},CRASH,prev_ps,condoms,${i + 1},admin`);
    fs.writeFileSync(path.join(dir, 'services.csv'), services.join('\n'));
    const people = await run(['import', '--org', 'CRASH', '--kind', 'beneficiaries', path.join(dir, 'people.csv')]);
    expect(people.code, people.stderr).toBe(0);
  });
  afterAll(async () => {
    await target?.drop();
  });

  it('leaves nothing when killed while writing, and everything when run again', async () => {
    const killed = await run(['import', '--org', 'CRASH', '--kind', 'services', path.join(dir, 'services.csv')], /written \d+\/40000/);
    expect(killed.signal, killed.stderr.slice(0, 2000)).toBe('SIGKILL');
    expect(await count()).toBe(0);
    const full = await run(['import', '--org', 'CRASH', '--kind', 'services', path.join(dir, 'services.csv')]);
    expect(full.code, full.stderr).toBe(0);
    expect(await count()).toBe(ROWS);
  }, 300_000); // two processes importing 40,000 rows each on a shared machine
});
