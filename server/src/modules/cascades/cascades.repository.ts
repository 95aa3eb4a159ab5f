import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import { likePrefix } from '../../db/index.ts';

// The cascades' reads and writes (trainees, trainings, attendance, cascade sessions, disclosures).
// Every query is the organisation's; lists are narrowed by `Places` (the reader's units and programs).

/** Where a reader may read: units (by path) and, per unit, the programs (null: all). */
export type Places = ReadonlyArray<{ path: string; programs: string[] | null }>;

/** The reader's places on a row of alias `a` (its `program`) and its unit `ou`. */
function within(places: Places, a: string): RawBuilder<boolean> {
  if (!places.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(
    places.map((p) =>
      p.programs === null
        ? sql`ou.path like ${likePrefix(p.path)}`
        : sql`(ou.path like ${likePrefix(p.path)} and ${sql.ref(`${a}.program`)} = any(${p.programs}::text[]))`,
    ),
    sql` or `,
  )})`;
}

export interface TraineeRow {
  id: string;
  kind: string;
  name: string;
  sex: string;
  birth_year: number | null;
  partner_organisation: string | null;
  function: string | null;
  trainings: number;
  sessions_led: number;
}

const traineeColumns = sql`tr.id, tr.kind, tr.name, tr.sex, tr.birth_year, tr.partner_organisation, tr.function,
  (select count(*) from training_attendance x where x.organisation_id = tr.organisation_id and x.trainee_id = tr.id and x.attended)::int as trainings,
  (select count(*) from group_session g where g.organisation_id = tr.organisation_id and g.led_by_trainee_id = tr.id and g.deleted_at is null)::int as sessions_led`;

export async function insertTrainee(db: Queryable, row: { organisation_id: string; id: string; kind: string; name: string; sex: string; birth_year: number | null; partner_organisation: string | null; function: string | null; created_by: string }): Promise<boolean> {
  const r = await sql`insert into trainee (organisation_id, id, kind, name, sex, birth_year, partner_organisation, function, created_by)
    values (${row.organisation_id}, ${row.id}, ${row.kind}, ${row.name}, ${row.sex}, ${row.birth_year}, ${row.partner_organisation}, ${row.function}, ${row.created_by})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function selectTrainees(db: Queryable, org: string, f: { ids?: readonly string[]; search?: string; limit?: number; offset?: number }): Promise<{ rows: TraineeRow[]; total: number }> {
  const like = f.search ? `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`tr.organisation_id = ${org}
    ${f.ids ? sql`and tr.id = any(${[...f.ids]}::uuid[])` : sql``}
    ${like ? sql`and (tr.name ilike ${like} or tr.partner_organisation ilike ${like})` : sql``}`;
  const rows = await sql<TraineeRow>`select ${traineeColumns} from trainee tr where ${where} order by tr.name, tr.id limit ${f.limit ?? 1000} offset ${f.offset ?? 0}`.execute(db);
  const total = f.ids ? rows.rows.length : Number((await sql<{ n: number }>`select count(*)::int as n from trainee tr where ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: rows.rows, total };
}

export interface TrainingRow {
  id: string;
  program: string;
  org_unit_id: string;
  org_unit_name: string;
  org_unit_path: string;
  kind: string;
  theme: string;
  start_on: string;
  end_on: string;
  modality: string;
  partner: string | null;
  led_by_trainee_id: string | null;
  led_by_name: string | null;
  enrolled: number;
  attended: number;
  sessions: number;
  trainings: number;
  sensitised: number;
}

/** Attendances at a cascade session (anonymous counts, audience counts, identified attendees), as SQL on the session `g`. */
export const sensitisedOf = (g: string) =>
  sql.raw(`(coalesce((select sum((c->>'count')::int) from jsonb_array_elements(${g}.audience_counts) c), 0)
    + coalesce((select sum((c->>'count')::int) from jsonb_array_elements(${g}.anonymous) c), 0)
    + (select count(distinct se.beneficiary_id) from service_event se where se.organisation_id = ${g}.organisation_id and se.group_session_id = ${g}.id and se.deleted_at is null))::int`);

export async function insertTraining(db: Queryable, row: {
  organisation_id: string; id: string; program: string; org_unit_id: string; kind: string; theme: string; start_on: string; end_on: string; modality: string; partner: string | null; led_by_trainee_id: string | null; created_by: string;
}): Promise<boolean> {
  const r = await sql`insert into training (organisation_id, id, program, org_unit_id, kind, theme, start_on, end_on, modality, partner, led_by_trainee_id, created_by)
    values (${row.organisation_id}, ${row.id}, ${row.program}, ${row.org_unit_id}, ${row.kind}, ${row.theme}, ${row.start_on}, ${row.end_on}, ${row.modality}, ${row.partner}, ${row.led_by_trainee_id}, ${row.created_by})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function selectTrainings(
  db: Queryable,
  org: string,
  places: Places,
  f: { ids?: readonly string[]; program?: string; from?: string; to?: string; ledBy?: readonly string[]; limit?: number; offset?: number },
): Promise<{ rows: TrainingRow[]; total: number }> {
  const where = sql`t.organisation_id = ${org} and ${within(places, 't')}
    ${f.ids ? sql`and t.id = any(${[...f.ids]}::uuid[])` : sql``}
    ${f.ledBy ? sql`and t.led_by_trainee_id = any(${[...f.ledBy]}::uuid[])` : sql``}
    ${f.program ? sql`and t.program = ${f.program}` : sql``}
    ${f.from ? sql`and t.end_on >= ${f.from}::date` : sql``}
    ${f.to ? sql`and t.start_on <= ${f.to}::date` : sql``}`;
  const from = sql`training t join org_unit ou on ou.organisation_id = t.organisation_id and ou.id = t.org_unit_id left join trainee l on l.organisation_id = t.organisation_id and l.id = t.led_by_trainee_id`;
  const rows = await sql<TrainingRow>`
    select t.id, t.program, t.org_unit_id, ou.name as org_unit_name, ou.path as org_unit_path, t.kind, t.theme, to_char(t.start_on, 'YYYY-MM-DD') as start_on,
      to_char(t.end_on, 'YYYY-MM-DD') as end_on, t.modality, t.partner, t.led_by_trainee_id, l.name as led_by_name,
      (select count(*) from training_attendance a where a.organisation_id = t.organisation_id and a.training_id = t.id)::int as enrolled,
      (select count(*) from training_attendance a where a.organisation_id = t.organisation_id and a.training_id = t.id and a.attended)::int as attended,
      (select count(*) from group_session g where g.organisation_id = t.organisation_id and g.training_id = t.id and g.deleted_at is null)::int as sessions,
      (select count(*) from training c join training_attendance a on a.organisation_id = c.organisation_id and a.trainee_id = c.led_by_trainee_id and a.training_id = t.id
        where c.organisation_id = t.organisation_id and c.start_on >= t.start_on and c.id <> t.id)::int as trainings,
      (select coalesce(sum(${sensitisedOf('g')}), 0) from group_session g where g.organisation_id = t.organisation_id and g.training_id = t.id and g.deleted_at is null)::int as sensitised
    from ${from} where ${where}
    order by t.end_on desc, t.id limit ${f.limit ?? 1000} offset ${f.offset ?? 0}`.execute(db);
  const total = f.ids ? rows.rows.length : Number((await sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: rows.rows, total };
}

export async function upsertAttendance(db: Queryable, org: string, trainingId: string, traineeId: string, attended: boolean, by: string): Promise<void> {
  await sql`insert into training_attendance (organisation_id, training_id, trainee_id, attended, recorded_by) values (${org}, ${trainingId}, ${traineeId}, ${attended}, ${by})
    on conflict (organisation_id, training_id, trainee_id) do update set attended = excluded.attended, recorded_by = excluded.recorded_by, recorded_at = now()`.execute(db);
}

export async function selectAttendance(db: Queryable, org: string, trainingIds: readonly string[]): Promise<Array<TraineeRow & { training_id: string; attended: boolean }>> {
  if (!trainingIds.length) return [];
  const r = await sql<TraineeRow & { training_id: string; attended: boolean }>`
    select a.training_id, a.attended, ${traineeColumns}
    from training_attendance a join trainee tr on tr.organisation_id = a.organisation_id and tr.id = a.trainee_id
    where a.organisation_id = ${org} and a.training_id = any(${[...trainingIds]}::uuid[]) order by tr.name, tr.id`.execute(db);
  return r.rows;
}

export interface SessionRow {
  id: string;
  date: string;
  theme: string;
  audience: string | null;
  training_id: string | null;
  led_by_trainee_id: string | null;
  led_by_name: string | null;
  sensitised: number;
  disclosures: number;
}

/** The cascade sessions of some trainings (by the training they come from). */
export async function selectCascadeSessions(db: Queryable, org: string, trainingIds: readonly string[]): Promise<SessionRow[]> {
  if (!trainingIds.length) return [];
  const r = await sql<SessionRow>`
    select g.id, to_char(g.session_date, 'YYYY-MM-DD') as date, g.theme, g.audience, g.training_id, g.led_by_trainee_id, l.name as led_by_name,
      ${sensitisedOf('g')} as sensitised,
      (select count(*) from disclosure d where d.organisation_id = g.organisation_id and d.group_session_id = g.id)::int as disclosures
    from group_session g left join trainee l on l.organisation_id = g.organisation_id and l.id = g.led_by_trainee_id
    where g.organisation_id = ${org} and g.deleted_at is null and g.training_id = any(${[...trainingIds]}::uuid[])
    order by g.session_date, g.id`.execute(db);
  return r.rows;
}

export async function findTrainingOf(db: Queryable, org: string, id: string): Promise<{ id: string; org_unit_path: string; program: string } | undefined> {
  const r = await sql<{ id: string; org_unit_path: string; program: string }>`select t.id, ou.path as org_unit_path, t.program from training t
    join org_unit ou on ou.organisation_id = t.organisation_id and ou.id = t.org_unit_id where t.organisation_id = ${org} and t.id = ${id}`.execute(db);
  return r.rows[0];
}
