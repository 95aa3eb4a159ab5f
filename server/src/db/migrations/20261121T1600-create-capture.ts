import { sql, type Kysely } from 'kysely';

// Service and activity capture: services (grouped by contact), group sessions,
// the testing register's counters, sync operations applied (idempotency), and a
// change sequence feeding the offline pull.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One sequence orders every change the field app pulls.
    create sequence relais_change_seq;
    create function relais_bump_change_seq() returns trigger language plpgsql as $$
    begin
      new.change_seq := nextval('relais_change_seq');
      return new;
    end
    $$;

    alter table beneficiary add column change_seq bigint not null default nextval('relais_change_seq');
    create index beneficiary_change_idx on beneficiary (organisation_id, change_seq);
    create trigger beneficiary_change_seq before update on beneficiary for each row execute function relais_bump_change_seq();

    create table group_session (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      session_date date not null,
      org_unit_id uuid not null,
      site_id uuid,
      program text not null,
      type text not null,
      theme text not null,
      facilitator_ids uuid[] not null default '{}',
      partner text,
      anonymous jsonb not null default '[]',
      created_by uuid not null,
      created_at timestamptz not null default now(),
      deleted_at timestamptz,
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, site_id) references org_unit (organisation_id, id)
    );
    create index group_session_unit_idx on group_session (organisation_id, org_unit_id, session_date);

    create table service_event (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      contact_id uuid not null,
      beneficiary_id uuid not null,
      service_date date not null,
      worker_id uuid not null,
      org_unit_id uuid not null,
      site_id uuid,
      program text not null,
      service text not null,
      quantity integer check (quantity is null or quantity > 0),
      result text check (result is null or result in ('negative', 'positive', 'indeterminate')),
      strategy text check (strategy is null or strategy in ('fixed', 'mobile')),
      modality text check (modality is null or modality in ('in_person', 'online', 'phone')),
      kind text,
      treated boolean,
      platform text,
      register_year integer,
      register_no integer,
      register_no_edited boolean not null default false,
      group_session_id uuid,
      note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz,
      deleted_by uuid,
      change_seq bigint not null default nextval('relais_change_seq'),
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, worker_id) references app_user (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, site_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, group_session_id) references group_session (organisation_id, id)
    );
    create index service_event_person_idx on service_event (organisation_id, beneficiary_id, service_date);
    create index service_event_unit_idx on service_event (organisation_id, org_unit_id, service_date);
    create index service_event_contact_idx on service_event (organisation_id, contact_id);
    create index service_event_change_idx on service_event (organisation_id, change_seq);
    -- The testing register: one number per section and year, never twice.
    create unique index service_event_register_idx on service_event (organisation_id, org_unit_id, register_year, register_no) where register_no is not null;
    create trigger service_event_change_seq before update on service_event for each row execute function relais_bump_change_seq();

    create table register_counter (
      organisation_id uuid not null,
      org_unit_id uuid not null,
      year integer not null,
      last_no integer not null,
      primary key (organisation_id, org_unit_id, year)
    );

    -- Sync operations applied, so a retried push changes nothing.
    create table applied_operation (
      organisation_id uuid not null,
      id uuid not null,
      user_id uuid not null,
      kind text not null,
      result jsonb not null,
      applied_at timestamptz not null default now(),
      primary key (organisation_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table applied_operation;
    drop table register_counter;
    drop table service_event;
    drop table group_session;
    drop trigger beneficiary_change_seq on beneficiary;
    drop index beneficiary_change_idx;
    alter table beneficiary drop column change_seq;
    drop function relais_bump_change_seq();
    drop sequence relais_change_seq;
  `.execute(db);
}
