import { sql, type Kysely } from 'kysely';

// Where a unit is (sites, clinics, sections), for the map of a report. Optional: both or neither.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table org_unit
      add column latitude double precision,
      add column longitude double precision,
      add constraint org_unit_location_check check (
        (latitude is null) = (longitude is null)
        and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table org_unit drop constraint org_unit_location_check, drop column latitude, drop column longitude;
  `.execute(db);
}
