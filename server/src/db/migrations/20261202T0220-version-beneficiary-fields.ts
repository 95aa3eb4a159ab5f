import { sql, type Kysely } from 'kysely';

/**
 * Versioned edits (ADR 0036): a person's record carries a `version`, one more at each change of
 * one of its fields, and `field_versions`, per field (named as the API names it), the version that
 * last changed it, when, and by whom (the transaction's `relais.actor`, set by the registry's
 * update; null for other writes: a merge, an erasure, the retention). A trigger keeps both, so
 * that every path that changes a field counts, not only the API's update. `updated_at` alone (a
 * new unit, a service moving `last_seen_on`) is no change of the record's fields.
 */
const versionedFields: ReadonlyArray<[column: string, field: string]> = [
  ['code', 'code'],
  ['populations', 'populations'],
  ['sex', 'sex'],
  ['gender_identity', 'genderIdentity'],
  ['birth_year', 'birthYear'],
  ['entry_door', 'entryDoor'],
  ['marital_status', 'profile.maritalStatus'],
  ['schooling', 'profile.schooling'],
  ['housing', 'profile.housing'],
  ['occupation', 'profile.occupation'],
  ['children_in_charge', 'profile.childrenInCharge'],
  ['health_coverage', 'profile.healthCoverage'],
  ['phone_encrypted', 'phone'],
  ['contact_consent', 'contactConsent'],
  ['notes', 'notes'],
  ['merged_into', 'mergedInto'],
  ['erased_at', 'erasedAt'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const checks = versionedFields.map(([column, field]) => `if new.${column} is distinct from old.${column} then changed := changed || '${field}'::text; end if;`).join('\n      ');
  await sql`
    alter table beneficiary add column version integer not null default 1, add column field_versions jsonb not null default '{}'::jsonb;
    create function relais_version_beneficiary() returns trigger language plpgsql as $$
    declare changed text[] := '{}';
    begin
      ${sql.raw(checks)}
      if cardinality(changed) > 0 then
        new.version := old.version + 1;
        new.field_versions := old.field_versions || (
          select jsonb_object_agg(f, jsonb_build_object('v', old.version + 1, 'at', now(), 'by', nullif(current_setting('relais.actor', true), '')))
          from unnest(changed) as f);
      end if;
      return new;
    end $$;
    create trigger beneficiary_version before update on beneficiary for each row execute function relais_version_beneficiary();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger beneficiary_version on beneficiary;
    drop function relais_version_beneficiary();
    alter table beneficiary drop column field_versions, drop column version;
  `.execute(db);
}
