import { sql, type Kysely } from 'kysely';

// A section's services newest first (GET /services?orgUnitId=…&limit=50): the page is read in
// index order and counted from the index, without sorting the section's services or joining them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index service_event_unit_recent_idx on service_event (organisation_id, org_unit_id, service_date desc, created_at desc, id) where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index service_event_unit_recent_idx;`.execute(db);
}
