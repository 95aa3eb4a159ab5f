import { sql, type Kysely } from 'kysely';

// Voice notes (issue 16, ADR 0035): a short recording attached to a contact instead of a typed
// note, at most one per contact. The audio is sealed with the instance key (`Secrets`, as contact
// details): `audio_encrypted` never holds the recording in clear. Its id is the client's (a retried
// upload is stored once); person, unit, program and date are the contact's: the notes' policy
// reads them, retention counts from the date.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table voice_note (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      contact_id uuid not null,
      beneficiary_id uuid not null,
      org_unit_id uuid not null,
      program text not null,
      contact_date date not null,
      mime_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      audio_encrypted bytea not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      unique (organisation_id, contact_id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create index voice_note_person_idx on voice_note (organisation_id, beneficiary_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table voice_note`.execute(db);
}
