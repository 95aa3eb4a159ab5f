import { sql, type Kysely } from 'kysely';

// Harm reduction (issue 17, ADR 0029). `anonymous_service`: tallies of services given to people
// without a code at a unit or site on a day (one line per service; `tally_id` groups the lines
// saved together, so a retried save is applied once); the services a tally hands out take their
// items from the stock as identified services do. `ost_episode`: a person's episodes of opioid
// substitution at the unit that dispenses (an interruption ends one, a re-entry opens the next; one
// open at a time), `ost_dose` the daily dose from a day on, `ost_dispensing` one line a person and
// day (taken on site, taken away for some days, or missed), the dose given recorded as an
// `ost_dose` service (`service_id`) through capture's one write of services.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table anonymous_service (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      tally_id uuid not null,
      org_unit_id uuid not null,
      site_id uuid,
      program text not null,
      service_date date not null,
      service text not null,
      count int not null check (count >= 1),
      quantity int check (quantity is null or quantity >= 1),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      deleted_at timestamptz,
      primary key (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create index anonymous_service_date_idx on anonymous_service (organisation_id, service_date, org_unit_id);
    create index anonymous_service_tally_idx on anonymous_service (organisation_id, tally_id);

    create table ost_episode (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      beneficiary_id uuid not null,
      org_unit_id uuid not null,
      start_date date not null,
      prescriber text not null,
      end_date date,
      end_reason text check (end_reason is null or end_reason in ('interrupted', 'completed', 'transferred', 'excluded', 'incarcerated', 'died', 'other')),
      end_note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      check ((end_date is null) = (end_reason is null)),
      check (end_date is null or end_date >= start_date)
    );
    create unique index ost_episode_open_idx on ost_episode (organisation_id, beneficiary_id) where end_date is null;
    create index ost_episode_unit_idx on ost_episode (organisation_id, org_unit_id, start_date);
    create index ost_episode_person_idx on ost_episode (organisation_id, beneficiary_id, start_date);

    create table ost_dose (
      organisation_id uuid not null,
      episode_id uuid not null,
      from_date date not null,
      dose_mg int not null check (dose_mg between 1 and 400),
      prescriber text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, episode_id, from_date),
      foreign key (organisation_id, episode_id) references ost_episode (organisation_id, id)
    );

    create table ost_dispensing (
      organisation_id uuid not null,
      id uuid not null,
      episode_id uuid not null,
      dispensed_on date not null,
      kind text not null check (kind in ('on_site', 'take_away', 'missed')),
      days int not null default 1 check (days between 1 and 7),
      dose_mg int,
      service_id uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, episode_id) references ost_episode (organisation_id, id),
      unique (organisation_id, episode_id, dispensed_on)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table ost_dispensing;
    drop table ost_dose;
    drop table ost_episode;
    drop table anonymous_service;
  `.execute(db);
}
