import { sql, type Kysely } from 'kysely';

// Age bands, one set of codes (issue 12): group sessions counted anonymous attendees under
// `lt25` / `ge25`, reports, exports and DHIS2 mappings under `<25` / `>=25`. The stored counts
// take the report codes; the API still reads the old ones as input (core `legacyAgeBandCodes`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await renameAgeBands(db, ['lt25', '<25'], ['ge25', '>=25']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await renameAgeBands(db, ['<25', 'lt25'], ['>=25', 'ge25']);
}

/** Renames the two age bands of the stored anonymous counts, each `[from, to]` (the SQL as written inline when this migration landed). */
async function renameAgeBands(db: Kysely<unknown>, [fromA, toA]: [string, string], [fromB, toB]: [string, string]): Promise<void> {
  await sql`
    update group_session set anonymous = (
      select coalesce(jsonb_agg(case e->>'ageBand'
          when ${sql.lit(fromA)} then jsonb_set(e, '{ageBand}', ${sql.lit(JSON.stringify(toA))})
          when ${sql.lit(fromB)} then jsonb_set(e, '{ageBand}', ${sql.lit(JSON.stringify(toB))})
          else e end order by n), '[]'::jsonb)
      from jsonb_array_elements(anonymous) with ordinality as a(e, n))
    where anonymous::text like ${sql.lit(`%"${fromA}"%`)} or anonymous::text like ${sql.lit(`%"${fromB}"%`)};
  `.execute(db);
}
