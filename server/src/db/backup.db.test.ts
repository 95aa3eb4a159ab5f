import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, createAppWithSection, createTestDatabase, createUnit, createUserClient, engine, PASSWORD, type TestApp } from '../../test/harness.ts';
import { backupTo, restoreFrom } from './backup.ts';
import type { Database } from './schema.ts';
import type { Kysely } from 'kysely';
import { buildApp } from '../app.ts';
import { testConfig } from '../../test/harness.ts';

const tables = ['organisation', 'org_unit', 'program', 'app_user', 'role_assignment', 'audit_event', 'beneficiary', 'beneficiary_unit', 'beneficiary_pair'] as const;

async function snapshot(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // An organisation's configuration version is new after a restore (ADR 0046: what a process kept is read again).
    const rows = await sql<{ r: unknown }>`select to_jsonb(x) - 'config_version' as r from ${sql.table(t)} x order by 1`.execute(db);
    out[t] = rows.rows.map((row) => JSON.stringify(row.r)).sort();
  }
  return out;
}

describe(`backup and restore (${engine})`, () => {
  let t: TestApp;
  let file: string;

  beforeAll(async () => {
    const { t: app, org, section } = await createAppWithSection('BAK', 'SEC-1');
    t = app;
    await createUnit(org.admin, section, 'SITE-1', 'site');
    await createUserClient(t, org.admin, 'BAK', 'ep.one', 'peer_educator', section);
    await org.admin.patch('/programs/gbv', { enabled: false });
    const today = new Date().toISOString().slice(0, 10);
    for (const code of ['FAMO1985F', 'FEMO1985F']) {
      const res = await org.admin.post('/beneficiaries', { code, orgUnitId: section, registeredOn: today, populations: ['PS'], sex: 'F', phone: '+212 611 111 111', contactConsent: true });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'relais-backup-')), 'backup.jsonl.gz');
  });
  afterAll(() => t.close());

  it('round-trips every row into an empty database, and the restored database serves logins', async () => {
    const before = await snapshot(t.db.kysely);
    const written = await backupTo(t.db.kysely, file);
    expect(written.rows).toBeGreaterThan(10);
    const target = await createTestDatabase();
    try {
      await restoreFrom(target.db.kysely, file);
      expect(await snapshot(target.db.kysely)).toEqual(before);
      const versions = async (db: Kysely<Database>) => (await sql<{ v: string }>`select config_version::text as v from organisation order by id`.execute(db)).rows.map((r) => r.v);
      const [was, now] = [await versions(t.db.kysely), await versions(target.db.kysely)];
      expect(now.length).toBe(was.length);
      for (const [i, v] of now.entries()) expect(v).not.toBe(was[i]);
      // Identity sequences continue after the restored rows.
      await target.db.kysely
        .insertInto('audit_event')
        .values({ organisation_id: (await target.db.kysely.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id, action: 'after', entity_type: 'x', actor_id: null, entity_id: null, org_unit_id: null, org_unit_path: null, details: '{}', ip: null, request_id: null })
        .execute();
      const app = await buildApp({ config: testConfig(), db: target.db });
      const client = await new Client(app).login('BAK', 'ep.one', PASSWORD);
      expect(client.me!.assignments[0]!.orgUnit.code).toBe('SEC-1');
      await app.close();
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over data unless asked to replace it', async () => {
    await expect(restoreFrom(t.db.kysely, file)).rejects.toThrow(/already holds data/);
    await t.db.kysely.insertInto('organisation').values({ id: '2b7e4d1a-0000-4000-8000-000000000001', code: 'LATER', name: 'Added after the backup' }).execute();
    await restoreFrom(t.db.kysely, file, { replace: true });
    const codes = (await t.db.kysely.selectFrom('organisation').select('code').execute()).map((r) => r.code);
    expect(codes).toEqual(['BAK']);
  });

  it('refuses a file that is not a Relais backup', async () => {
    const bogus = `${file}.txt`;
    fs.writeFileSync(bogus, 'hello');
    const target = await createTestDatabase();
    try {
      await expect(restoreFrom(target.db.kysely, bogus)).rejects.toThrow();
      expect((await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'organisation'`.execute(target.db.kysely)).rows[0]!.n).toBe(0);
    } finally {
      await target.drop();
    }
  });
});
