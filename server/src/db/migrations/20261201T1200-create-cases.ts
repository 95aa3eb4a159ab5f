import { sql, type Kysely } from 'kysely';

// Case management: a case follows one person in one program from reception to closure, with the
// incident behind it (GBV), an assessment, a plan of actions, appointments, encrypted notes and
// its history of status changes; services recorded in a case point to it. Most significant
// change stories and their selection rounds. `case` is an SQL keyword: the table is case_file.
// Reception and incident times are wall-clock times of the organisation (timestamp without zone).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table case_file (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      beneficiary_id uuid not null,
      program text not null,
      org_unit_id uuid not null,
      opened_at timestamp not null,
      entry_door text not null,
      case_worker_id uuid not null,
      co_worker_ids uuid[] not null default '{}',
      status text not null default 'open' check (status in ('open', 'closed')),
      closed_on date,
      closure_reason text,
      incident_on date,
      incident_time time,
      incident_place text,
      perpetrator text,
      repeated_violence boolean,
      violence_type text,
      reporting_consent boolean not null default false,
      needs text[],
      risk_level text,
      safety_plan boolean,
      last_contact_on date not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      change_seq bigint not null default nextval('relais_change_seq'),
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      check ((status = 'closed') = (closed_on is not null and closure_reason is not null)),
      check (incident_time is null or incident_on is not null)
    );
    -- One open case per person and program.
    create unique index case_file_open_idx on case_file (organisation_id, beneficiary_id, program) where status = 'open';
    create index case_file_unit_idx on case_file (organisation_id, org_unit_id, status, opened_at);
    create index case_file_worker_idx on case_file (organisation_id, case_worker_id) where status = 'open';
    create index case_file_person_idx on case_file (organisation_id, beneficiary_id);
    create trigger case_file_change_seq before update on case_file for each row execute function relais_bump_change_seq();

    -- Opened, closed, reopened: who, when, why (reopening keeps the history).
    create table case_status_change (
      organisation_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      status text not null check (status in ('open', 'closed')),
      on_date date not null,
      reason text,
      note text,
      changed_by uuid,
      changed_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id)
    );
    create index case_status_change_case_idx on case_status_change (organisation_id, case_id, changed_at);

    create table case_action (
      organisation_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      what text not null,
      assignee_id uuid,
      due_on date,
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
      done_on date,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id)
    );
    create index case_action_case_idx on case_action (organisation_id, case_id);
    create index case_action_due_idx on case_action (organisation_id, due_on) where status in ('planned', 'in_progress');

    create table case_appointment (
      organisation_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      at timestamp not null,
      purpose text not null,
      status text not null default 'planned' check (status in ('planned', 'kept', 'missed', 'cancelled')),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id)
    );
    create index case_appointment_case_idx on case_appointment (organisation_id, case_id);
    create index case_appointment_due_idx on case_appointment (organisation_id, at) where status = 'planned';

    -- Case notes are sealed (AES-256-GCM, the key outside the database), like phone numbers.
    create table case_note (
      organisation_id uuid not null,
      id uuid not null,
      case_id uuid not null,
      body_encrypted bytea not null,
      author_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id)
    );
    create index case_note_case_idx on case_note (organisation_id, case_id, created_at);

    alter table service_event add column case_id uuid;
    create index service_event_case_idx on service_event (organisation_id, case_id) where case_id is not null;
    -- A service recorded in a case is a contact: the case's last contact moves forward (retention, risk of loss).
    create function relais_case_last_contact() returns trigger language plpgsql as $$
    begin
      update case_file set last_contact_on = greatest(last_contact_on, new.service_date)
      where organisation_id = new.organisation_id and id = new.case_id;
      return null;
    end
    $$;
    create trigger service_event_case_contact after insert or update of case_id, service_date on service_event
      for each row when (new.case_id is not null) execute function relais_case_last_contact();

    -- Most significant change: stories (sealed text) and selection rounds.
    create table change_story (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      beneficiary_id uuid not null,
      case_id uuid,
      org_unit_id uuid not null,
      program text,
      collected_by uuid not null,
      collected_on date not null,
      events_from date,
      events_to date,
      domain text not null,
      story_encrypted bytea not null,
      significance_encrypted bytea,
      consent_scopes text[] not null default '{}',
      consent_expires_on date,
      anonymised_text text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create index change_story_unit_idx on change_story (organisation_id, org_unit_id, collected_on);

    create table change_round (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      held_on date not null,
      org_unit_id uuid not null,
      panel text not null,
      period_from date,
      period_to date,
      feedback text,
      feedback_on date,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );

    create table change_round_story (
      organisation_id uuid not null,
      round_id uuid not null,
      story_id uuid not null,
      selected boolean not null default false,
      reasons text,
      primary key (organisation_id, round_id, story_id),
      foreign key (organisation_id, round_id) references change_round (organisation_id, id),
      foreign key (organisation_id, story_id) references change_story (organisation_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table change_round_story;
    drop table change_round;
    drop table change_story;
    drop trigger service_event_case_contact on service_event;
    drop function relais_case_last_contact();
    drop index service_event_case_idx;
    alter table service_event drop column case_id;
    drop table case_note;
    drop table case_appointment;
    drop table case_action;
    drop table case_status_change;
    drop table case_file;
  `.execute(db);
}
