import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { backupTo } from '../db/backup.ts';
import { inBackground } from '../db/priority.ts';

/** Writes a backup into `dir` now and keeps the newest `keep` ones. */
export async function writeScheduledBackup(db: Kysely<Database>, dir: string, keep: number): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:.]/g, ''); // 20261121T121959123Z
  const file = path.join(dir, `relais-${stamp}.jsonl.gz`);
  await backupTo(db, file);
  const backups = fs
    .readdirSync(dir)
    .filter((f) => /^relais-\d{8}T\d{9}Z\.jsonl\.gz$/.test(f))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) fs.rmSync(path.join(dir, old), { force: true });
  return file;
}

/** Backs up every `intervalHours` while the server runs; returns a function that stops it. */
export function scheduleBackups(db: Kysely<Database>, options: { intervalHours: number; keep: number; dir: string }, log: FastifyBaseLogger): () => void {
  if (options.intervalHours <= 0) return () => {};
  let running = false;
  /** One scheduled backup; never rejects (a failure is logged). */
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const file = await inBackground(() => writeScheduledBackup(db, options.dir, options.keep));
      log.info({ file }, 'scheduled backup written');
    } catch (err) {
      log.error({ err }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  };
  // The timer does not wait for the backup: `run` handles its own errors.
  const timer = setInterval(() => void run(), options.intervalHours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
