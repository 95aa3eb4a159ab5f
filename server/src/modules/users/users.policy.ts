import { isInScope, isRootPath } from '@relais/core';
import { holdsAt, scope, type Actor } from '../../context/index.ts';

/**
 * May an actor whose `user.read` (or `user.manage`) scope is `scopePaths` see a
 * user placed at `targetPaths` (the units of her assignments)? A user with no
 * assignment belongs to the whole organisation: only root-scoped actors see her.
 */
export function canSeeUser(scopePaths: readonly string[], targetPaths: readonly string[]): boolean {
  if (targetPaths.length === 0) return scopePaths.some(isRootPath);
  return targetPaths.some((p) => isInScope(scopePaths, p));
}

/** May the actor change this user? Only if every one of her assignments lies in the actor's `user.manage` scope. */
export function canManageUser(scopePaths: readonly string[], targetPaths: readonly string[]): boolean {
  if (targetPaths.length === 0) return scopePaths.some(isRootPath);
  return targetPaths.every((p) => isInScope(scopePaths, p));
}

/** Who may do what with users, on the actor (pure; checked before any change). */
export const usersPolicy = {
  /** The subtrees whose users she lists. */
  readableUnits: (actor: Actor): string[] => scope(actor, 'user.read'),
  /** A user placed at `targetPaths` she may see (else not_found). */
  see: (actor: Actor, targetPaths: readonly string[]): boolean => canSeeUser(scope(actor, 'user.read'), targetPaths),
  /** A user placed at `targetPaths` she may change. */
  manage: (actor: Actor, targetPaths: readonly string[]): boolean => canManageUser(scope(actor, 'user.manage'), targetPaths),
  /** Give a role at this unit: `user.manage` there. */
  assignAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'user.manage', unitPath),
} as const;
