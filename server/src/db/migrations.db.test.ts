import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, engine, type TestDatabase } from '../../test/harness.ts';
import { appliedMigrations, knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import { NO_MIGRATIONS } from 'kysely';

describe(`migrations (${engine})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('apply from zero, in name order, and are timestamped', async () => {
    const known = await knownMigrations();
    expect(known.length).toBeGreaterThan(0);
    for (const name of known) expect(name).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
    expect(await migrateToLatest(t.db.kysely)).toEqual(known);
    expect(await appliedMigrations(t.db.kysely)).toEqual(known);
  });

  it('give every table of organisation data an organisation_id leading its primary key', async () => {
    const rows = await sql<{ table_name: string; first_key: string | null }>`
      select t.table_name,
        (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
         where i.indrelid = (quote_ident(t.table_name))::regclass and i.indisprimary) as first_key
      from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        and t.table_name not in ('organisation', 'login_throttle', 'session', 'kysely_migration', 'kysely_migration_lock')
        -- The directory is shared by the organisations of the instance (a territory's network): ADR 0021.
        and t.table_name not in ('territory', 'care_circuit', 'care_circuit_revision') and t.table_name not like 'directory\\_%'
        -- Client-chosen ids, each once across the instance (issue 18): keyed by the id alone.
        and t.table_name <> 'claimed_id'`.execute(t.db.kysely);
    expect(rows.rows.length).toBeGreaterThan(3);
    for (const r of rows.rows) expect(r.first_key, r.table_name).toBe('organisation_id');
  });

  it('keep the audit log append-only', async () => {
    await t.db.kysely.insertInto('organisation').values({ id: '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0001', code: 'AUD', name: 'A' }).execute();
    await t.db.kysely
      .insertInto('audit_event')
      .values({ organisation_id: '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0001', action: 'test', entity_type: 'x', actor_id: null, entity_id: null, org_unit_id: null, org_unit_path: null, details: '{}', ip: null, request_id: null })
      .execute();
    await expect(t.db.kysely.updateTable('audit_event').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
    await t.db.kysely.deleteFrom('organisation').where('code', '=', 'AUD').execute().catch(() => undefined);
  });

  it('give stored group sessions the report age bands, and back on the way down', async () => {
    const org = '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0002';
    const unit = '7a0d1f7e-1111-4c55-9a36-0f4b8a1e0003';
    const before = '20261201T0845-generate-person-facts-rule';
    await migrateTo(t.db.kysely, before);
    await sql`insert into organisation (id, code, name) values (${org}, 'AGE', 'A')`.execute(t.db.kysely);
    await sql`insert into org_unit (organisation_id, id, code, name, level, parent_id, path) values (${org}, ${unit}, 'AGE', 'A', 'country', null, ${`/${unit}/`})`.execute(t.db.kysely);
    const anonymous = [{ sex: 'F', ageBand: 'lt25', count: 3 }, { sex: 'M', ageBand: 'ge25', count: 2 }];
    await sql`insert into group_session (organisation_id, id, session_date, org_unit_id, program, type, theme, anonymous, created_by)
      values (${org}, ${unit}, '2026-01-05', ${unit}, 'prev_ps', 'iec', 'T', ${JSON.stringify(anonymous)}::jsonb, ${unit})`.execute(t.db.kysely);
    const stored = async () => (await sql<{ anonymous: unknown }>`select anonymous from group_session where organisation_id = ${org}`.execute(t.db.kysely)).rows[0]!.anonymous;
    await migrateToLatest(t.db.kysely);
    expect(await stored()).toEqual([{ sex: 'F', ageBand: '<25', count: 3 }, { sex: 'M', ageBand: '>=25', count: 2 }]);
    await migrateTo(t.db.kysely, before);
    expect(await stored()).toEqual(anonymous);
    await migrateToLatest(t.db.kysely);
    await sql`delete from group_session where organisation_id = ${org}`.execute(t.db.kysely);
    await sql`delete from org_unit where organisation_id = ${org}`.execute(t.db.kysely);
    await sql`delete from organisation where id = ${org}`.execute(t.db.kysely);
  });

  it('go down to zero and up again', async () => {
    await sql`truncate organisation, audit_event cascade`.execute(t.db.kysely);
    await migrateTo(t.db.kysely, NO_MIGRATIONS as unknown as string);
    expect(await appliedMigrations(t.db.kysely)).toEqual([]);
    const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'org_unit'`.execute(t.db.kysely);
    expect(left.rows[0]!.n).toBe(0);
    expect(await migrateToLatest(t.db.kysely)).toEqual(await knownMigrations());
  });
});
