import { sql, type Kysely } from 'kysely';

// Services an organisation defines itself (issue 17, ADR 0028). Each change of a definition is a
// new version (a row); the latest is the one in force, and records keep the version they were
// saved under with their field values (`service_event.fields`), so a change never alters them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table service_definition (
      organisation_id uuid not null references organisation (id),
      code text not null,
      version integer not null check (version >= 1),
      program text not null,
      labels jsonb not null,
      pictogram text not null,
      fields jsonb not null,
      retired boolean not null default false,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (organisation_id, code, version)
    );

    alter table service_event
      add column fields jsonb,
      add column definition_version integer;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table service_event drop column fields, drop column definition_version;
    drop table service_definition;
  `.execute(db);
}
