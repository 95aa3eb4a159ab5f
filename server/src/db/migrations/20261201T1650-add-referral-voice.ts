import { sql, type Kysely } from 'kysely';

// Referrals (issue 15), second step: the person's voice and what reports need.
// - `stated_needs`: her own words, apart from the worker's `need`;
// - `service_type` (the directory's taxonomy) and `program`: what reports break referrals down by;
// - `referral_feedback`: her opinion of the service, under the sender (never the receiver's to read);
// - `referral_inbox.receiver_beneficiary_id`: the receiver's own record of her, registered from the
//   referral — under the receiving organisation, beside its inbox row (ADR 0023).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table referral
      add column stated_needs text,
      add column service_type text references directory_taxonomy_term (code),
      add column program text;
    create index referral_sent_on_idx on referral (organisation_id, sent_on);

    create table referral_feedback (
      organisation_id uuid not null,
      referral_id uuid not null,
      satisfied boolean not null,
      reasons text[] not null default '{}',
      comment text,
      given_on date not null,
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      primary key (organisation_id, referral_id),
      foreign key (organisation_id, referral_id) references referral (organisation_id, id)
    );

    alter table referral_inbox
      add column receiver_beneficiary_id uuid,
      add foreign key (organisation_id, receiver_beneficiary_id) references beneficiary (organisation_id, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table referral_inbox drop column receiver_beneficiary_id;
    drop table referral_feedback;
    drop index referral_sent_on_idx;
    alter table referral drop column stated_needs, drop column service_type, drop column program;
  `.execute(db);
}
