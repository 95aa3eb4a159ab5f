import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import { inBackground } from '../db/priority.ts';

/**
 * Refreshes the planner's statistics. PGlite runs PostgreSQL as a single session without its
 * background workers, so autovacuum never analyses: without this, a table that grew since the
 * last ANALYZE keeps its old estimates and the planner picks plans for a few rows (measured: a
 * nested loop over 100 users it believed to be 1, 850 ms for a section's service list).
 */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  await inBackground(async () => {
    // Table by table: field work's queries go between two (one ANALYZE of everything would hold the connection).
    const tables = await sql<{ name: string }>`select quote_ident(relname) as name from pg_stat_user_tables where schemaname = 'public' order by relname`.execute(db);
    for (const t of tables.rows) await sql`analyze ${sql.raw(t.name)}`.execute(db);
  });
}

/** On the embedded engine: statistics at start-up, then every `intervalHours`; returns a function that stops it. */
export function scheduleStatistics(db: Kysely<Database>, intervalHours: number, log: FastifyBaseLogger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    const t0 = Date.now();
    try {
      await refreshStatistics(db);
      log.info({ ms: Date.now() - t0 }, 'planner statistics refreshed');
    } catch (err) {
      log.error({ err }, 'planner statistics refresh failed');
    } finally {
      running = false;
    }
  };
  // The timers do not wait for the refresh: `run` handles its own errors.
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), intervalHours * 3_600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
