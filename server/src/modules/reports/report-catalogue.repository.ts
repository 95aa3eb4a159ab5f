import { sql, type RawBuilder } from 'kysely';
import { roleGrants, roles } from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';

/** Subtree paths a report may read for one program; null = the whole organisation. */
export type ProgramPaths = readonly string[] | null;

/** A unit's path lies in one of the subtrees (or, with `orAncestor`, is an ancestor of one). */
function within(column: RawBuilder<string>, paths: ProgramPaths, orAncestor = false): RawBuilder<unknown> {
  if (paths === null) return sql`true`;
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => (orAncestor ? sql`(${column} like ${likePrefix(p)} or ${p} like ${column} || '%')` : sql`${column} like ${likePrefix(p)}`)),
    sql` or `,
  )})`;
}

/** The path lies under one of the units with these codes (no codes: no condition). */
function underUnits(organisationId: string, column: RawBuilder<string>, codes: readonly string[] | undefined): RawBuilder<unknown> {
  if (!codes) return sql`true`;
  return sql`exists (select 1 from org_unit f where f.organisation_id = ${organisationId} and f.code = any(${[...codes]}::text[]) and ${column} like f.path || '%')`;
}

/**
 * The units a report by unit lists: at a level, those of the level that hold or lie above a
 * readable subtree; without one, the readable units with no sub-unit other than outreach sites
 * (the units services are given at). Inactive ones too (`active` says which).
 */
export async function findReportUnits(db: Queryable, organisationId: string, paths: ProgramPaths, level: string | undefined): Promise<Array<{ code: string; active: boolean }>> {
  const rows = await sql<{ code: string; active: boolean }>`
    select ou.code, ou.active from org_unit ou
    where ou.organisation_id = ${organisationId}
      and ${
        level
          ? sql`ou.level = ${level} and ${within(sql`ou.path`, paths, true)}`
          : sql`ou.level <> 'site' and ${within(sql`ou.path`, paths)}
              and not exists (select 1 from org_unit c where c.organisation_id = ou.organisation_id and c.parent_id = ou.id and c.level <> 'site' and c.active)`
      }
    order by ou.code`.execute(db);
  return rows.rows;
}

/** The active outreach sites of the readable subtrees (under the units of `unitCodes` when given). */
export async function findReportSites(db: Queryable, organisationId: string, paths: ProgramPaths, unitCodes?: readonly string[]): Promise<string[]> {
  const rows = await sql<{ code: string }>`
    select ou.code from org_unit ou
    where ou.organisation_id = ${organisationId} and ou.level = 'site' and ou.active
      and ${within(sql`ou.path`, paths)} and ${underUnits(organisationId, sql`ou.path`, unitCodes)}
    order by ou.code`.execute(db);
  return rows.rows.map((r) => r.code);
}

/**
 * The workers of a program in the readable subtrees (under the units of `unitCodes` when given):
 * active users with a role that records services there, for that program or every program.
 */
export async function findReportWorkers(db: Queryable, organisationId: string, program: string, paths: ProgramPaths, unitCodes?: readonly string[]): Promise<string[]> {
  const recording = roles.filter((r) => roleGrants(r, 'service.write'));
  const rows = await sql<{ username: string }>`
    select distinct u.username from role_assignment a
    join app_user u on u.organisation_id = a.organisation_id and u.id = a.user_id
    join org_unit ou on ou.organisation_id = a.organisation_id and ou.id = a.org_unit_id
    where a.organisation_id = ${organisationId} and u.active and a.role = any(${recording}::text[])
      and (a.programs is null or ${program} = any(a.programs))
      and ${within(sql`ou.path`, paths)} and ${underUnits(organisationId, sql`ou.path`, unitCodes)}
    order by u.username`.execute(db);
  return rows.rows.map((r) => r.username);
}

/** The organisation's name and the names of its units by code, for report files. */
export async function findReportNames(db: Queryable, organisationId: string): Promise<{ organisation: string | null; units: Map<string, string> }> {
  const [organisation, units] = await Promise.all([
    db.selectFrom('organisation').select('name').where('id', '=', organisationId).executeTakeFirst(),
    db.selectFrom('org_unit').select(['code', 'name']).where('organisation_id', '=', organisationId).execute(),
  ]);
  return { organisation: organisation?.name ?? null, units: new Map(units.map((r) => [r.code, r.name])) };
}

/** The targets of a program: indicator × unit (code and parent) × period. */
export async function loadTargets(db: Queryable, organisationId: string, program: string): Promise<Array<{ indicator: string; period: string; value: string; code: string; parentId: string | null }>> {
  return db
    .selectFrom('target as t')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 't.organisation_id').onRef('ou.id', '=', 't.org_unit_id'))
    .select(['t.indicator', 't.period', 't.value', 'ou.code', 'ou.parent_id as parentId'])
    .where('t.organisation_id', '=', organisationId)
    .where('t.program', '=', program)
    .execute();
}
