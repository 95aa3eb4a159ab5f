import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { ThrottleRule } from './login-throttle.ts';

export async function findOrganisationByCode(db: Queryable, code: string) {
  return db.selectFrom('organisation').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findUserByUsername(db: Queryable, organisationId: string, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findUserById(db: Queryable, organisationId: string, id: string) {
  return db.selectFrom('app_user').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertSession(
  db: Queryable,
  s: { token_hash: string; organisation_id: string; user_id: string; csrf_token: string; expires_at: Date; restricted?: 'totp_setup' | null },
): Promise<void> {
  await db.insertInto('session').values(s).execute();
}

/** The session with its user and organisation, by the hash of its token. */
export async function findSession(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.organisation_id', '=', 's.organisation_id').onRef('u.id', '=', 's.user_id'))
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      's.restricted',
      'u.totp_enabled_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.locale',
      'u.low_literacy',
      'u.active',
      'o.id as organisation_id',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'o.config_version',
      // Her roles in the same round trip: every authenticated request reads them.
      sql<AssignmentRow[]>`coalesce((
        select json_agg(json_build_object('id', a.id, 'user_id', a.user_id, 'role', a.role, 'programs', a.programs, 'org_unit_id', ou.id,
          'org_unit_code', ou.code, 'org_unit_name', ou.name, 'org_unit_path', ou.path) order by a.created_at, a.id)
        from role_assignment a join org_unit ou on ou.organisation_id = a.organisation_id and ou.id = a.org_unit_id
        where a.organisation_id = s.organisation_id and a.user_id = s.user_id), '[]')`.as('assignments'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A role of a user on a unit, with the unit's code, name and path. */
export interface AssignmentRow {
  id: string;
  user_id: string;
  role: string;
  programs: string[] | null;
  org_unit_id: string;
  org_unit_code: string;
  org_unit_name: string;
  org_unit_path: string;
}

export async function touchSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: sql`now()` }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (but `keep`, the current one, when given). */
export async function deleteUserSessions(db: Queryable, organisationId: string, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('session').where('organisation_id', '=', organisationId).where('user_id', '=', userId);
  if (keep) q = q.where('token_hash', '<>', keep);
  await q.execute();
}

/** Role assignments of a user with their units' code, name and path. */
export async function selectAssignments(db: Queryable, organisationId: string, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignment as a')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'a.organisation_id').onRef('ou.id', '=', 'a.org_unit_id'))
    .select(['a.id', 'a.user_id', 'a.role', 'a.programs', 'ou.id as org_unit_id', 'ou.code as org_unit_code', 'ou.name as org_unit_name', 'ou.path as org_unit_path'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.user_id', 'in', userIds)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function updatePasswordHash(db: Queryable, organisationId: string, userId: string, hash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, password_changed_at: sql`now()`, updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .execute();
}

/** Her own preferences (ADR 0042): only those given change. */
export async function updatePreferences(db: Queryable, organisationId: string, userId: string, preferences: { low_literacy: boolean }): Promise<void> {
  await db.updateTable('app_user').set({ ...preferences, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', userId).execute();
}

export async function updateLocale(db: Queryable, organisationId: string, userId: string, locale: string): Promise<void> {
  await db.updateTable('app_user').set({ locale, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', userId).execute();
}

/** Seconds left on the longest lock among these keys (0 when none is locked). */
export async function lockedSeconds(db: Queryable, keys: string[]): Promise<number> {
  const row = await db
    .selectFrom('login_throttle')
    .select(sql<number>`coalesce(max(extract(epoch from locked_until - now())), 0)::float8`.as('seconds'))
    .where('key', 'in', keys)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Math.max(0, Math.ceil(row?.seconds ?? 0));
}

/**
 * Counts a failed login on a key (a new window once the last one is over); at the rule's limit
 * the key locks, for longer at each further failure when the rule doubles. Answers the count and
 * the end of the lock this failure set (null when it set none).
 */
export async function countFailure(db: Queryable, key: string, rule: ThrottleRule): Promise<{ failures: number; lockedUntil: Date | null }> {
  const isNewWindow = sql`t.window_start < now() - make_interval(mins => ${rule.windowMinutes}::int)`;
  const failures = sql`(case when ${isNewWindow} then 1 else t.failures + 1 end)`;
  const lockFor = (n: ReturnType<typeof sql>) =>
    rule.doubling
      ? sql`make_interval(secs => 60 * least(${rule.lockMinutes}::float8 * power(2, ${n} - ${rule.limit}::int), ${rule.maxLockMinutes}::float8))`
      : sql`make_interval(mins => ${rule.lockMinutes}::int)`;
  const row = await sql<{ failures: number; locked_until: Date | null; locks: boolean }>`
    insert into login_throttle as t (key, failures, window_start, locked_until)
    values (${key}, 1, now(), case when 1 >= ${rule.limit}::int then now() + ${lockFor(sql`1`)} end)
    on conflict (key) do update set
      failures = ${failures},
      window_start = case when ${isNewWindow} then now() else t.window_start end,
      locked_until = case when ${failures} >= ${rule.limit}::int then now() + ${lockFor(failures)} else t.locked_until end
    returning failures, locked_until, failures >= ${rule.limit}::int as locks
  `.execute(db);
  const r = row.rows[0]!;
  return { failures: r.failures, lockedUntil: r.locks && r.locked_until ? new Date(r.locked_until) : null };
}

export async function clearFailures(db: Queryable, keys: string[]): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

/** The keys locked now among those starting with one of these prefixes, the longest lock first. */
export async function selectLocks(db: Queryable, prefixes: string[]) {
  return db
    .selectFrom('login_throttle')
    .select(['key', 'failures', 'locked_until'])
    .where('locked_until', '>', sql<Date>`now()`)
    .where((eb) => eb.or(prefixes.map((p) => eb(sql`left(key, ${p.length}::int)`, '=', p))))
    .orderBy('locked_until', 'desc')
    .orderBy('key')
    .execute();
}

/** Takes the second factor's step `step` for the user, once: false when a step at or after it was used already (a replayed code). */
export async function useTotpStep(db: Queryable, organisationId: string, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return rows.numUpdatedRows > 0n;
}

export async function setTotp(db: Queryable, organisationId: string, userId: string, values: { totp_secret: Buffer | null; totp_enabled_at: Date | null; totp_last_step: number | null }): Promise<void> {
  await db.updateTable('app_user').set(values).where('organisation_id', '=', organisationId).where('id', '=', userId).execute();
}

/** Lifts a session's restriction once its user has set up a second factor. */
export async function liftRestriction(db: Queryable, tokenHash: string): Promise<void> {
  await db.updateTable('session').set({ restricted: null }).where('token_hash', '=', tokenHash).execute();
}
