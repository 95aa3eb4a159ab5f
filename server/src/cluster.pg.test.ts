import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTemplate, type TestDatabaseTarget } from '../test/harness.ts';

const relaisBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/relais.js');

/** The direct children of a process (its HTTP processes). */
function childrenOf(pid: number): number[] {
  return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Several HTTP processes on a PostgreSQL server (RELAIS_WORKERS, ADR 0038): one port, a dead
// process replaced, all stopped by the primary's SIGTERM, none left when the primary is killed.
describe('relais start with RELAIS_WORKERS=2 (postgres)', { timeout: 180_000 }, () => {
  let target: TestDatabaseTarget;
  let server: ChildProcess;
  let url: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cluster-'));

  beforeAll(async () => {
    target = await copyTemplate();
    server = spawn(process.execPath, [relaisBin, 'start'], {
      env: { ...process.env, DATABASE_URL: target.url!, RELAIS_DATA_DIR: dir, PORT: '0', RELAIS_WORKERS: '2', RELAIS_LOG_FORMAT: 'pretty', RELAIS_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (d) => {
        stdout += d;
        const m = /http:\/\/\S+/.exec(stdout.split('\n')[0] ?? '');
        if (stdout.includes('\n') && m) resolve(m[0]);
      });
      server.on('close', (code) => reject(new Error(`relais start exited (${code}): ${stdout}`)));
    });
  }, 150_000);
  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await target.drop();
  });

  it('answers on one port from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    const workers = childrenOf(server.pid!);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, 'SIGKILL');
    await until(() => childrenOf(server.pid!).filter((p) => p !== workers[0] && alive(p)).length === 2, 60_000);
    for (let i = 0; i < 10; i++) expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    const now = childrenOf(server.pid!);
    server.kill('SIGTERM');
    await until(() => server.exitCode !== null, 30_000);
    expect(server.exitCode).toBe(0);
    expect(now.filter(alive)).toEqual([]);
  });
});
