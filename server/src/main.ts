import cluster from 'node:cluster';
import pino from 'pino';
import { translate, type Locale } from '@relais/core';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './db/configured.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { scheduleBackups } from './jobs/backup.job.ts';
import { scheduleStatistics } from './jobs/maintenance.job.ts';
import { scheduleRetention } from './jobs/retention.job.ts';
import { Secrets } from './lib/secrets.ts';
import { prettyLogStream } from './lib/log-format.ts';
import { createReportFactsBuilder, syncReportFacts } from './modules/reports/index.ts';

export { openConfiguredDatabase } from './db/configured.ts';

type Stop = () => Promise<void>;

/** Stops cleanly on SIGINT/SIGTERM, flushing the logs, then exits. */
function exitOnSignals(stop: Stop, log: { info(m: string): void }, logs: { flushSync(): void }): (code: number) => void {
  const exit = (code: number) => {
    logs.flushSync();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info(`${signal}: stopping`);
      stop().then(
        () => exit(0),
        () => exit(1),
      );
    });
  }
  return exit;
}

/**
 * Starts Relais: database, migrations, HTTP server, scheduled jobs; stops cleanly on SIGINT/SIGTERM.
 * With readable logs, the first line is the address to open, in the operator's language.
 * With RELAIS_WORKERS > 1 (a PostgreSQL server only, ADR 0038) this process migrates, runs the
 * scheduled jobs and the report facts builder, and starts that many HTTP processes sharing the port.
 */
export async function startServer(config: Config, locale: Locale = 'fr'): Promise<{ url: string; stop: Stop }> {
  if (config.workers > 1 && cluster.isPrimary) return startPrimary(config, locale);
  const worker = cluster.isWorker;
  const startedAt = Date.now();
  const db = await openConfiguredDatabase(config);
  // Report facts follow the indicator definitions (a new version may change them): the rules
  // are stored now, their facts built in the background once the server listens.
  const changed = worker ? [] : (await migrateToLatest(db.kysely), await syncReportFacts(db.kysely));
  // JSON logs are written off the request path (asynchronously, in 4 KiB chunks), flushed on exit.
  const logs = pino.destination({ sync: false, minLength: 4096 });
  const app = await buildApp({ config, db, logger: true, logDestination: logs });
  const address = await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${(app.server.address() as { port: number }).port}`;
  if (worker) app.log.debug({ address, worker: cluster.worker?.id, startMs: Date.now() - startedAt }, 'HTTP process listening');
  else if (config.logFormat === 'pretty') process.stdout.write(`${translate(locale, 'cli.ready', { url })} ${translate(locale, 'cli.stopHint')}\n`);
  else app.log.info({ address, engine: db.engine, startMs: Date.now() - startedAt }, `Relais is running: open ${url}`);
  // The jobs run once per server: here, or in the primary process when there are several.
  const stopBackups = worker ? () => {} : scheduleBackups(db.kysely, config.backup, app.log);
  // The organisations' retention periods (ADR 0026): a minute after the start, then daily.
  const stopRetention = worker ? () => {} : scheduleRetention(db.kysely, app.log);
  // PGlite has no autovacuum: the embedded engine refreshes the planner's statistics itself.
  const stopStatistics = db.engine === 'embedded' ? scheduleStatistics(db.kysely, 6, app.log) : () => {};
  if (changed.length) app.log.info({ organisations: changed.length }, 'report rules changed: building their facts');
  if (!worker) app.reportFacts.kick();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      stopBackups();
      stopRetention();
      stopStatistics();
      await app.close();
      await db.close();
      logs.flushSync();
    })());
  const exit = exitOnSignals(stop, app.log, logs);
  db.onFailure?.((error) => {
    app.log.fatal({ err: error }, 'the database stopped: exiting');
    exit(1);
  });
  return { url, stop };
}

/**
 * The primary process of several HTTP processes (ADR 0038): migrations, the report facts rules,
 * the encryption key created before any worker reads it; then `config.workers` processes
 * (`cluster`: they share the port), replaced when one dies; the scheduled jobs and the report
 * facts builder run here, once. Workers exit when this process dies (their channel closes).
 */
async function startPrimary(config: Config, locale: Locale): Promise<{ url: string; stop: Stop }> {
  const startedAt = Date.now();
  const db = await openConfiguredDatabase(config);
  await migrateToLatest(db.kysely);
  const changed = await syncReportFacts(db.kysely);
  Secrets.load({ envKey: config.encryptionKey, dataDir: config.dataDir });
  const logs = pino.destination({ sync: false, minLength: 4096 });
  const log = pino({ level: config.logLevel }, config.logFormat === 'pretty' ? prettyLogStream() : logs);
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error({ worker: worker.id, code, signal }, 'an HTTP process stopped: starting another');
    setTimeout(fork, 1000).unref();
  });
  // The workers share one port (with PORT=0, the one the first of them was given).
  const ports = await Promise.all(Array.from({ length: config.workers }, () => new Promise<number>((resolve) => fork().once('listening', (address) => resolve(address.port)))));
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${ports[0]}`;
  if (config.logFormat === 'pretty') process.stdout.write(`${translate(locale, 'cli.ready', { url })} ${translate(locale, 'cli.stopHint')}\n`);
  else log.info({ engine: db.engine, workers: config.workers, startMs: Date.now() - startedAt }, `Relais is running: open ${url}`);
  const stopBackups = scheduleBackups(db.kysely, config.backup, log);
  const stopRetention = scheduleRetention(db.kysely, log);
  const reportFacts = createReportFactsBuilder(db.kysely, log);
  if (changed.length) log.info({ organisations: changed.length }, 'report rules changed: building their facts');
  reportFacts.kick();

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      stopBackups();
      stopRetention();
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
      await reportFacts.close();
      await db.close();
      logs.flushSync();
    })());
  const exit = exitOnSignals(stop, log, logs);
  db.onFailure?.((error) => {
    log.fatal({ err: error }, 'the database stopped: exiting');
    exit(1);
  });
  return { url, stop };
}
