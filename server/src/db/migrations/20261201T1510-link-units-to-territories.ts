import { sql, type Kysely } from 'kysely';

// Where a case is, in the network's terms (issue 14, "next steps in the circuit"): an org unit may
// name the directory's territory it works in; a unit without one is in its nearest ancestor's.
// The territory is the instance's (no organisation), so the reference crosses organisations on
// purpose; a territory in use by a unit cannot be deleted (none is deleted today).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table org_unit add column territory_id uuid null references territory (id);
    create index org_unit_territory_idx on org_unit (territory_id) where territory_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table org_unit drop column territory_id;`.execute(db);
}
