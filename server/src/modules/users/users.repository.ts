import { sql, type ExpressionBuilder } from 'kysely';
import { likePrefix, type Database, type Queryable } from '../../db/index.ts';

/** Users of the organisation visible through these subtrees (plus unassigned users when `withUnassigned`). */
function visible(paths: string[], withUnassigned: boolean) {
  return (eb: ExpressionBuilder<Database, 'app_user'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('role_assignment as a')
          .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'a.organisation_id').onRef('ou.id', '=', 'a.org_unit_id'))
          .select(sql`1`.as('one'))
          .whereRef('a.organisation_id', '=', 'app_user.organisation_id')
          .whereRef('a.user_id', '=', 'app_user.id')
          .where((e2) => e2.or(paths.map((p) => e2('ou.path', 'like', likePrefix(p))))),
      ),
      ...(withUnassigned
        ? [
            eb.not(
              eb.exists(
                eb
                  .selectFrom('role_assignment as a')
                  .select(sql`1`.as('one'))
                  .whereRef('a.organisation_id', '=', 'app_user.organisation_id')
                  .whereRef('a.user_id', '=', 'app_user.id'),
              ),
            ),
          ]
        : []),
    ]);
}

const userColumns = ['id', 'username', 'display_name', 'locale', 'active', 'created_at', 'totp_enabled_at'] as const;

export async function selectUsers(
  db: Queryable,
  organisationId: string,
  paths: string[],
  withUnassigned: boolean,
  q: { q?: string | undefined; limit: number; offset: number },
) {
  if (paths.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('app_user').where('organisation_id', '=', organisationId).where(visible(paths, withUnassigned));
  if (q.q) {
    const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    base.select(userColumns).orderBy('display_name').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findUser(db: Queryable, organisationId: string, id: string) {
  return db.selectFrom('app_user').select(userColumns).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Queryable,
  u: { organisation_id: string; id: string; username: string; display_name: string; password_hash: string; locale: string },
): Promise<void> {
  await db.insertInto('app_user').values(u).execute();
}

export async function updateUser(
  db: Queryable,
  organisationId: string,
  id: string,
  patch: { display_name?: string; locale?: string; active?: boolean; password_hash?: string; totp_secret?: null; totp_enabled_at?: null; totp_last_step?: null },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ ...patch, ...(patch.password_hash ? { password_changed_at: sql`now()` } : {}), updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function insertAssignment(
  db: Queryable,
  a: { organisation_id: string; id: string; user_id: string; role: string; org_unit_id: string; programs: string[] | null },
): Promise<void> {
  await db.insertInto('role_assignment').values(a).execute();
}

export async function deleteAssignment(db: Queryable, organisationId: string, userId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom('role_assignment')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Active users holding the administrator role on the root unit. */
export async function countRootAdministrators(db: Queryable, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('role_assignment as a')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'a.organisation_id').onRef('ou.id', '=', 'a.org_unit_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.user_id'))
    .select(sql<number>`count(distinct u.id)::int`.as('n'))
    .where('a.organisation_id', '=', organisationId)
    .where('a.role', '=', 'administrator')
    .where('ou.parent_id', 'is', null)
    .where('u.active', '=', true)
    .executeTakeFirstOrThrow();
  return row.n;
}
