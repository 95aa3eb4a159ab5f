import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';

/**
 * Runs a measure on a fresh, migrated database of each engine: embedded always,
 * PostgreSQL when RELAIS_BENCH_DATABASE_URL names a server (a throwaway database
 * is created there and dropped after).
 */
export async function onEachEngine(measure: (engine: 'embedded' | 'postgres', db: Db) => Promise<unknown>): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  // RELAIS_BENCH_ENGINES=postgres (or embedded) measures one engine only.
  const engines = (process.env.RELAIS_BENCH_ENGINES ?? 'embedded,postgres').split(',');
  if (engines.includes('embedded')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
    const embedded = await openDatabase({ engine: 'embedded', dataDir: dir });
    try {
      await migrateToLatest(embedded.kysely);
      results.embedded = await measure('embedded', embedded);
    } finally {
      await embedded.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = process.env.RELAIS_BENCH_DATABASE_URL;
  if (!url || !engines.includes('postgres')) return results;
  const fresh = await freshPostgresDatabase(url);
  const db = await openDatabase({ engine: 'postgres', url: fresh.url });
  try {
    await migrateToLatest(db.kysely);
    results.postgres = await measure('postgres', db);
  } finally {
    await db.close();
    await fresh.drop();
  }
  return results;
}

/** A throwaway database on the benchmark's PostgreSQL server: its URL, and how to drop it. */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `relais_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
