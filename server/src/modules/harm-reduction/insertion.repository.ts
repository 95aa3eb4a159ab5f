import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { PersonAtUnitRow } from './ost.repository.ts';

/** The SQL of insertion pathways: a person's steps towards work. */

export interface StepValues {
  kind: string;
  activity: string;
  start_date: string;
  end_date: string | null;
  completed: boolean | null;
  note: string | null;
}

export interface StepRow extends PersonAtUnitRow, StepValues {
  by: string | null;
}

const columns = sql`s.id, s.beneficiary_id, b.code as beneficiary_code, s.org_unit_id, ou.name as org_unit_name, ou.path as org_unit_path, ou.active as org_unit_active,
  s.kind, s.activity, s.start_date::text as start_date, s.end_date::text as end_date, s.completed, s.note, u.display_name as by`;
const joins = sql`join beneficiary b on b.organisation_id = s.organisation_id and b.id = s.beneficiary_id
  join org_unit ou on ou.organisation_id = s.organisation_id and ou.id = s.org_unit_id
  left join app_user u on u.organisation_id = s.organisation_id and u.id = s.created_by`;

/** A step not deleted (or, with `withDeleted`, any: a retried creation is answered once). */
export async function selectStep(db: Queryable, org: string, id: string, withDeleted = false): Promise<StepRow | undefined> {
  const live = withDeleted ? sql`` : sql`and s.deleted_at is null`;
  return (await sql<StepRow>`select ${columns} from insertion_step s ${joins} where s.organisation_id = ${org} and s.id = ${id} ${live}`.execute(db)).rows[0];
}

/** A person's pathway, oldest step first. */
export async function selectStepsOf(db: Queryable, org: string, personId: string): Promise<StepRow[]> {
  return (
    await sql<StepRow>`select ${columns} from insertion_step s ${joins}
      where s.organisation_id = ${org} and s.beneficiary_id = ${personId} and s.deleted_at is null order by s.start_date, s.created_at, s.id`.execute(db)
  ).rows;
}

export async function insertStep(db: Queryable, org: string, s: StepValues & { id: string; beneficiary_id: string; org_unit_id: string; created_by: string }): Promise<void> {
  await db.insertInto('insertion_step').values({ ...s, organisation_id: org }).execute();
}

export async function updateStep(db: Queryable, org: string, id: string, s: StepValues): Promise<void> {
  await db.updateTable('insertion_step').set({ ...s, updated_at: new Date() }).where('organisation_id', '=', org).where('id', '=', id).execute();
}

export async function deleteStep(db: Queryable, org: string, id: string): Promise<void> {
  await db.updateTable('insertion_step').set({ deleted_at: new Date(), updated_at: new Date() }).where('organisation_id', '=', org).where('id', '=', id).execute();
}

/** The steps of these ids, deleted ones included (an import's rows already written): their person. */
export async function selectStepOwners(db: Queryable, org: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('insertion_step').select(['id', 'beneficiary_id']).where('organisation_id', '=', org).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.beneficiary_id]));
}

/** Steps of an import, in bulk (the rows checked as `add` checks one). */
export async function insertSteps(db: Queryable, org: string, steps: ReadonlyArray<StepValues & { id: string; beneficiary_id: string; org_unit_id: string; created_by: string }>): Promise<void> {
  for (let i = 0; i < steps.length; i += 1000) await db.insertInto('insertion_step').values(steps.slice(i, i + 1000).map((s) => ({ ...s, organisation_id: org }))).execute();
}
