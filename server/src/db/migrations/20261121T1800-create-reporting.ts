import { sql, type Kysely } from 'kysely';

// Targets per indicator × program × org unit × period, and the index the live
// reports read services through (organisation, program, date).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table target (
      organisation_id uuid not null references organisation (id),
      indicator text not null,
      program text not null,
      org_unit_id uuid not null,
      period text not null,
      value numeric not null check (value >= 0),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, indicator, program, org_unit_id, period),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create index service_event_report_idx on service_event (organisation_id, program, service_date) where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index service_event_report_idx;
    drop table target;
  `.execute(db);
}
