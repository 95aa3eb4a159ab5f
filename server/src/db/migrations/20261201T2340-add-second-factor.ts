import { sql, type Kysely } from 'kysely';

// An optional second factor (TOTP, issue 18): each user's secret sealed at rest with the instance
// key, when she turned it on, and the last time step used (a code is accepted once). A session
// opened by an administrator whom her organisation requires to use a second factor and who has
// none yet is `restricted`: it may only set one up (ADR 0031).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table app_user add column totp_secret bytea;
    alter table app_user add column totp_enabled_at timestamptz;
    alter table app_user add column totp_last_step bigint;
    alter table session add column restricted text check (restricted in ('totp_setup'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table session drop column restricted;
    alter table app_user drop column totp_last_step;
    alter table app_user drop column totp_enabled_at;
    alter table app_user drop column totp_secret;
  `.execute(db);
}
