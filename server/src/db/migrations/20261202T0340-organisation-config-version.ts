import { sql, type Kysely } from 'kysely';

/**
 * An organisation's configuration version (ADR 0046): `organisation.config_version` takes a new
 * random value whenever a row of what configures the organisation changes — its settings, programs,
 * service definitions, indicator definitions and units. The session's read (every authenticated
 * request) returns it, so that a process may keep those reads in memory while the version it
 * holds is the one the request's session read, and read them again as soon as it changed: one
 * statement fewer or more per request and per table, instead of a read each time. Random rather
 * than counted, so that a restored database can never bring back a version a process cached for
 * other rows.
 */
const tables = ['organisation_setting', 'program', 'service_definition', 'indicator_definition', 'org_unit'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisation add column config_version uuid not null default gen_random_uuid();

    create function relais_bump_config_version() returns trigger language plpgsql as $$
    begin
      update organisation set config_version = gen_random_uuid() where id = coalesce(new.organisation_id, old.organisation_id);
      return null;
    end $$;
  `.execute(db);
  for (const table of tables) {
    await sql`create trigger ${sql.raw(`${table}_config_version`)} after insert or update or delete on ${sql.table(table)}
      for each row execute function relais_bump_config_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await sql`drop trigger ${sql.raw(`${table}_config_version`)} on ${sql.table(table)}`.execute(db);
  await sql`
    drop function relais_bump_config_version();
    alter table organisation drop column config_version;
  `.execute(db);
}
