import { sql, type Kysely } from 'kysely';

// The trigram index on the code served no query: the search for similar codes filters on
// `similarity(code, …) >= 0.3`, which no index serves. The planner chose it, though, for the
// exact-code lookups (`code = any(…)`: the code check's neighbours, imports) right after a bulk
// insert, when its pending list held every new code: a code check took 1 s on PostgreSQL until
// autovacuum flushed it (measured with 20,000 persons, ADR 0015). The unique (organisation, code)
// btree serves those lookups in a few milliseconds; inserts no longer maintain a GIN index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists beneficiary_code_trgm_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index beneficiary_code_trgm_idx on beneficiary using gin (code gin_trgm_ops)`.execute(db);
}
