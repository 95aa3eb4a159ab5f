import { sql, type Kysely } from 'kysely';

// The coordinators' review queue (GET /duplicates) reads open pairs likeliest first, oldest first
// among equals, then by ids so that paging is stable. The former index held the score alone: after
// an import, tens of thousands of pairs share a score and were all joined and sorted for a page of
// 20 (5 s on PGlite with 800,000 pairs). This index holds the whole order.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index beneficiary_pair_review_idx on beneficiary_pair (organisation_id, score desc, created_at, a_id, b_id) where status = 'open';
    drop index beneficiary_pair_open_idx;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index beneficiary_pair_open_idx on beneficiary_pair (organisation_id, score desc) where status = 'open';
    drop index beneficiary_pair_review_idx;
  `.execute(db);
}
