import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** The SQL of the OST register: episodes, their doses, the days of dispensing. */

/** What a harm-reduction record says of its person and unit (an OST episode, an insertion step). */
export interface PersonAtUnitRow {
  id: string;
  beneficiary_id: string;
  beneficiary_code: string;
  org_unit_id: string;
  org_unit_name: string;
  org_unit_path: string;
  org_unit_active: boolean;
}

export interface EpisodeRow extends PersonAtUnitRow {
  start_date: string;
  prescriber: string;
  end_date: string | null;
  end_reason: string | null;
  is_reentry: boolean;
}

const episodeColumns = sql`e.id, e.beneficiary_id, b.code as beneficiary_code, e.org_unit_id, ou.name as org_unit_name, ou.path as org_unit_path, ou.active as org_unit_active,
  e.start_date::text as start_date, e.prescriber, e.end_date::text as end_date, e.end_reason,
  exists (select 1 from ost_episode p where p.organisation_id = e.organisation_id and p.beneficiary_id = e.beneficiary_id and p.id <> e.id and p.end_date <= e.start_date) as is_reentry`;
const episodeJoins = sql`join beneficiary b on b.organisation_id = e.organisation_id and b.id = e.beneficiary_id
  join org_unit ou on ou.organisation_id = e.organisation_id and ou.id = e.org_unit_id`;

export async function selectEpisode(db: Queryable, org: string, id: string): Promise<EpisodeRow | undefined> {
  return (await sql<EpisodeRow>`select ${episodeColumns} from ost_episode e ${episodeJoins} where e.organisation_id = ${org} and e.id = ${id}`.execute(db)).rows[0];
}

/** A person's episodes, oldest first. */
export async function selectEpisodesOf(db: Queryable, org: string, personId: string): Promise<EpisodeRow[]> {
  return (await sql<EpisodeRow>`select ${episodeColumns} from ost_episode e ${episodeJoins} where e.organisation_id = ${org} and e.beneficiary_id = ${personId} order by e.start_date, e.end_date nulls last, e.id`.execute(db)).rows;
}

/** The latest end of a person's episodes (a re-entry starts on or after it). */
export async function selectLastEnd(db: Queryable, org: string, personId: string): Promise<string | null> {
  const row = await sql<{ last: string | null }>`select max(end_date)::text as last from ost_episode where organisation_id = ${org} and beneficiary_id = ${personId}`.execute(db);
  return row.rows[0]?.last ?? null;
}

export interface DoseRow {
  episode_id: string;
  from_date: string;
  dose_mg: number;
  prescriber: string | null;
}

export async function selectDoses(db: Queryable, org: string, episodeIds: readonly string[]): Promise<DoseRow[]> {
  if (!episodeIds.length) return [];
  return (
    await sql<DoseRow>`select episode_id, from_date::text as from_date, dose_mg, prescriber from ost_dose
      where organisation_id = ${org} and episode_id = any(${[...episodeIds]}::uuid[]) order by from_date`.execute(db)
  ).rows;
}

export async function insertEpisode(db: Queryable, org: string, e: { id: string; beneficiary_id: string; org_unit_id: string; start_date: string; prescriber: string; created_by: string }): Promise<void> {
  await db.insertInto('ost_episode').values({ ...e, organisation_id: org }).execute();
}

/** Sets the dose from a day on (a second change the same day replaces the first). */
export async function upsertDose(db: Queryable, org: string, d: { episode_id: string; from_date: string; dose_mg: number; prescriber: string | null; created_by: string }): Promise<void> {
  await db
    .insertInto('ost_dose')
    .values({ ...d, organisation_id: org })
    .onConflict((oc) => oc.columns(['organisation_id', 'episode_id', 'from_date']).doUpdateSet({ dose_mg: d.dose_mg, prescriber: d.prescriber, created_by: d.created_by }))
    .execute();
}

export async function endEpisode(db: Queryable, org: string, id: string, end: { end_date: string; end_reason: string; end_note: string | null }): Promise<void> {
  await db.updateTable('ost_episode').set(end).where('organisation_id', '=', org).where('id', '=', id).execute();
}

export interface DispensingRow {
  id: string;
  episode_id: string;
  dispensed_on: string;
  kind: string;
  days: number;
  dose_mg: number | null;
  service_id: string | null;
  by: string | null;
}

const dispensingColumns = sql`t.id, t.episode_id, t.dispensed_on::text as dispensed_on, t.kind, t.days, t.dose_mg, t.service_id, tu.display_name as by`;

/** The dispensing of an episode on a day, or by id. */
export async function selectDispensing(db: Queryable, org: string, by: { id: string } | { episodeId: string; date: string }): Promise<DispensingRow | undefined> {
  const where = 'id' in by ? sql`t.id = ${by.id}` : sql`t.episode_id = ${by.episodeId} and t.dispensed_on = ${by.date}::date`;
  return (
    await sql<DispensingRow>`select ${dispensingColumns} from ost_dispensing t left join app_user tu on tu.organisation_id = t.organisation_id and tu.id = t.created_by
      where t.organisation_id = ${org} and ${where}`.execute(db)
  ).rows[0];
}

export async function insertDispensing(
  db: Queryable,
  org: string,
  d: { id: string; episode_id: string; dispensed_on: string; kind: string; days: number; dose_mg: number | null; service_id: string | null; created_by: string },
): Promise<void> {
  await db.insertInto('ost_dispensing').values({ ...d, organisation_id: org }).execute();
}

export async function deleteDispensing(db: Queryable, org: string, id: string): Promise<void> {
  await db.deleteFrom('ost_dispensing').where('organisation_id', '=', org).where('id', '=', id).execute();
}

export interface DayRow extends Omit<DispensingRow, 'id' | 'episode_id' | 'dispensed_on' | 'kind' | 'days' | 'dose_mg'> {
  episode_id: string;
  beneficiary_id: string;
  beneficiary_code: string;
  prescribed_mg: number | null;
  dispensing_id: string | null;
  dispensed_on: string | null;
  kind: string | null;
  days: number | null;
  dose_mg: number | null;
  covered_until: string | null;
}

/** The persons on OST at a unit on a day (one query for the whole list): the dose in force, the day's dispensing, a take-away covering it. */
export async function selectDay(db: Queryable, org: string, unitId: string, date: string): Promise<DayRow[]> {
  return (
    await sql<DayRow>`
      select e.id as episode_id, b.id as beneficiary_id, b.code as beneficiary_code,
        (select d.dose_mg from ost_dose d where d.organisation_id = e.organisation_id and d.episode_id = e.id and d.from_date <= ${date}::date order by d.from_date desc limit 1) as prescribed_mg,
        t.id as dispensing_id, t.dispensed_on::text as dispensed_on, t.kind, t.days, t.dose_mg, t.service_id, tu.display_name as by,
        (select max(c.dispensed_on + c.days - 1)::text from ost_dispensing c where c.organisation_id = e.organisation_id and c.episode_id = e.id
           and c.kind = 'take_away' and c.dispensed_on < ${date}::date and c.dispensed_on + c.days > ${date}::date) as covered_until
      from ost_episode e
      join beneficiary b on b.organisation_id = e.organisation_id and b.id = e.beneficiary_id
      left join ost_dispensing t on t.organisation_id = e.organisation_id and t.episode_id = e.id and t.dispensed_on = ${date}::date
      left join app_user tu on tu.organisation_id = t.organisation_id and tu.id = t.created_by
      where e.organisation_id = ${org} and e.org_unit_id = ${unitId} and e.start_date <= ${date}::date and (e.end_date is null or e.end_date > ${date}::date)
      order by b.code, e.id`.execute(db)
  ).rows;
}
