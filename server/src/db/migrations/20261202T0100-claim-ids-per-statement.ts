import { sql, type Kysely } from 'kysely';
import { CLAIMED_TABLES } from './20261201T1700-claim-ids-across-organisations.ts';

// The claim of client-chosen ids (migration 20261201T1700) once a statement instead of once a row
// (ADR 0032): an import writes 100,000 records in twenty statements, and a PL/pgSQL call and an
// insert a row cost about a third of writing them. The statement's new rows (its transition table,
// only the rows really inserted) claim their ids in one insert; the ids it could not claim — a
// replay in the same organisation, or an id another organisation holds — are then looked at in a
// second statement, whose fresh snapshot sees a claim committed meanwhile by a racing organisation
// (the first statement waited on the id's unique index for it). Same answer as before: SQLSTATE
// RL409, `409 id_conflict`; a replay in the same organisation stays idempotent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function relais_claim_ids() returns trigger language plpgsql as $$
    declare
      unclaimed uuid[];
      taken uuid;
    begin
      with claimed as (
        insert into claimed_id (id, organisation_id) select n.id, n.organisation_id from claimed_new n
        on conflict (id) do nothing returning id
      )
      select array_agg(n.id) into unclaimed from claimed_new n where n.id not in (select id from claimed);
      if unclaimed is not null then
        select n.id into taken from claimed_new n join claimed_id c on c.id = n.id
        where c.id = any(unclaimed) and c.organisation_id <> n.organisation_id limit 1;
        if found then
          raise exception 'id % is taken by another organisation', taken using errcode = 'RL409';
        end if;
      end if;
      return null;
    end $$;
  `.execute(db);
  for (const table of CLAIMED_TABLES) {
    await sql`drop trigger ${sql.id(`${table}_claim_id`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_claim_ids`)} after insert on ${sql.table(table)}
      referencing new table as claimed_new for each statement execute function relais_claim_ids()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of CLAIMED_TABLES) {
    await sql`drop trigger ${sql.id(`${table}_claim_ids`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_claim_id`)} before insert on ${sql.table(table)} for each row execute function relais_claim_id()`.execute(db);
  }
  await sql`drop function relais_claim_ids()`.execute(db);
}
