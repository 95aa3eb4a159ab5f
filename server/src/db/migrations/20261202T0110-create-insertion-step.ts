import { sql, type Kysely } from 'kysely';

// Insertion (issue 17, ADR 0033): the steps of a person's pathway towards work — vocational
// initiation (a training), mediation with an employer, an internship, a job, self-employment —
// each with its dates, followed by a unit of the harm-reduction program; `completed` only for a
// training or an internship. Deleting a step entered by mistake keeps the row (`deleted_at`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table insertion_step (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      beneficiary_id uuid not null,
      org_unit_id uuid not null,
      kind text not null check (kind in ('training', 'mediation', 'internship', 'job', 'self_employment')),
      activity text not null,
      start_date date not null,
      end_date date,
      completed boolean check (completed is null or kind in ('training', 'internship')),
      note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      check (end_date is null or end_date >= start_date)
    );
    create index insertion_step_person_idx on insertion_step (organisation_id, beneficiary_id, start_date);
    create index insertion_step_start_idx on insertion_step (organisation_id, start_date);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table insertion_step`.execute(db);
}
