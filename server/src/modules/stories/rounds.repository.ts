import { sql } from 'kysely';
import { likePrefix, type Queryable } from '../../db/index.ts';

/** A selection round as stored, with its unit and who recorded it. */
export interface RoundRow {
  id: string;
  held_on: string;
  org_unit_id: string;
  org_unit_code: string;
  org_unit_name: string;
  org_unit_path: string;
  panel: string;
  period_from: string;
  period_to: string;
  feedback: string | null;
  feedback_on: string | null;
  created_by: string;
  creator_name: string;
}

export async function selectRound(db: Queryable, org: string, id: string): Promise<RoundRow | undefined> {
  const r = await sql<RoundRow>`
    select r.id, to_char(r.held_on, 'YYYY-MM-DD') as held_on, r.org_unit_id, u.code as org_unit_code, u.name as org_unit_name, u.path as org_unit_path,
      r.panel, to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to, r.feedback,
      to_char(r.feedback_on, 'YYYY-MM-DD') as feedback_on, r.created_by, coalesce(w.display_name, '?') as creator_name
    from change_round r
    join org_unit u on u.organisation_id = r.organisation_id and u.id = r.org_unit_id
    left join app_user w on w.organisation_id = r.organisation_id and w.id = r.created_by
    where r.organisation_id = ${org} and r.id = ${id}`.execute(db);
  return r.rows[0];
}

/** Inserts a round and its candidates; false when the id exists already (a retry). */
export async function insertRound(
  db: Queryable,
  org: string,
  r: { id: string; held_on: string; org_unit_id: string; panel: string; period_from: string; period_to: string; created_by: string },
  storyIds: readonly string[],
): Promise<boolean> {
  const done = await db
    .insertInto('change_round')
    .values({ organisation_id: org, ...r })
    .onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
    .executeTakeFirst();
  if (Number(done.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .insertInto('change_round_story')
    .values(storyIds.map((s) => ({ organisation_id: org, round_id: r.id, story_id: s })))
    .execute();
  return true;
}

export async function selectCandidates(db: Queryable, org: string, roundId: string) {
  return db
    .selectFrom('change_round_story')
    .select(['story_id', 'selected', 'reasons'])
    .where('organisation_id', '=', org)
    .where('round_id', '=', roundId)
    .execute();
}

/** Records the panel's choice: the chosen stories with their reasons, the others not chosen; and the feedback. */
export async function storeSelection(db: Queryable, org: string, roundId: string, choices: ReadonlyMap<string, string>, feedback: { feedback: string | null; feedback_on: string | null }): Promise<void> {
  await db.updateTable('change_round_story').set({ selected: false, reasons: null }).where('organisation_id', '=', org).where('round_id', '=', roundId).execute();
  for (const [storyId, reasons] of choices) {
    await db.updateTable('change_round_story').set({ selected: true, reasons }).where('organisation_id', '=', org).where('round_id', '=', roundId).where('story_id', '=', storyId).execute();
  }
  await db.updateTable('change_round').set(feedback).where('organisation_id', '=', org).where('id', '=', roundId).execute();
}

/**
 * The stories chosen in rounds held for a period inside [from, to], of units under a path (and a
 * program), whose storyteller consented to the donor report until `today` at least and who approved
 * an anonymised text: the donor-facing list. Only the anonymised text leaves.
 */
export async function selectDonorStories(db: Queryable, org: string, q: { from: string; to: string; unitPath: string; program: string | null; today: string }) {
  const r = await sql<{ story_id: string; round_id: string; held_on: string; domain: string; anonymised_text: string }>`
    select cs.id as story_id, r.id as round_id, to_char(r.held_on, 'YYYY-MM-DD') as held_on, cs.domain, cs.anonymised_text
    from change_round r
    join change_round_story rs on rs.organisation_id = r.organisation_id and rs.round_id = r.id and rs.selected
    join change_story cs on cs.organisation_id = rs.organisation_id and cs.id = rs.story_id
    join org_unit u on u.organisation_id = cs.organisation_id and u.id = cs.org_unit_id
    where r.organisation_id = ${org} and r.period_from >= ${q.from}::date and r.period_to <= ${q.to}::date
      and u.path like ${likePrefix(q.unitPath)}
      ${q.program ? sql`and cs.program = ${q.program}` : sql``}
      and 'donor_report' = any(cs.consent_scopes) and cs.consent_expires_on >= ${q.today}::date
      and cs.anonymised_text is not null
    order by cs.domain, r.held_on, cs.id`.execute(db);
  return r.rows;
}

/** The rounds held at units under these paths, newest first (at most 200). */
export async function selectRounds(db: Queryable, org: string, paths: readonly string[]) {
  if (!paths.length) return [];
  const r = await sql<{ id: string; held_on: string; org_unit_id: string; org_unit_code: string; org_unit_name: string; panel: string; period_from: string; period_to: string; candidates: number; chosen: number }>`
    select r.id, to_char(r.held_on, 'YYYY-MM-DD') as held_on, r.org_unit_id, u.code as org_unit_code, u.name as org_unit_name, r.panel,
      to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
      (select count(*)::int from change_round_story rs where rs.organisation_id = r.organisation_id and rs.round_id = r.id) as candidates,
      (select count(*)::int from change_round_story rs where rs.organisation_id = r.organisation_id and rs.round_id = r.id and rs.selected) as chosen
    from change_round r
    join org_unit u on u.organisation_id = r.organisation_id and u.id = r.org_unit_id
    where r.organisation_id = ${org} and (${sql.join(
      paths.map((p) => sql`u.path like ${likePrefix(p)}`),
      sql` or `,
    )})
    order by r.held_on desc, r.created_at desc limit 200`.execute(db);
  return r.rows;
}
