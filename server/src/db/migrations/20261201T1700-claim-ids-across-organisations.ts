import { sql, type Kysely } from 'kysely';

/**
 * The tables whose rows may take an id chosen by the client (creates idempotent on that id,
 * the sync push, imports). Their primary keys are (organisation_id, id): alone, another
 * organisation could create a record with an id already taken (issue 18).
 */
export const CLAIMED_TABLES = [
  'org_unit', 'app_user', 'role_assignment',
  'beneficiary', 'saved_list', 'group_session', 'service_event',
  'case_file', 'case_action', 'case_appointment', 'case_note', 'change_story', 'change_round',
  'trainee', 'training', 'disclosure', 'consent', 'referral',
] as const;

// Client-chosen ids unique across the instance: `claimed_id` holds each id once with the
// organisation that took it first; a trigger before every insert into those tables claims the
// id, and an id claimed by another organisation fails the insert with SQLSTATE RL409, answered
// `409 id_conflict` (server/src/db/index.ts `isIdConflict`). A replay in the same organisation
// still meets its own claim and stays idempotent. The claim is taken under the id's unique
// index, so two organisations racing on one id cannot both win. `claimed_id` is derived from
// the tables: not backed up, refilled by the triggers as a backup is restored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table claimed_id (
      id uuid primary key,
      organisation_id uuid not null
    );
    create function relais_claim_id() returns trigger language plpgsql as $$
    declare
      owner uuid;
    begin
      insert into claimed_id (id, organisation_id) values (new.id, new.organisation_id) on conflict (id) do nothing;
      if not found then
        select c.organisation_id into owner from claimed_id c where c.id = new.id;
        if owner is distinct from new.organisation_id then
          raise exception 'id % is taken by another organisation', new.id using errcode = 'RL409';
        end if;
      end if;
      return new;
    end $$;
  `.execute(db);
  for (const table of CLAIMED_TABLES) {
    // Ids taken before this migration: the first organisation (by creation) keeps each.
    await sql`insert into claimed_id (id, organisation_id) select id, organisation_id from ${sql.table(table)} on conflict (id) do nothing`.execute(db);
    await sql`create trigger ${sql.id(`${table}_claim_id`)} before insert on ${sql.table(table)} for each row execute function relais_claim_id()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of CLAIMED_TABLES) await sql`drop trigger ${sql.id(`${table}_claim_id`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function relais_claim_id(); drop table claimed_id;`.execute(db);
}
