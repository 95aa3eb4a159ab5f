import { sql, type Kysely } from 'kysely';

// Consent and referrals between organisations (issue 15, ADR 0023). A consent and a referral
// belong to the sending organisation (the record's owner, their distribution key); the receiver
// finds its inbox through `referral_inbox`, a row per referral under the receiving organisation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      beneficiary_id uuid not null,
      granted_by text not null check (granted_by in ('person', 'guardian', 'witnessed')),
      witness text,
      given_on date not null,
      expires_on date not null,
      to_organisations uuid[] not null default '{}',
      to_services uuid[] not null default '{}',
      purposes text[] not null,
      fields text[] not null,
      withdrawn_at timestamptz,
      withdrawn_by uuid,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (organisation_id, id),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      check (expires_on >= given_on)
    );
    create index consent_person_idx on consent (organisation_id, beneficiary_id);

    create table referral (
      organisation_id uuid not null references organisation (id),
      id uuid not null,
      reference text not null,
      beneficiary_id uuid not null,
      case_id uuid,
      org_unit_id uuid not null,
      to_organisation_id uuid references organisation (id),
      to_service_id uuid references directory_service (id),
      consent_id uuid,
      override_reason text,
      need text not null,
      urgency text not null check (urgency in ('normal', 'urgent', 'emergency')),
      accompanied boolean not null default false,
      interpretation text,
      note text,
      status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'delivered', 'not_delivered', 'closed', 'withdrawn')),
      sent_on date not null,
      sent_by uuid not null,
      sent_at timestamptz not null default now(),
      decline_reason text,
      delivered_on date,
      delivery_note text,
      not_delivered_reason text,
      primary key (organisation_id, id),
      unique (organisation_id, reference),
      foreign key (organisation_id, beneficiary_id) references beneficiary (organisation_id, id),
      foreign key (organisation_id, case_id) references case_file (organisation_id, id),
      foreign key (organisation_id, consent_id) references consent (organisation_id, id),
      foreign key (organisation_id, org_unit_id) references org_unit (organisation_id, id),
      check ((to_organisation_id is null) <> (to_service_id is null)),
      check (consent_id is not null or override_reason is not null)
    );
    create index referral_person_idx on referral (organisation_id, beneficiary_id);
    create index referral_sent_idx on referral (organisation_id, sent_at);

    -- The receiver's inbox: a row under the receiving organisation (its own distribution key).
    create table referral_inbox (
      organisation_id uuid not null references organisation (id),
      sender_organisation_id uuid not null,
      referral_id uuid not null,
      received_at timestamptz not null default now(),
      primary key (organisation_id, sender_organisation_id, referral_id),
      foreign key (sender_organisation_id, referral_id) references referral (organisation_id, id)
    );
    create index referral_inbox_time_idx on referral_inbox (organisation_id, received_at);

    -- Every transition, stamped (who, which organisation, when, why).
    create table referral_step (
      organisation_id uuid not null,
      referral_id uuid not null,
      n int not null,
      status text not null,
      by_user uuid not null,
      by_organisation_id uuid not null,
      at timestamptz not null default now(),
      reason text,
      primary key (organisation_id, referral_id, n),
      foreign key (organisation_id, referral_id) references referral (organisation_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table referral_step; drop table referral_inbox; drop table referral; drop table consent;`.execute(db);
}
