import { sql } from 'kysely';
import { cappedTotal, type Queryable } from '../../db/index.ts';
import type { PersonLink } from './person-links.ts';
import { knownUnder } from './registry.repository.ts';

const summaryColumns = ['b.id', 'b.code', 'b.populations', 'b.sex', 'b.birth_year', 'b.registered_on', 'b.registered_unit_id', 'b.registered_by', 'b.last_seen_on'] as const;

/** Open pairs of active records both known under `paths`, likeliest first, a page of them and their count. */
export async function selectOpenPairs(db: Queryable, organisationId: string, paths: readonly string[], page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('beneficiary_pair as p')
    .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 'p.organisation_id').onRef('b.id', '=', 'p.a_id'))
    .innerJoin('beneficiary as c', (j) => j.onRef('c.organisation_id', '=', 'p.organisation_id').onRef('c.id', '=', 'p.b_id'))
    .where('p.organisation_id', '=', organisationId)
    .where('p.status', '=', 'open')
    .where('b.merged_into', 'is', null)
    .where('c.merged_into', 'is', null)
    .where(knownUnder(paths, 'b'))
    .where(knownUnder(paths, 'c'));
  const [rows, count] = await Promise.all([
    base.select(['p.a_id', 'p.b_id', 'p.score', 'p.reasons']).orderBy('p.score', 'desc').orderBy('p.created_at').orderBy('p.a_id').orderBy('p.b_id').limit(page.limit).offset(page.offset).execute(),
    cappedTotal(db, base, page.offset),
  ]);
  return { rows, count };
}

/** The records a list of pairs names, with what a summary shows. */
export async function selectSummaryRows(db: Queryable, organisationId: string, ids: readonly string[]) {
  return ids.length ? db.selectFrom('beneficiary as b').select(summaryColumns).where('b.organisation_id', '=', organisationId).where('b.id', 'in', ids).execute() : [];
}

/** Moves a person-linked table's rows from one record to another; the ids of those moved. */
export async function moveLinkedRows(trx: Queryable, organisationId: string, link: PersonLink, fromId: string, toId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    update ${sql.table(link.table)} set ${sql.ref(link.personColumn)} = ${toId}
    where organisation_id = ${organisationId} and ${sql.ref(link.personColumn)} = ${fromId} returning id`.execute(trx);
  return rows.rows.map((r) => r.id);
}

/** Moves back these rows of a person-linked table (an undone merge). */
export async function moveLinkedRowsBack(trx: Queryable, organisationId: string, link: PersonLink, fromId: string, toId: string, ids: readonly string[]): Promise<void> {
  await sql`
    update ${sql.table(link.table)} set ${sql.ref(link.personColumn)} = ${toId}
    where organisation_id = ${organisationId} and ${sql.ref(link.personColumn)} = ${fromId} and id = any(${sql.val(ids)}::uuid[])`.execute(trx);
}

/** The merged record now points at the kept one, which keeps the later of their last-seen days. */
export async function markMerged(trx: Queryable, organisationId: string, keptId: string, merged: { id: string; last_seen_on: string | null }): Promise<void> {
  await trx.updateTable('beneficiary').set({ merged_into: keptId, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', merged.id).execute();
  await trx
    .updateTable('beneficiary')
    .set({ last_seen_on: sql`greatest(last_seen_on, ${merged.last_seen_on}::date)`, updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', keptId)
    .execute();
}

/** Records a merge and what it moved. */
export async function insertMerge(trx: Queryable, row: { organisation_id: string; id: string; kept_id: string; merged_id: string; merged_by: string; moved: unknown }): Promise<void> {
  await trx.insertInto('beneficiary_merge').values({ ...row, moved: JSON.stringify(row.moved) }).execute();
}

/** One merge of the organisation. */
export function findMerge(db: Queryable, organisationId: string, id: string) {
  return db.selectFrom('beneficiary_merge').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Undoes a merge's rows: the units the merge added to the kept record go, the merged record stands again, the merge says it was undone. */
export async function markUnmerged(trx: Queryable, organisationId: string, merge: { id: string; kept_id: string; merged_id: string }, addedUnits: readonly string[], by: string): Promise<void> {
  if (addedUnits.length) {
    await trx
      .deleteFrom('beneficiary_unit')
      .where('organisation_id', '=', organisationId)
      .where('beneficiary_id', '=', merge.kept_id)
      .where('org_unit_id', 'in', addedUnits)
      .where('via', '=', 'merged')
      .execute();
  }
  await trx.updateTable('beneficiary').set({ merged_into: null, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', merge.merged_id).execute();
  await trx.updateTable('beneficiary_merge').set({ undone_by: by, undone_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', merge.id).execute();
}

/** Merges whose kept record is known under `paths` (of one person when given), newest first, at most 200. */
export function selectMerges(db: Queryable, organisationId: string, paths: readonly string[], beneficiaryId?: string) {
  let q = db
    .selectFrom('beneficiary_merge as m')
    .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 'm.organisation_id').onRef('b.id', '=', 'm.kept_id'))
    .innerJoin('beneficiary as g', (j) => j.onRef('g.organisation_id', '=', 'm.organisation_id').onRef('g.id', '=', 'm.merged_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.organisation_id', '=', 'm.organisation_id').onRef('u.id', '=', 'm.merged_by'))
    .select(['m.id', 'm.kept_id', 'b.code as kept_code', 'm.merged_id', 'g.code as merged_code', 'm.merged_at', 'u.display_name', 'm.undone_at'])
    .where('m.organisation_id', '=', organisationId)
    .where(knownUnder(paths));
  if (beneficiaryId) q = q.where((eb) => eb.or([eb('m.kept_id', '=', beneficiaryId), eb('m.merged_id', '=', beneficiaryId)]));
  return q.orderBy('m.merged_at', 'desc').limit(200).execute();
}
