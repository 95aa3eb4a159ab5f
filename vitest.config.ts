import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './server/test/sequencer.ts';

// Unit tests (`*.test.ts`) of core, server and web, and real-database tests (`*.db.test.ts`) of the server.
// RELAIS_TEST_ENGINE picks the database of the database tests: `embedded` (default) runs
// everything plus the embedded engine's own tests (`*.embedded.test.ts`); `postgres` runs
// the database tests again on a PostgreSQL server plus `*.pg.test.ts`. scripts/test.mjs runs both.
// The web unit tier (`web/src/**/*.test.ts`: pure modules, no DOM) runs in the embedded pass only.
const onPostgres = process.env.RELAIS_TEST_ENGINE === 'postgres';

export default defineConfig({
  test: {
    include: onPostgres
      ? ['server/**/*.db.test.ts', 'server/**/*.pg.test.ts']
      : ['core/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: onPostgres ? ['**/node_modules/**'] : ['**/node_modules/**', '**/*.pg.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Names the run's folder and template database: database tests start from a copy of one
    // migrated template built once per run (server/test/harness.ts).
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs its test files one after the other in one process: the modules (the server,
    // fastify, kysely, PGlite) are loaded once per worker, not once per file (~1.5 s of CPU a file).
    // A file undoes what it changed of the process (server/test/per-file.ts) and closes what it opened.
    isolate: false,
    setupFiles: ['server/test/per-file.ts'],
    // The files that take minutes start first, one on each worker (server/test/sequencer.ts).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
