import { sql } from 'kysely';
import { likePrefix, type Queryable } from '../../db/index.ts';

const columns = ['id', 'code', 'name', 'level', 'parent_id', 'path', 'active', 'latitude', 'longitude', 'territory_id'] as const;

/** Units of the organisation inside any of the subtrees, outermost first. */
export async function selectUnitsUnder(db: Queryable, organisationId: string, paths: string[]) {
  if (paths.length === 0) return [];
  return db
    .selectFrom('org_unit')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or(paths.map((p) => eb('path', 'like', likePrefix(p)))))
    .orderBy(sql`length(path)`)
    .orderBy('name')
    .execute();
}

export async function findUnit(db: Queryable, organisationId: string, id: string) {
  return db.selectFrom('org_unit').select(columns).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function findUnitByCode(db: Queryable, organisationId: string, code: string) {
  return db.selectFrom('org_unit').select(columns).where('organisation_id', '=', organisationId).where('code', '=', code).executeTakeFirst();
}

export async function insertUnit(
  db: Queryable,
  u: { organisation_id: string; id: string; code: string; name: string; level: string; parent_id: string; path: string; latitude: number | null; longitude: number | null; territory_id?: string | null },
): Promise<void> {
  await db.insertInto('org_unit').values(u).execute();
}

export async function updateUnit(
  db: Queryable,
  organisationId: string,
  id: string,
  patch: { code?: string; name?: string; level?: string; active?: boolean; parent_id?: string; latitude?: number | null; longitude?: number | null; territory_id?: string | null },
): Promise<void> {
  await db.updateTable('org_unit').set({ ...patch, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

/** Moves a subtree: every path under `oldPrefix` now starts with `newPrefix`. */
export async function rewritePaths(db: Queryable, organisationId: string, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .updateTable('org_unit')
    .set({ path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('organisation_id', '=', organisationId)
    .where('path', 'like', likePrefix(oldPrefix))
    .execute();
}

export async function countActiveChildren(db: Queryable, organisationId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('org_unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('organisation_id', '=', organisationId)
    .where('parent_id', '=', id)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Every unit of the organisation by code (an import names units by code). */
export async function selectUnitsByCode(db: Queryable, organisationId: string) {
  const rows = await db.selectFrom('org_unit').select(['id', 'code', 'name', 'path', 'level', 'parent_id', 'active']).where('organisation_id', '=', organisationId).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** The directory's territories by id and by code (the instance's: a short list, no organisation). */
export async function selectTerritoryCodes(db: Queryable) {
  const r = await sql<{ id: string; code: string }>`select id, code from territory`.execute(db);
  return { codeOf: new Map(r.rows.map((t) => [t.id, t.code])), idOf: new Map(r.rows.map((t) => [t.code, t.id])) };
}

/** The territory a unit works in: its own, else its nearest ancestor's (null: none up to the root). */
export async function selectUnitTerritory(db: Queryable, organisationId: string, unitPath: string): Promise<string | null> {
  const r = await sql<{ territory_id: string }>`
    select territory_id from org_unit
    where organisation_id = ${organisationId} and territory_id is not null and left(${unitPath}, length(path)) = path
    order by length(path) desc limit 1`.execute(db);
  return r.rows[0]?.territory_id ?? null;
}
