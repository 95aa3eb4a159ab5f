import { sql, type Kysely } from 'kysely';

// Probable-duplicate pairs are a review queue derived from the registry: a large import writes
// millions of them (8 a person with a two-letter code scheme), and checking two foreign keys a
// row was 40 % of that (measured on PGlite: 800,000 pairs in 40 s with them, 25 s without).
// Registry records are never deleted (a merge keeps both), and the queue joins both records,
// so a pair can neither point nowhere nor be shown if it did. See ADR 0016.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table beneficiary_pair drop constraint if exists beneficiary_pair_organisation_id_a_id_fkey;
    alter table beneficiary_pair drop constraint if exists beneficiary_pair_organisation_id_b_id_fkey;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table beneficiary_pair add foreign key (organisation_id, a_id) references beneficiary (organisation_id, id);
    alter table beneficiary_pair add foreign key (organisation_id, b_id) references beneficiary (organisation_id, id);
  `.execute(db);
}
