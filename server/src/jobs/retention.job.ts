import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { inBackground } from '../db/priority.ts';
import { applyRetentionEverywhere } from '../modules/privacy/index.ts';

const DAY = 24 * 3_600_000;

/**
 * Applies every organisation's retention periods (ADR 0026) a minute after the server starts,
 * then once a day while it runs; returns a function that stops it. A failure is logged and
 * retried the next day.
 */
export function scheduleRetention(db: Kysely<Database>, log: FastifyBaseLogger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const done = await inBackground(() => applyRetentionEverywhere(db, new Date().toISOString().slice(0, 10)));
      log.info({ organisations: done.length, runs: done }, 'retention applied');
    } catch (err) {
      log.error({ err }, 'retention failed');
    } finally {
      running = false;
    }
  };
  // The timers do not wait for the run: `run` handles its own errors.
  const first = setTimeout(() => void run(), 60_000);
  const timer = setInterval(() => void run(), DAY);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
