import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** What a test file learns of its run (`inject('relaisTestRun')`): where the migrated template lives. */
export interface TestRun {
  /** This run's folder: the embedded templates (`template/` migrated, `empty/`), their locks and the copies of the test files. */
  dir: string;
  /** The name of the template database on the PostgreSQL server (created only on that engine). */
  pgTemplate: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    relaisTestRun: TestRun;
  }
}

// Once per vitest run: names the folder and the template database that server/test/harness.ts
// builds on first use (so a run of unit tests alone builds nothing), and removes both at the end.
export default function setup(project: TestProject) {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(); // copies of 40 MB: in memory when possible
  const run: TestRun = {
    dir: fs.mkdtempSync(path.join(base, 'relais-test-')),
    pgTemplate: `relais_template_${randomBytes(4).toString('hex')}`,
  };
  project.provide('relaisTestRun', run);
  return async () => {
    fs.rmSync(run.dir, { recursive: true, force: true });
    const url = process.env.RELAIS_TEST_DATABASE_URL;
    if (process.env.RELAIS_TEST_ENGINE === 'postgres' && url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${run.pgTemplate} with (force)`);
      await admin.end();
    }
  };
}
