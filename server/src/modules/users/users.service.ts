import {
  DomainError,
  isRootPath,
  type CreateUser,
  type Locale,
  type NewAssignment,
  type Role,
  type UpdateUser,
  type User,
  invalidField,
} from '@relais/core';
import { isUniqueViolation, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { checkPassword } from '../../lib/password-rules.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf, type AuditWho } from '../audit/index.ts';
import { deleteUserSessions, selectAssignments } from '../auth/index.ts';
import { findUnit } from '../org-units/index.ts';
import { usersPolicy } from './users.policy.ts';
import * as repo from './users.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;
type AssignmentRow = Awaited<ReturnType<typeof selectAssignments>>[number];

function toUser(row: UserRow, assignments: AssignmentRow[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale as Locale,
    active: row.active,
    secondFactor: row.totp_enabled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    assignments: assignments.map((a) => ({
      id: a.id,
      role: a.role as Role,
      orgUnit: { id: a.org_unit_id, code: a.org_unit_code, name: a.org_unit_name },
      programs: a.programs,
    })),
  };
}

/**
 * Inserts a user and her assignments, audited, inside the caller's transaction.
 * The units were checked by the caller (scope for a person, existence for the CLI).
 */
export async function insertUserWithAssignments(
  trx: Queryable,
  who: AuditWho,
  input: CreateUser,
  passwordHash: string,
  firstUnit: { id: string; path: string },
): Promise<string> {
  const org = who.organisationId;
  const id = input.id ?? newId();
  try {
    await repo.insertUser(trx, { organisation_id: org, id, username: input.username, display_name: input.displayName, password_hash: passwordHash, locale: input.locale });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('username_taken');
    throw error;
  }
  const seen = new Set<string>();
  for (const a of input.assignments) {
    const key = `${a.role}:${a.orgUnitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await repo.insertAssignment(trx, { organisation_id: org, id: a.id ?? newId(), user_id: id, role: a.role, org_unit_id: a.orgUnitId, programs: a.programs });
  }
  await recordAudit(trx, who, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    orgUnit: firstUnit,
    details: { username: input.username, assignments: input.assignments.map((a) => ({ role: a.role, orgUnitId: a.orgUnitId, programs: a.programs })) },
  });
  return id;
}

export function createUsersService(db: Queryable) {
  /** Loads a user the actor may see, with her assignments; not_found otherwise. */
  async function load(trx: Queryable, ctx: RequestContext, id: string) {
    const row = await repo.findUser(trx, ctx.actor.organisationId, id);
    if (!row) throw new DomainError('not_found');
    const assignments = await selectAssignments(trx, ctx.actor.organisationId, [id]);
    const paths = assignments.map((a) => a.org_unit_path);
    if (!usersPolicy.see(ctx.actor, paths)) throw new DomainError('not_found');
    return { row, assignments, paths };
  }

  /** Loads a user the actor may change: visible and entirely inside her `user.manage` scope. */
  async function loadManageable(trx: Queryable, ctx: RequestContext, id: string) {
    const found = await load(trx, ctx, id);
    if (!usersPolicy.manage(ctx.actor, found.paths)) throw new DomainError('forbidden');
    return found;
  }

  /** Checks each new assignment's unit lies in the actor's `user.manage` scope; returns the units. */
  async function checkAssignments(trx: Queryable, ctx: RequestContext, assignments: NewAssignment[], fieldPrefix: string) {
    const units = [];
    for (const [i, a] of assignments.entries()) {
      const unit = await findUnit(trx, ctx.actor.organisationId, a.orgUnitId);
      if (!unit || !usersPolicy.assignAt(ctx.actor, unit.path)) throw invalidField(`${fieldPrefix}${i}.orgUnitId`, 'invalid_choice');
      units.push(unit);
    }
    return units;
  }

  async function ensureAnAdministratorRemains(trx: Queryable, organisationId: string): Promise<void> {
    if ((await repo.countRootAdministrators(trx, organisationId)) === 0) throw new DomainError('last_administrator');
  }

  async function reload(trx: Queryable, ctx: RequestContext, id: string): Promise<User> {
    const row = (await repo.findUser(trx, ctx.actor.organisationId, id))!;
    return toUser(row, await selectAssignments(trx, ctx.actor.organisationId, [id]));
  }

  /** A change of another user's access (never one's own), in a transaction: her assignments as they stand to the work; she as she then is. */
  async function changeAccess(ctx: RequestContext, userId: string, work: (trx: Queryable, org: string, assignments: AssignmentRow[]) => Promise<void>): Promise<User> {
    return db.transaction().execute(async (trx) => {
      if (userId === ctx.actor.userId) throw new DomainError('cannot_change_own_access');
      const { assignments } = await loadManageable(trx, ctx, userId);
      await work(trx, ctx.actor.organisationId, assignments);
      return reload(trx, ctx, userId);
    });
  }

  return {
    async listUsers(ctx: RequestContext, q: { q?: string | undefined; limit: number; offset: number }) {
      const paths = usersPolicy.readableUnits(ctx.actor);
      const { rows, total } = await repo.selectUsers(db, ctx.actor.organisationId, paths, paths.some(isRootPath), q);
      const assignments = await selectAssignments(db, ctx.actor.organisationId, rows.map((r) => r.id));
      return { items: rows.map((r) => toUser(r, assignments.filter((a) => a.user_id === r.id))), total };
    },

    async getUser(ctx: RequestContext, id: string): Promise<User> {
      return db.transaction().execute(async (trx) => {
        const { row, assignments } = await load(trx, ctx, id);
        await recordAudit(trx, whoOf(ctx), {
          action: 'user.read',
          entityType: 'user',
          entityId: id,
          orgUnit: assignments[0] ? { id: assignments[0].org_unit_id, path: assignments[0].org_unit_path } : null,
        });
        return toUser(row, assignments);
      });
    },

    /** Creates a user with her assignments; a retried create with the same id is applied once. */
    async createUser(ctx: RequestContext, input: CreateUser): Promise<{ user: User; created: boolean }> {
      checkPassword('password', input.password, { username: input.username, organisationCode: ctx.actor.organisationCode });
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        const org = ctx.actor.organisationId;
        if (input.id) {
          const existing = await repo.findUser(trx, org, input.id);
          if (existing) {
            if (existing.username !== input.username) throw new DomainError('id_conflict');
            const { row, assignments } = await load(trx, ctx, input.id);
            return { user: toUser(row, assignments), created: false };
          }
        }
        const units = await checkAssignments(trx, ctx, input.assignments, 'assignments.');
        const id = await insertUserWithAssignments(trx, whoOf(ctx), input, passwordHash, units[0]!);
        return { user: await reload(trx, ctx, id), created: true };
      });
    },

    /** Changes name, language, active flag or password, or turns her second factor off (an administrator's reset ends the user's sessions). */
    async updateUser(ctx: RequestContext, id: string, patch: UpdateUser): Promise<User> {
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      return db.transaction().execute(async (trx) => {
        const org = ctx.actor.organisationId;
        const { row, assignments } = await loadManageable(trx, ctx, id);
        if (patch.password) checkPassword('password', patch.password, { username: row.username, organisationCode: ctx.actor.organisationCode });
        if (id === ctx.actor.userId && (patch.active === false || patch.resetSecondFactor)) throw new DomainError('cannot_change_own_access');
        await repo.updateUser(trx, org, id, {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          ...(patch.resetSecondFactor ? { totp_secret: null, totp_enabled_at: null, totp_last_step: null } : {}),
        });
        if (passwordHash || patch.resetSecondFactor || (patch.active === false && row.active)) {
          await deleteUserSessions(trx, org, id, id === ctx.actor.userId ? ctx.actor.session.tokenHash : undefined);
        }
        if (patch.active === false) await ensureAnAdministratorRemains(trx, org);
        const { password: _password, ...changes } = patch;
        await recordAudit(trx, whoOf(ctx), {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          orgUnit: assignments[0] ? { id: assignments[0].org_unit_id, path: assignments[0].org_unit_path } : null,
          details: { changes, ...(passwordHash ? { passwordReset: true } : {}) },
        });
        return reload(trx, ctx, id);
      });
    },

    async addAssignment(ctx: RequestContext, userId: string, input: NewAssignment): Promise<User> {
      return changeAccess(ctx, userId, async (trx, org, assignments) => {
        const [unit] = await checkAssignments(trx, ctx, [input], '');
        const duplicate = assignments.find((a) => a.role === input.role && a.org_unit_id === input.orgUnitId);
        if (!duplicate) {
          const id = input.id ?? newId();
          await repo.insertAssignment(trx, { organisation_id: org, id, user_id: userId, role: input.role, org_unit_id: input.orgUnitId, programs: input.programs });
          await recordAudit(trx, whoOf(ctx), {
            action: 'assignment.create',
            entityType: 'user',
            entityId: userId,
            orgUnit: { id: unit!.id, path: unit!.path },
            details: { assignmentId: id, role: input.role, orgUnitId: input.orgUnitId, programs: input.programs },
          });
        }
      });
    },

    async removeAssignment(ctx: RequestContext, userId: string, assignmentId: string): Promise<User> {
      return changeAccess(ctx, userId, async (trx, org, assignments) => {
        const target = assignments.find((a) => a.id === assignmentId);
        if (!target) throw new DomainError('not_found');
        await repo.deleteAssignment(trx, org, userId, assignmentId);
        await ensureAnAdministratorRemains(trx, org);
        await recordAudit(trx, whoOf(ctx), {
          action: 'assignment.delete',
          entityType: 'user',
          entityId: userId,
          orgUnit: { id: target.org_unit_id, path: target.org_unit_path },
          details: { assignmentId, role: target.role, orgUnitId: target.org_unit_id },
        });
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
