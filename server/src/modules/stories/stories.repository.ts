import { sql, type RawBuilder } from 'kysely';
import { likePrefix, type Queryable } from '../../db/index.ts';

/** A story as stored (texts still sealed), with what a list shows of its person, unit and collector. */
export interface StoryRow {
  id: string;
  beneficiary_id: string;
  beneficiary_code: string;
  case_id: string | null;
  program: string;
  org_unit_id: string;
  org_unit_code: string;
  org_unit_name: string;
  org_unit_path: string;
  collected_by: string;
  collector_name: string;
  collected_on: string;
  events_from: string | null;
  events_to: string | null;
  domain: string;
  consent_scopes: string[];
  consent_expires_on: string | null;
  anonymised_text: string | null;
}

/** Who reads which stories: the collector, and the subtrees (with their programs) where the reader holds `case.read`. */
export interface StoryReader {
  userId: string;
  places: Array<{ path: string; programs: string[] | null }>;
}

/** The one SQL form of `storiesPolicy.read`. */
function readableBy(reader: StoryReader): RawBuilder<boolean> {
  const own = sql<boolean>`cs.collected_by = ${reader.userId}`;
  const places = reader.places.map((p) =>
    p.programs === null ? sql`u.path like ${likePrefix(p.path)}` : sql`(u.path like ${likePrefix(p.path)} and cs.program in (${sql.join(p.programs.length ? p.programs : [''])}))`,
  );
  return places.length ? sql<boolean>`(${own} or ${sql.join(places, sql` or `)})` : own;
}

function storySelect(org: string, extra: RawBuilder<unknown>): RawBuilder<StoryRow> {
  return sql<StoryRow>`
    select cs.id, cs.beneficiary_id, b.code as beneficiary_code, cs.case_id, coalesce(cs.program, '') as program, cs.org_unit_id,
      u.code as org_unit_code, u.name as org_unit_name, u.path as org_unit_path, cs.collected_by, coalesce(w.display_name, '?') as collector_name,
      to_char(cs.collected_on, 'YYYY-MM-DD') as collected_on, to_char(cs.events_from, 'YYYY-MM-DD') as events_from,
      to_char(cs.events_to, 'YYYY-MM-DD') as events_to, cs.domain, cs.consent_scopes, to_char(cs.consent_expires_on, 'YYYY-MM-DD') as consent_expires_on,
      cs.anonymised_text
    from change_story cs
    join beneficiary b on b.organisation_id = cs.organisation_id and b.id = cs.beneficiary_id
    join org_unit u on u.organisation_id = cs.organisation_id and u.id = cs.org_unit_id
    left join app_user w on w.organisation_id = cs.organisation_id and w.id = cs.collected_by
    where cs.organisation_id = ${org} ${extra}`;
}

export interface StoryFilters {
  program?: string | undefined;
  orgUnitPath?: string | undefined;
  beneficiaryId?: string | undefined;
  domain?: string | undefined;
}

/** A page of the stories a reader may read, newest first. */
export async function selectStoryPage(db: Queryable, org: string, reader: StoryReader, f: StoryFilters, page: { limit: number; offset: number }) {
  const parts: RawBuilder<unknown>[] = [sql`and ${readableBy(reader)}`];
  if (f.program) parts.push(sql`and cs.program = ${f.program}`);
  if (f.orgUnitPath) parts.push(sql`and u.path like ${likePrefix(f.orgUnitPath)}`);
  if (f.beneficiaryId) parts.push(sql`and cs.beneficiary_id = ${f.beneficiaryId}`);
  if (f.domain) parts.push(sql`and cs.domain = ${f.domain}`);
  const base = storySelect(org, sql.join(parts, sql` `));
  const rows = await sql<StoryRow>`${base} order by cs.collected_on desc, cs.created_at desc, cs.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const cap = page.offset + 1000;
  const counted = await sql<{ n: number }>`select count(*)::int as n from (select 1 from (${base} limit ${cap + 1}) x) y`.execute(db);
  const n = counted.rows[0]?.n ?? 0;
  return { rows: rows.rows, total: Math.min(n, cap), totalCapped: n > cap };
}

/** Stories by id (no reader filter: the service checks the policy on each row). */
export async function selectStories(db: Queryable, org: string, ids: readonly string[]): Promise<StoryRow[]> {
  if (!ids.length) return [];
  const r = await sql<StoryRow>`${storySelect(org, sql`and cs.id in (${sql.join([...ids])})`)}`.execute(db);
  return r.rows;
}

/** The sealed texts of a story. */
export async function selectSealed(db: Queryable, org: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('change_story').select(['id', 'story_encrypted', 'significance_encrypted']).where('organisation_id', '=', org).where('id', 'in', [...ids]).execute();
}

export interface NewStory {
  id: string;
  beneficiary_id: string;
  case_id: string | null;
  org_unit_id: string;
  program: string;
  collected_by: string;
  collected_on: string;
  events_from: string | null;
  events_to: string | null;
  domain: string;
  story_encrypted: Buffer;
  significance_encrypted: Buffer | null;
  consent_scopes: string[];
  consent_expires_on: string | null;
  anonymised_text: string | null;
  created_by: string;
}

/** Inserts a story; false when the id exists already (a retry). */
export async function insertStory(db: Queryable, org: string, s: NewStory): Promise<boolean> {
  const r = await db
    .insertInto('change_story')
    .values({ organisation_id: org, ...s })
    .onConflict((oc) => oc.columns(['organisation_id', 'id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type StoryPatch = Partial<Pick<NewStory, 'events_from' | 'events_to' | 'domain' | 'story_encrypted' | 'significance_encrypted' | 'consent_scopes' | 'consent_expires_on' | 'anonymised_text'>>;

export async function updateStory(db: Queryable, org: string, id: string, p: StoryPatch): Promise<void> {
  await db
    .updateTable('change_story')
    .set({ ...p, updated_at: sql`now()` })
    .where('organisation_id', '=', org)
    .where('id', '=', id)
    .execute();
}
