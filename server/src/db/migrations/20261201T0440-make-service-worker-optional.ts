import { sql, type Kysely } from 'kysely';

// A service may have no worker: paper registers and old DHIS2 exports rarely name an account that
// still exists. It is counted everywhere and shown as "intervenant non renseigné". The monthly
// roll-up keys its rows with `nulls not distinct`, so services without a worker share one row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table service_event alter column worker_id drop not null;
    alter table report_service_month alter column worker_id drop not null;
  `.execute(db);
}

// Going back refuses while services without a worker exist (they would have to be deleted or given one first).
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_service_month alter column worker_id set not null;
    alter table service_event alter column worker_id set not null;
  `.execute(db);
}
