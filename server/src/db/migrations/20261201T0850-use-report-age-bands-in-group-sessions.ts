import { sql, type Kysely } from 'kysely';

// Age bands, one set of codes (issue 12): group sessions counted anonymous attendees under
// `lt25` / `ge25`, reports, exports and DHIS2 mappings under `<25` / `>=25`. The stored counts
// take the report codes; the API still reads the old ones as input (core `legacyAgeBandCodes`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update group_session set anonymous = (
      select coalesce(jsonb_agg(case e->>'ageBand'
          when 'lt25' then jsonb_set(e, '{ageBand}', '"<25"')
          when 'ge25' then jsonb_set(e, '{ageBand}', '">=25"')
          else e end order by n), '[]'::jsonb)
      from jsonb_array_elements(anonymous) with ordinality as a(e, n))
    where anonymous::text like '%"lt25"%' or anonymous::text like '%"ge25"%';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update group_session set anonymous = (
      select coalesce(jsonb_agg(case e->>'ageBand'
          when '<25' then jsonb_set(e, '{ageBand}', '"lt25"')
          when '>=25' then jsonb_set(e, '{ageBand}', '"ge25"')
          else e end order by n), '[]'::jsonb)
      from jsonb_array_elements(anonymous) with ordinality as a(e, n))
    where anonymous::text like '%"<25"%' or anonymous::text like '%">=25"%';
  `.execute(db);
}
