import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** SQL of a case's care plan: its actions, appointments and sealed notes. */

export async function selectActions(db: Queryable, org: string, caseId: string) {
  return db
    .selectFrom('case_action as a')
    .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 'a.organisation_id').onRef('w.id', '=', 'a.assignee_id'))
    .select(['a.id', 'a.what', 'a.assignee_id', 'w.display_name as assignee_name', sql<string | null>`to_char(a.due_on, 'YYYY-MM-DD')`.as('due_on'), 'a.status', sql<string | null>`to_char(a.done_on, 'YYYY-MM-DD')`.as('done_on')])
    .where('a.organisation_id', '=', org)
    .where('a.case_id', '=', caseId)
    .orderBy(sql`a.due_on nulls last`)
    .orderBy('a.created_at')
    .execute();
}

export async function insertAction(db: Queryable, org: string, a: { id: string; case_id: string; what: string; assignee_id: string | null; due_on: string | null; status: string; done_on: string | null; created_by: string }): Promise<boolean> {
  const r = await db.insertInto('case_action').values({ organisation_id: org, ...a }).onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findAction(db: Queryable, org: string, id: string) {
  return db.selectFrom('case_action').select(['id', 'case_id', 'status']).where('organisation_id', '=', org).where('id', '=', id).executeTakeFirst();
}

export async function updateAction(db: Queryable, org: string, id: string, p: { what?: string; assignee_id?: string | null; due_on?: string | null; status?: string; done_on?: string | null }): Promise<void> {
  await db.updateTable('case_action').set({ ...p, updated_at: sql`now()` }).where('organisation_id', '=', org).where('id', '=', id).execute();
}

export async function selectAppointments(db: Queryable, org: string, caseId: string) {
  return db
    .selectFrom('case_appointment')
    .select(['id', sql<string>`to_char(at, 'YYYY-MM-DD"T"HH24:MI')`.as('at'), 'purpose', 'status'])
    .where('organisation_id', '=', org)
    .where('case_id', '=', caseId)
    .orderBy('at')
    .execute();
}

export async function insertAppointment(db: Queryable, org: string, a: { id: string; case_id: string; at: string; purpose: string; status: string; created_by: string }): Promise<boolean> {
  const r = await db.insertInto('case_appointment').values({ organisation_id: org, ...a }).onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findAppointment(db: Queryable, org: string, id: string) {
  return db.selectFrom('case_appointment').select(['id', 'case_id']).where('organisation_id', '=', org).where('id', '=', id).executeTakeFirst();
}

export async function updateAppointment(db: Queryable, org: string, id: string, p: { at?: string; purpose?: string; status?: string }): Promise<void> {
  await db.updateTable('case_appointment').set({ ...p, updated_at: sql`now()` }).where('organisation_id', '=', org).where('id', '=', id).execute();
}

export async function selectNotes(db: Queryable, org: string, caseId: string) {
  return db
    .selectFrom('case_note as n')
    .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 'n.organisation_id').onRef('w.id', '=', 'n.author_id'))
    .select(['n.id', 'n.body_encrypted', 'n.author_id', 'w.display_name', 'n.created_at'])
    .where('n.organisation_id', '=', org)
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at', 'desc')
    .execute();
}

export async function insertNote(db: Queryable, org: string, n: { id: string; case_id: string; body_encrypted: Buffer; author_id: string }): Promise<boolean> {
  const r = await db.insertInto('case_note').values({ organisation_id: org, ...n }).onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
