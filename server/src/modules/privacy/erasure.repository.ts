import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** The person's record and the records merged into it (each holds a code of hers), with their codes. */
export async function selectPersonRecords(db: Queryable, org: string, id: string): Promise<Array<{ id: string; code: string; erased_at: Date | null }>> {
  const r = await sql<{ id: string; code: string; erased_at: Date | null }>`
    with recursive m(id) as (
      select id from beneficiary where organisation_id = ${org} and id = ${id}
      union
      select b.id from beneficiary b join m on b.merged_into = m.id where b.organisation_id = ${org}
    )
    select b.id, b.code, b.erased_at from beneficiary b join m on m.id = b.id where b.organisation_id = ${org}`.execute(db);
  return r.rows;
}

/**
 * Erases a record's identifying data: a random code, no phone, notes, gender identity, children in
 * charge or health coverage. Kept: the id, units and dates, and the coded values past reports break
 * down by (sex, birth year, populations, marital status, schooling, housing, occupation: ADR 0026).
 */
export async function eraseRecord(db: Queryable, org: string, id: string, pseudonym: string): Promise<void> {
  await sql`update beneficiary set code = ${pseudonym}, gender_identity = null, children_in_charge = null, health_coverage = null,
      phone_encrypted = null, contact_consent = false, notes = null,
      erased_at = coalesce(erased_at, now()), updated_at = now()
    where organisation_id = ${org} and id = ${id}`.execute(db);
}

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/**
 * Removes what names or describes her around the record (free texts of her services, cases,
 * referrals, disclosures and OST episodes; her stories; duplicate pairs; case notes; voice notes), keeping every row a
 * report counts. The numbers of what was changed, for the audit line.
 */
export async function scrubAround(db: Queryable, org: string, ids: readonly string[]) {
  const any = sql`any(${ids}::uuid[])`;
  await sql`update service_event set note = null where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db);
  const totalServices = Number((await sql<{ c: number }>`select count(*)::int as c from service_event where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db)).rows[0]?.c ?? 0);
  await sql`delete from beneficiary_pair where organisation_id = ${org} and (a_id = ${any} or b_id = ${any})`.execute(db);
  const cases = sql`(select id from case_file where organisation_id = ${org} and beneficiary_id = ${any})`;
  const caseNotes = n(await sql`delete from case_note where organisation_id = ${org} and case_id in ${cases}`.execute(db));
  await sql`update case_status_change set note = null where organisation_id = ${org} and case_id in ${cases}`.execute(db);
  await sql`update case_action set what = '—' where organisation_id = ${org} and case_id in ${cases}`.execute(db);
  await sql`update case_appointment set purpose = '—' where organisation_id = ${org} and case_id in ${cases}`.execute(db);
  const caseCount = n(await sql`update case_file set incident_place = null, updated_at = now() where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  const storyIds = sql`(select id from change_story where organisation_id = ${org} and beneficiary_id = ${any})`;
  await sql`delete from change_round_story where organisation_id = ${org} and story_id in ${storyIds}`.execute(db);
  const stories = n(await sql`delete from change_story where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  await sql`update ost_episode set end_note = null where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db);
  await sql`update insertion_step set note = null, updated_at = now() where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db);
  const disclosures = n(await sql`update disclosure set note_encrypted = null where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  // Her voice notes go with their audio (ADR 0035): her own voice, and no report counts them.
  const voiceNotes = n(await sql`delete from voice_note where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  return { services: totalServices, cases: caseCount, caseNotes, stories, disclosures, voiceNotes };
}

/**
 * Closes her consents (withdrawn now, the witness's name gone) and her referrals: those still
 * open are withdrawn (a stamped step), every free text is cleared, the receiver's link to its own
 * record is cut. Kept: the rows, steps, dates and feedback that referral statistics count.
 */
export async function closeSharing(db: Queryable, org: string, ids: readonly string[], by: string): Promise<{ consents: number; referrals: number }> {
  const any = sql`any(${ids}::uuid[])`;
  const consents = n(await sql`update consent set withdrawn_at = coalesce(withdrawn_at, now()), withdrawn_by = coalesce(withdrawn_by, ${by}::uuid), witness = null
    where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  const open = await sql<{ id: string }>`update referral set status = 'withdrawn' where organisation_id = ${org} and beneficiary_id = ${any} and status in ('sent', 'accepted') returning id`.execute(db);
  for (const r of open.rows) {
    await sql`insert into referral_step (organisation_id, referral_id, n, status, by_user, by_organisation_id, reason)
      values (${org}, ${r.id}, (select coalesce(max(n), 0) + 1 from referral_step where organisation_id = ${org} and referral_id = ${r.id}), 'withdrawn', ${by}, ${org}, null)`.execute(db);
  }
  const referrals = sql`(select id from referral where organisation_id = ${org} and beneficiary_id = ${any})`;
  await sql`update referral_step set reason = null where organisation_id = ${org} and referral_id in ${referrals}`.execute(db);
  await sql`update referral_feedback set comment = null where organisation_id = ${org} and referral_id in ${referrals}`.execute(db);
  await sql`update referral_inbox set receiver_beneficiary_id = null where sender_organisation_id = ${org} and referral_id in ${referrals}`.execute(db);
  const count = n(await sql`update referral set note = null, stated_needs = null, interpretation = null, decline_reason = null, delivery_note = null,
      need = '—', override_reason = case when override_reason is null then null else '—' end
    where organisation_id = ${org} and beneficiary_id = ${any}`.execute(db));
  return { consents, referrals: count };
}

/** Her old codes out of the organisation's audit details and replayed sync answers (replaced by the pseudonym). */
export async function replaceCodes(db: Queryable, org: string, codes: ReadonlyArray<{ from: string; to: string }>): Promise<void> {
  await allowAuditMaintenance(db);
  for (const c of codes) {
    const from = JSON.stringify(c.from);
    const to = JSON.stringify(c.to);
    await sql`update audit_event set details = replace(details::text, ${from}, ${to})::jsonb
      where organisation_id = ${org} and strpos(details::text, ${from}) > 0`.execute(db);
    await sql`update applied_operation set result = replace(result::text, ${from}, ${to})::jsonb
      where organisation_id = ${org} and strpos(result::text, ${from}) > 0`.execute(db);
  }
}

/** Lets this transaction change the audit log (the migration 20261201T2300's guard; ADR 0026). */
export async function allowAuditMaintenance(db: Queryable): Promise<void> {
  await sql`select set_config('relais.audit_maintenance', 'on', true)`.execute(db);
}
