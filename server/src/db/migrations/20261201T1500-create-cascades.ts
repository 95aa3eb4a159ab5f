import { sql, type Kysely } from 'kysely';

// Awareness cascades (issue 14): the people trained (an organisation's, reused from one training to
// the next), trainings and their attendance, group sessions extended into cascade sessions
// (audience, counts by sex and age group, disability, the training and the person trained who
// leads it), and disclosures, which may enter the care circuit (a case, a referral to a directory
// service). Organisation-scoped like capture; the disclosure's note is encrypted like case notes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table trainee (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      kind text not null check (kind in ('professional', 'peer_educator')),
      name text not null,
      sex text not null check (sex in ('F', 'M', 'X')),
      birth_year int,
      partner_organisation text,
      function text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id)
    );

    create table training (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      program text not null,
      org_unit_id uuid not null,
      kind text not null check (kind in ('training_of_trainers', 'thematic', 'peer_educators')),
      theme text not null,
      start_on date not null,
      end_on date not null,
      modality text not null check (modality in ('in_person', 'online', 'hybrid')),
      partner text,
      led_by_trainee_id uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, led_by_trainee_id) references trainee (organisation_id, id),
      check (end_on >= start_on)
    );
    create index training_unit_idx on training (organisation_id, org_unit_id, end_on);
    create index training_leader_idx on training (organisation_id, led_by_trainee_id) where led_by_trainee_id is not null;

    create table training_attendance (
      organisation_id uuid not null,
      training_id uuid not null,
      trainee_id uuid not null,
      attended boolean not null default true,
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      primary key (organisation_id, training_id, trainee_id),
      foreign key (organisation_id, training_id) references training (organisation_id, id),
      foreign key (organisation_id, trainee_id) references trainee (organisation_id, id)
    );
    create index training_attendance_trainee_idx on training_attendance (organisation_id, trainee_id);

    alter table group_session
      add column audience text check (audience is null or audience in ('children', 'parents', 'professionals', 'community')),
      add column training_id uuid,
      add column led_by_trainee_id uuid,
      add column audience_counts jsonb not null default '[]',
      add column disability_count int not null default 0 check (disability_count >= 0),
      add foreign key (organisation_id, training_id) references training (organisation_id, id),
      add foreign key (organisation_id, led_by_trainee_id) references trainee (organisation_id, id);
    create index group_session_training_idx on group_session (organisation_id, training_id) where training_id is not null;
    create index group_session_leader_idx on group_session (organisation_id, led_by_trainee_id) where led_by_trainee_id is not null;

    create table disclosure (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      disclosed_on date not null,
      program text not null,
      org_unit_id uuid not null,
      group_session_id uuid,
      beneficiary_id uuid,
      sex text check (sex is null or sex in ('F', 'M', 'X')),
      age_group text,
      violence_type text,
      note_encrypted bytea,
      entry text check (entry is null or entry in ('case_opened', 'referral_sent')),
      entered_on date,
      case_id uuid,
      referred_service_id uuid references directory_service (id),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, group_session_id) references group_session (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id),
      check ((entry is null) = (entered_on is null)),
      check (entry is distinct from 'case_opened' or case_id is not null),
      check (entry is distinct from 'referral_sent' or referred_service_id is not null)
    );
    create index disclosure_unit_idx on disclosure (organisation_id, org_unit_id, disclosed_on);
    create index disclosure_session_idx on disclosure (organisation_id, group_session_id) where group_session_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table disclosure;
    drop index group_session_training_idx;
    drop index group_session_leader_idx;
    alter table group_session drop column audience, drop column training_id, drop column led_by_trainee_id, drop column audience_counts, drop column disability_count;
    drop table training_attendance;
    drop table training;
    drop table trainee;
  `.execute(db);
}
