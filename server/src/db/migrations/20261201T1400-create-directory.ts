import { sql, type Kysely } from 'kysely';

// The directory of actors and services (issue 14, after Open Referral HSDS 3.0). Unlike the rest
// of Relais it is shared by the organisations of the instance (a territory's network): its
// tables carry no organisation_id partition. An entry is maintained by the Relais organisation it
// describes (`relais_organisation_id`), or by the network coordinators of the territories it
// serves (`territory.coordinating_organisation_id`). Every organisation, service, location and
// contact carries when it was last verified and by whom; every change is a row of
// directory_change (HSDS `metadata`). Ids are the HSDS ids (UUIDs).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table role_assignment drop constraint role_assignment_role_check;
    alter table role_assignment add constraint role_assignment_role_check
      check (role in ('administrator', 'coordinator', 'peer_educator', 'social_worker', 'clinician', 'me_officer', 'partner', 'viewer', 'network_coordinator'));

    create table territory (
      id uuid primary key,
      code text not null unique,
      name_fr text not null,
      name_ar text,
      coordinating_organisation_id uuid references organisation (id),
      created_at timestamptz not null default now()
    );

    -- Service types: data (labels in the three languages), seeded with the network's usual ones.
    create table directory_taxonomy_term (
      code text primary key,
      label_fr text not null,
      label_ar text not null,
      label_en text not null,
      position int not null default 0
    );

    create table directory_setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table directory_organization (
      id uuid primary key,
      name text not null,
      alternate_name text,
      description text,
      email text,
      website text,
      relais_organisation_id uuid references organisation (id),
      verified_at timestamptz,
      verified_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index directory_organization_relais_idx on directory_organization (relais_organisation_id);

    create table directory_service (
      id uuid primary key,
      organization_id uuid not null references directory_organization (id),
      name text not null,
      alternate_name text,
      description text,
      service_type text not null references directory_taxonomy_term (code),
      status text not null default 'active' check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      eligible_sex text not null default 'any' check (eligible_sex in ('any', 'F', 'M')),
      minimum_age int,
      maximum_age int,
      migrants_any_status boolean not null default false,
      eligibility_description text,
      cost text not null default 'free' check (cost in ('free', 'low_cost', 'fee')),
      fees_description text,
      languages text[] not null default '{}',
      required_documents text[] not null default '{}',
      email text,
      url text,
      verified_at timestamptz,
      verified_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index directory_service_org_idx on directory_service (organization_id);
    create index directory_service_type_idx on directory_service (service_type);
    create index directory_service_updated_idx on directory_service (updated_at);

    -- HSDS service_area: the territories a service serves.
    create table directory_service_area (
      service_id uuid not null references directory_service (id) on delete cascade,
      territory_id uuid not null references territory (id),
      primary key (service_id, territory_id)
    );
    create index directory_service_area_territory_idx on directory_service_area (territory_id, service_id);

    create table directory_location (
      id uuid primary key,
      organization_id uuid not null references directory_organization (id),
      name text not null,
      location_type text not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
      address_1 text,
      city text,
      region text,
      postal_code text,
      country text,
      latitude double precision,
      longitude double precision,
      accessibility text,
      confidential boolean not null default false,
      verified_at timestamptz,
      verified_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index directory_location_org_idx on directory_location (organization_id);

    create table directory_service_at_location (
      id uuid primary key,
      service_id uuid not null references directory_service (id) on delete cascade,
      location_id uuid not null references directory_location (id),
      unique (service_id, location_id)
    );
    create index directory_sal_location_idx on directory_service_at_location (location_id);

    -- Weekly opening hours of a service at a location (HSDS schedule, freq WEEKLY).
    create table directory_schedule (
      id uuid primary key,
      service_at_location_id uuid not null references directory_service_at_location (id) on delete cascade,
      by_day text[] not null,
      opens_at time not null,
      closes_at time not null,
      valid_from date,
      valid_to date,
      description text,
      check (opens_at < closes_at)
    );
    create index directory_schedule_sal_idx on directory_schedule (service_at_location_id);

    -- Focal points. A replaced one keeps her row with its dates (valid_until): the history.
    create table directory_contact (
      id uuid primary key,
      organization_id uuid references directory_organization (id),
      service_id uuid references directory_service (id) on delete cascade,
      location_id uuid references directory_location (id),
      name text not null,
      title text,
      email text,
      valid_since date not null default current_date,
      valid_until date,
      replaced_by uuid,
      verified_at timestamptz,
      verified_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (num_nonnulls(organization_id, service_id, location_id) = 1)
    );
    create index directory_contact_service_idx on directory_contact (service_id) where service_id is not null;
    create index directory_contact_org_idx on directory_contact (organization_id) where organization_id is not null;
    create index directory_contact_location_idx on directory_contact (location_id) where location_id is not null;

    create table directory_phone (
      id uuid primary key,
      organization_id uuid references directory_organization (id) on delete cascade,
      service_id uuid references directory_service (id) on delete cascade,
      location_id uuid references directory_location (id) on delete cascade,
      contact_id uuid references directory_contact (id) on delete cascade,
      number text not null,
      phone_type text not null default 'voice',
      extension text,
      description text,
      position int not null default 0,
      check (num_nonnulls(organization_id, service_id, location_id, contact_id) = 1)
    );
    create index directory_phone_service_idx on directory_phone (service_id) where service_id is not null;
    create index directory_phone_contact_idx on directory_phone (contact_id) where contact_id is not null;
    create index directory_phone_location_idx on directory_phone (location_id) where location_id is not null;
    create index directory_phone_org_idx on directory_phone (organization_id) where organization_id is not null;

    -- HSDS metadata: one row per changed field, who and when (or one row for a creation, a verification).
    create table directory_change (
      id bigint generated always as identity primary key,
      resource text not null check (resource in ('organization', 'service', 'location', 'contact')),
      resource_id uuid not null,
      action text not null check (action in ('create', 'update', 'verify', 'replace', 'import')),
      field text,
      previous_value text,
      replacement_value text,
      changed_by text not null,
      changed_by_user uuid,
      changed_at timestamptz not null default now()
    );
    create index directory_change_resource_idx on directory_change (resource, resource_id, changed_at);

    insert into directory_taxonomy_term (code, label_fr, label_ar, label_en, position) values
      ('medical_emergency', 'Soins médicaux et urgences', 'العلاجات الطبية والمستعجلات', 'Medical care and emergency', 1),
      ('forensic_certificate', 'Certificat médico-légal', 'الشهادة الطبية الشرعية', 'Forensic medical certificate', 2),
      ('psychosocial', 'Soutien psychosocial', 'الدعم النفسي والاجتماعي', 'Psychosocial support', 3),
      ('legal_aid', 'Aide juridique', 'المساعدة القانونية', 'Legal aid', 4),
      ('police', 'Police', 'الشرطة', 'Police', 5),
      ('gendarmerie', 'Gendarmerie', 'الدرك الملكي', 'Gendarmerie', 6),
      ('justice', 'Justice (cellule de prise en charge)', 'العدالة (خلية التكفل)', 'Justice (victims unit)', 7),
      ('shelter', 'Hébergement', 'الإيواء', 'Shelter', 8),
      ('social_protection', 'Protection sociale', 'الحماية الاجتماعية', 'Social protection', 9),
      ('child_protection', 'Protection de l’enfance', 'حماية الطفولة', 'Child protection', 10),
      ('education', 'Éducation', 'التعليم', 'Education', 11),
      ('vocational_training', 'Formation professionnelle', 'التكوين المهني', 'Vocational training', 12),
      ('pharmacy', 'Pharmacie', 'الصيدلية', 'Pharmacy', 13),
      ('interpretation', 'Interprétariat', 'الترجمة الفورية', 'Interpretation', 14),
      ('un_agency', 'Agence des Nations unies', 'وكالة تابعة للأمم المتحدة', 'UN agency', 15);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table directory_change;
    drop table directory_phone;
    drop table directory_contact;
    drop table directory_schedule;
    drop table directory_service_at_location;
    drop table directory_location;
    drop table directory_service_area;
    drop table directory_service;
    drop table directory_organization;
    drop table directory_setting;
    drop table directory_taxonomy_term;
    drop table territory;
    delete from role_assignment where role = 'network_coordinator';
    alter table role_assignment drop constraint role_assignment_role_check;
    alter table role_assignment add constraint role_assignment_role_check
      check (role in ('administrator', 'coordinator', 'peer_educator', 'social_worker', 'clinician', 'me_officer', 'partner', 'viewer'));
  `.execute(db);
}
