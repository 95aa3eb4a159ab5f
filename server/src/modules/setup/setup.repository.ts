import { sql } from 'kysely';
import { programCodes, type Locale, type SetupChecklist } from '@relais/core';
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

/** Is there an organisation already (first run done)? */
export async function anyOrganisation(db: Queryable): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Keeps other first runs out until the transaction ends. */
export async function lockOrganisations(trx: Queryable): Promise<void> {
  await sql`lock table organisation in exclusive mode`.execute(trx);
}

/** Inserts an organisation (a code taken fails with the database's unique violation). */
export async function insertOrganisation(trx: Queryable, row: { id: string; code: string; name: string }): Promise<void> {
  await trx.insertInto('organisation').values(row).execute();
}

/** A new organisation's first rows: its root unit (coded like it), every program enabled, its administrator on the root. */
export async function insertFirstRows(
  trx: Queryable,
  r: { organisationId: string; rootUnitId: string; adminId: string; assignmentId: string; code: string; name: string; admin: { username: string; displayName: string }; passwordHash: string; locale: Locale },
): Promise<void> {
  await trx
    .insertInto('org_unit')
    .values({
      organisation_id: r.organisationId,
      id: r.rootUnitId,
      code: r.code,
      name: r.name,
      level: 'country',
      parent_id: null,
      path: `/${r.rootUnitId}/`,
    })
    .execute();
  await trx
    .insertInto('program')
    .values(programCodes.map((code) => ({ organisation_id: r.organisationId, code, enabled: true })))
    .execute();
  await trx
    .insertInto('app_user')
    .values({
      organisation_id: r.organisationId,
      id: r.adminId,
      username: r.admin.username,
      display_name: r.admin.displayName,
      password_hash: r.passwordHash,
      locale: r.locale,
    })
    .execute();
  await trx
    .insertInto('role_assignment')
    .values({ organisation_id: r.organisationId, id: r.assignmentId, user_id: r.adminId, role: 'administrator', org_unit_id: r.rootUnitId, programs: null })
    .execute();
}
