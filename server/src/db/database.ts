import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import { WorkerPglite } from './embedded.ts';
import { PriorityPool } from './priority.ts';

export type Engine = 'embedded' | 'postgres';

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` is a folder, or `memory://` for a throwaway database (tests). */
  | { engine: 'embedded'; dataDir: string };

/** An open database: Kysely for queries, plus what start-up, backup and shutdown need. */
export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** Called if the embedded engine's worker dies (the process should then exit and be restarted). */
  onFailure?: (listener: (error: Error) => void) => void;
}

// int8 (bigint) as string: ids of the audit log exceed 2^53 one day; counts are cast in SQL.
// numeric as string too (exact); dates (date type) as 'YYYY-MM-DD' strings, not JS Dates at midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/** Opens the database named by the options; the embedded engine runs in a worker thread. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.engine === 'postgres') {
    // Idle connections are kept five minutes (pg's default closes them after 10 s): under bursts of
    // field work the pool otherwise keeps opening connections, each a new PostgreSQL backend whose
    // first queries run on cold caches — measured as stalls of up to a second for every request (ADR 0038).
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, idleTimeoutMillis: 300_000 });
    pool.on('error', () => undefined); // idle client errors surface on the next query
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await kysely.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return { kysely, engine: 'postgres', close: () => kysely.destroy() };
  }
  const isMemory = options.dataDir.startsWith('memory://');
  let release = () => {};
  if (!isMemory) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir);
  }
  const pglite = new WorkerPglite(isMemory ? options.dataDir : path.join(options.dataDir, 'pg'));
  try {
    await pglite.waitReady;
  } catch (error) {
    release();
    await pglite.close();
    throw error;
  }
  // One connection (PGlite is one session), handed out field work first.
  const pool = new PriorityPool(new pg.Pool({ ...pglite.pgConfig(), max: 1 }));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    engine: 'embedded',
    onFailure: (listener) => pglite.on('failed', listener),
    close: async () => {
      await kysely.destroy();
      await pglite.close();
      release();
    },
  };
}

/** The data directory holds one running Relais at a time: two PGlite processes on one folder corrupt it. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'relais.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirBusyError(dataDir, pid);
      }
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone (e.g. killed)
    }
  }
  throw new DataDirBusyError(dataDir, 0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`The data directory ${dataDir} is in use by another Relais process (pid ${pid}). Stop it first, or use another RELAIS_DATA_DIR.`);
    this.name = 'DataDirBusyError';
  }
}
