import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createAppWithSection, createTestDatabase, createUserClient, type TestApp } from '../../test/harness.ts';
import { backupTo, restoreFrom } from './backup.ts';
import { openDatabase, type Db } from './index.ts';
import type { Database } from './schema.ts';

const tables = ['organisation', 'org_unit', 'program', 'app_user', 'role_assignment', 'audit_event', 'beneficiary', 'beneficiary_unit', 'beneficiary_pair'] as const;

async function snapshot(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // An organisation's configuration version is new after a restore (ADR 0046).
    const rows = await sql<{ r: unknown }>`select to_jsonb(x) - 'config_version' as r from ${sql.table(t)} x`.execute(db);
    out[t] = rows.rows.map((row) => JSON.stringify(row.r)).sort();
  }
  return out;
}

// Runs in the PostgreSQL pass only (vitest.config.ts): needs both engines at once.
describe('a backup moves between the embedded engine and a PostgreSQL server', () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    const { t: app, org, section } = await createAppWithSection('MOVE', 'SEC-1');
    t = app;
    await createUserClient(t, org.admin, 'MOVE', 'ep.one', 'peer_educator', section);
    const res = await org.admin.post('/beneficiaries', { code: 'FAMO1985F', orgUnitId: section, registeredOn: '2025-01-01', populations: ['PS'], sex: 'F', phone: '+212 611 111 111' });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relais-move-')), 'server.jsonl.gz');
    await backupTo(t.db.kysely, file);
  });
  afterAll(() => t.close());

  it('moves an embedded database onto the PostgreSQL server', async () => {
    const embedded: Db = await openDatabase({ engine: 'embedded', dataDir: 'memory://' });
    const target = await createTestDatabase();
    try {
      await restoreFrom(embedded.kysely, file); // the backup of the server, into PGlite…
      const fromEmbedded = `${file}.embedded.gz`;
      await backupTo(embedded.kysely, fromEmbedded); // …backed up from PGlite…
      await restoreFrom(target.db.kysely, fromEmbedded); // …and restored on the server again.
      expect(await snapshot(target.db.kysely)).toEqual(await snapshot(t.db.kysely));
    } finally {
      await embedded.close();
      await target.drop();
    }
  });
});
