import type { Queryable } from '../../db/index.ts';

/** The SQL of anonymous tallies (a line per service given to people without a code at a unit or site on a day). */

export interface NewAnonymousLine {
  id: string;
  tally_id: string;
  org_unit_id: string;
  site_id: string | null;
  program: string;
  service_date: string;
  service: string;
  count: number;
  quantity: number | null;
  created_by: string;
}

export async function insertAnonymousLines(db: Queryable, org: string, lines: readonly NewAnonymousLine[]): Promise<void> {
  await db
    .insertInto('anonymous_service')
    .values(lines.map((l) => ({ ...l, organisation_id: org })))
    .execute();
}

/** A line as read, with its unit's and site's names and who recorded it. */
export interface AnonymousRow extends NewAnonymousLine {
  org_unit_name: string;
  site_name: string | null;
  by: string;
}

function selectLines(db: Queryable, org: string) {
  return db
    .selectFrom('anonymous_service as a')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'a.organisation_id').onRef('ou.id', '=', 'a.org_unit_id'))
    .leftJoin('org_unit as site', (j) => j.onRef('site.organisation_id', '=', 'a.organisation_id').onRef('site.id', '=', 'a.site_id'))
    .leftJoin('app_user as u', (j) => j.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.created_by'))
    .select(['a.id', 'a.tally_id', 'a.org_unit_id', 'a.site_id', 'a.program', 'a.service_date', 'a.service', 'a.count', 'a.quantity', 'a.created_by', 'ou.name as org_unit_name', 'site.name as site_name', 'u.display_name as by'])
    .where('a.organisation_id', '=', org)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.created_at')
    .orderBy('a.id');
}

/** The lines of one tally (a retried save finds them). */
export async function selectTally(db: Queryable, org: string, tallyId: string): Promise<AnonymousRow[]> {
  return (await selectLines(db, org).where('a.tally_id', '=', tallyId).execute()) as AnonymousRow[];
}

/** The lines of a unit (its sites included) on a day. */
export async function selectDay(db: Queryable, org: string, unitId: string, date: string): Promise<AnonymousRow[]> {
  return (await selectLines(db, org).where('a.org_unit_id', '=', unitId).where('a.service_date', '=', date).execute()) as AnonymousRow[];
}

/** One line, to delete it. */
export async function selectLine(db: Queryable, org: string, id: string): Promise<AnonymousRow | undefined> {
  return (await selectLines(db, org).where('a.id', '=', id).executeTakeFirst()) as AnonymousRow | undefined;
}

export async function markLineDeleted(db: Queryable, org: string, id: string): Promise<void> {
  await db.updateTable('anonymous_service').set({ deleted_at: new Date() }).where('organisation_id', '=', org).where('id', '=', id).execute();
}
