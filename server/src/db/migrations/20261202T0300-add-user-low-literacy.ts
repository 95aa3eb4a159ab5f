import { sql, type Kysely } from 'kysely';

// The low-literacy mode (issue 16, ADR 0042): a preference of each user, hers to change, kept on
// the server so that it follows her from one phone to another (before, ADR 0034 kept it per device).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column low_literacy boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user drop column low_literacy`.execute(db);
}
