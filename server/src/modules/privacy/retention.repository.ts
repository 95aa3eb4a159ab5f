import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import { allowAuditMaintenance } from './erasure.repository.ts';

/** The retention job's SQL (ADR 0026): each step clears what is past its cutoff date and says how many rows it changed. */

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/** Contact phones of persons not seen since the cutoff. */
export async function clearPhones(db: Queryable, org: string, cutoff: string): Promise<number> {
  return n(await sql`update beneficiary set phone_encrypted = null, contact_consent = false
    where organisation_id = ${org} and phone_encrypted is not null and last_seen_on < ${cutoff}::date`.execute(db));
}

/** Free notes: of persons not seen since the cutoff, and of services given before it. */
export async function clearNotes(db: Queryable, org: string, cutoff: string): Promise<number> {
  const persons = n(await sql`update beneficiary set notes = null where organisation_id = ${org} and notes is not null and last_seen_on < ${cutoff}::date`.execute(db));
  const services = n(await sql`update service_event set note = null where organisation_id = ${org} and note is not null and service_date < ${cutoff}::date`.execute(db));
  return persons + services;
}

/** Voice notes of contacts before the cutoff, deleted with their audio (ADR 0035): no report counts them. */
export async function deleteVoiceNotes(db: Queryable, org: string, cutoff: string): Promise<number> {
  return n(await sql`delete from voice_note where organisation_id = ${org} and contact_date < ${cutoff}::date`.execute(db));
}

/**
 * Cases closed before the cutoff, anonymised: their notes deleted, the incident place, status
 * notes, actions' and appointments' texts cleared. What case reports count (dates, program, unit,
 * status, typology) stays. The number of cases that had something cleared.
 */
export async function anonymiseClosedCases(db: Queryable, org: string, cutoff: string): Promise<number> {
  const closed = sql`(select id from case_file where organisation_id = ${org} and status = 'closed' and closed_on < ${cutoff}::date)`;
  const touched = new Set<string>();
  const add = (rows: Array<{ id: string }>) => rows.forEach((r) => touched.add(r.id));
  add((await sql<{ id: string }>`delete from case_note where organisation_id = ${org} and case_id in ${closed} returning case_id as id`.execute(db)).rows);
  add((await sql<{ id: string }>`update case_status_change set note = null where organisation_id = ${org} and note is not null and case_id in ${closed} returning case_id as id`.execute(db)).rows);
  add((await sql<{ id: string }>`update case_action set what = '—' where organisation_id = ${org} and what <> '—' and case_id in ${closed} returning case_id as id`.execute(db)).rows);
  add((await sql<{ id: string }>`update case_appointment set purpose = '—' where organisation_id = ${org} and purpose <> '—' and case_id in ${closed} returning case_id as id`.execute(db)).rows);
  add((await sql<{ id: string }>`update case_file set incident_place = null where organisation_id = ${org} and incident_place is not null and id in ${closed} returning id`.execute(db)).rows);
  return touched.size;
}

/** Audit events older than the cutoff, deleted (the one step allowed to, ADR 0026). */
export async function deleteAuditEvents(db: Queryable, org: string, cutoff: string): Promise<number> {
  await allowAuditMaintenance(db);
  return n(await sql`delete from audit_event where organisation_id = ${org} and at < ${cutoff}::date`.execute(db));
}

/** Every organisation of the instance (the daily job runs for each). */
export async function organisationIds(db: Queryable): Promise<string[]> {
  return (await sql<{ id: string }>`select id from organisation order by id`.execute(db)).rows.map((r) => r.id);
}
