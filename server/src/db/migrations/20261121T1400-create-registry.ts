import { sql, type Kysely } from 'kysely';

// The beneficiary registry: one record per person and organisation, keyed by
// the code unique; where she is known (units); probable duplicate pairs and the
// decisions on them; merges (undoable); saved working lists; organisation settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisation_setting (
      organisation_id uuid not null references organisation (id),
      key text not null,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (organisation_id, key)
    );

    create table beneficiary (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      code text not null,
      populations text[] not null,
      sex text not null check (sex in ('F', 'M', 'X')),
      gender_identity text,
      birth_year integer,
      registered_unit_id uuid not null,
      registered_on date not null,
      registered_by uuid,
      entry_door text,
      marital_status text,
      schooling text,
      housing text,
      occupation text,
      children_in_charge integer,
      health_coverage text,
      -- AES-256-GCM; the key is never in the database.
      phone_encrypted bytea,
      contact_consent boolean not null default false,
      notes text,
      last_seen_on date not null,
      merged_into uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (organisation_id, id),
      -- The duplicate check looks up the neighbours of a code through this index.
      unique (organisation_id, code),
      foreign key (organisation_id, registered_unit_id) references org_unit (organisation_id, id),
      foreign key (organisation_id, registered_by) references app_user (organisation_id, id),
      foreign key (organisation_id, merged_into) references beneficiary (organisation_id, id)
    );
    create index beneficiary_code_prefix_idx on beneficiary (organisation_id, code text_pattern_ops);
    create index beneficiary_code_trgm_idx on beneficiary using gin (code gin_trgm_ops);
    create index beneficiary_last_seen_idx on beneficiary (organisation_id, last_seen_on);
    create index beneficiary_merged_idx on beneficiary (organisation_id, merged_into) where merged_into is not null;

    -- Where a person is known: registered, claimed or served. A section sees her only through these rows.
    create table beneficiary_unit (
      organisation_id uuid not null,
      beneficiary_id uuid not null,
      org_unit_id uuid not null,
      since date not null,
      via text not null check (via in ('registered', 'claimed', 'served', 'merged')),
      created_at timestamptz not null default now(),
      primary key (organisation_id, beneficiary_id, org_unit_id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id)
    );
    create index beneficiary_unit_unit_idx on beneficiary_unit (organisation_id, org_unit_id);

    -- Probable duplicates: open for review, decided distinct, or merged. a_id < b_id.
    create table beneficiary_pair (
      organisation_id uuid not null,
      a_id uuid not null,
      b_id uuid not null,
      score real not null,
      reasons jsonb not null,
      status text not null check (status in ('open', 'distinct', 'merged')),
      decided_by uuid,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (organisation_id, a_id, b_id),
      check (a_id < b_id),
      foreign key (organisation_id, a_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, b_id) references beneficiary (organisation_id, id)
    );
    create index beneficiary_pair_open_idx on beneficiary_pair (organisation_id, score desc) where status = 'open';
    create index beneficiary_pair_b_idx on beneficiary_pair (organisation_id, b_id);

    create table beneficiary_merge (
      organisation_id uuid not null,
      id uuid not null,
      kept_id uuid not null,
      merged_id uuid not null,
      merged_by uuid not null,
      merged_at timestamptz not null default now(),
      -- What moved from the merged record to the kept one, to move it back exactly on undo.
      moved jsonb not null,
      undone_by uuid,
      undone_at timestamptz,
      primary key (organisation_id, id),
      foreign key (organisation_id, kept_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, merged_id) references beneficiary (organisation_id, id)
    );
    create index beneficiary_merge_kept_idx on beneficiary_merge (organisation_id, kept_id);

    create table saved_list (
      organisation_id uuid not null,
      id uuid not null,
      owner_id uuid not null,
      name text not null,
      filters jsonb not null,
      shared boolean not null default false,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, owner_id) references app_user (organisation_id, id) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table saved_list;
    drop table beneficiary_merge;
    drop table beneficiary_pair;
    drop table beneficiary_unit;
    drop table beneficiary;
    drop table organisation_setting;
  `.execute(db);
}
