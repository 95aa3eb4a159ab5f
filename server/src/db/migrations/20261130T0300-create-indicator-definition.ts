import { sql, type Kysely } from 'kysely';

// An organisation's own indicators (the defaults are in core): a measure over filtered
// services, named in French, Arabic and English by the administrator who adds it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator_definition (
      organisation_id uuid not null references organisation (id),
      code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      labels jsonb not null,
      measure jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, code),
      foreign key (organisation_id, created_by) references app_user (organisation_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table indicator_definition`.execute(db);
}
