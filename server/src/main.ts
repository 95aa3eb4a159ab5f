import pino from 'pino';
import { translate, type Locale } from '@relais/core';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './db/configured.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { scheduleBackups } from './jobs/backup.job.ts';
import { scheduleStatistics } from './jobs/maintenance.job.ts';
import { scheduleRetention } from './jobs/retention.job.ts';
import { syncReportFacts } from './modules/reports/index.ts';

export { openConfiguredDatabase } from './db/configured.ts';

/**
 * Starts Relais: database, migrations, HTTP server, scheduled backups; stops cleanly on SIGINT/SIGTERM.
 * With readable logs, the first line is the address to open, in the operator's language.
 */
export async function startServer(config: Config, locale: Locale = 'fr'): Promise<{ url: string; stop: () => Promise<void> }> {
  const startedAt = Date.now();
  const db = await openConfiguredDatabase(config);
  await migrateToLatest(db.kysely);
  // Report facts follow the indicator definitions (a new version may change them): the rules
  // are stored now, their facts built in the background once the server listens.
  const changed = await syncReportFacts(db.kysely);
  // JSON logs are written off the request path (asynchronously, in 4 KiB chunks), flushed on exit.
  const logs = pino.destination({ sync: false, minLength: 4096 });
  const exit = (code: number) => {
    logs.flushSync();
    process.exit(code);
  };
  const app = await buildApp({ config, db, logger: true, logDestination: logs });
  const address = await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${(app.server.address() as { port: number }).port}`;
  if (config.logFormat === 'pretty') process.stdout.write(`${translate(locale, 'cli.ready', { url })} ${translate(locale, 'cli.stopHint')}\n`);
  else app.log.info({ address, engine: db.engine, startMs: Date.now() - startedAt }, `Relais is running: open ${url}`);
  const stopBackups = scheduleBackups(db.kysely, config.backup, app.log);
  // The organisations' retention periods (ADR 0026): a minute after the start, then daily.
  const stopRetention = scheduleRetention(db.kysely, app.log);
  // PGlite has no autovacuum: the embedded engine refreshes the planner's statistics itself.
  const stopStatistics = db.engine === 'embedded' ? scheduleStatistics(db.kysely, 6, app.log) : () => {};
  if (changed.length) app.log.info({ organisations: changed.length }, 'report rules changed: building their facts');
  app.reportFacts.kick();

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
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: stopping`);
      stop().then(
        () => exit(0),
        () => exit(1),
      );
    });
  }
  db.onFailure?.((error) => {
    app.log.fatal({ err: error }, 'the database stopped: exiting');
    exit(1);
  });
  return { url, stop };
}
