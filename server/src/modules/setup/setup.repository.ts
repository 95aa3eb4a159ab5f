import { sql } from 'kysely';
import type { SetupChecklist } from '@relais/core';
import type { Queryable } from '../../db/index.ts';

/** What an organisation's data says about its first steps (one query, four answers). */
export async function loadChecklist(db: Queryable, organisationId: string): Promise<SetupChecklist> {
  const row = await sql<{ org_units: boolean; programs: boolean; users: boolean; imports: boolean }>`
    select
      (select count(*) from org_unit where organisation_id = ${organisationId}) > 1 as org_units,
      exists (select 1 from audit_event where organisation_id = ${organisationId} and action = 'program.update') as programs,
      (select count(*) from app_user where organisation_id = ${organisationId}) > 1 as users,
      exists (select 1 from audit_event where organisation_id = ${organisationId} and action = 'import') as imports`.execute(db);
  const r = row.rows[0]!;
  return { orgUnits: r.org_units, programs: r.programs, users: r.users, imports: r.imports };
}

/** An organisation by code, with its root unit (the command line acts at the root). */
export async function findOrganisationAndRoot(db: Queryable, code: string) {
  const organisation = await db.selectFrom('organisation').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
  if (!organisation) return null;
  const root = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path'])
    .where('organisation_id', '=', organisation.id)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return { organisation, root };
}

/** Every organisation of the database. */
export async function selectOrganisationIds(db: Queryable): Promise<string[]> {
  return (await db.selectFrom('organisation').select('id').execute()).map((o) => o.id);
}
