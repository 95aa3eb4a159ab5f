import { isInScope, isRootPath, permissionsOf, roleGrants, scopeOf, type Locale, type Permission, type ScopedAssignment } from '@relais/core';

/** An assignment with what the UI shows of its unit. */
export interface ActorAssignment extends ScopedAssignment {
  id: string;
  orgUnitCode: string;
  orgUnitName: string;
}

/** The authenticated user of a request, with her organisation and role assignments. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: Locale;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  assignments: ActorAssignment[];
  /** `restricted`: the session may only set up a second factor (ADR 0031). */
  session: { tokenHash: string; csrfToken: string; expiresAt: Date; restricted?: 'totp_setup' | null };
  /** Whether she logs in with a second factor (TOTP). */
  secondFactor?: boolean;
  /** Her organisation's configuration version as her session's read found it (ADR 0046; `orgConfig`). */
  configVersion?: string;
  /** Her low-literacy mode (ADR 0042): the field screens show pictograms first. */
  lowLiteracy?: boolean;
}

/** What a service needs to know about the request beyond its input: who, and audit metadata. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string;
}

/** Subtree paths where the actor holds a permission. */
export function scope(actor: Actor, permission: Permission): string[] {
  return scopeOf(actor.assignments, permission);
}

export function holds(actor: Actor, permission: Permission): boolean {
  return scope(actor, permission).length > 0;
}

/** Does the actor hold the permission on the whole organisation (at its root unit)? */
export function holdsAtRoot(actor: Actor, permission: Permission): boolean {
  return scope(actor, permission).some(isRootPath);
}

export function holdsAt(actor: Actor, permission: Permission, unitPath: string): boolean {
  return isInScope(scope(actor, permission), unitPath);
}

export function permissionsOfActor(actor: Actor): Permission[] {
  return permissionsOf(actor.assignments);
}

/**
 * Where an actor holds a permission, with the programs of each place: the
 * assignments granting it (a role is granted on a subtree *and* a set of
 * programs; null = every program).
 */
export function programScope(actor: Actor, permission: Permission): Array<{ path: string; programs: string[] | null }> {
  return actor.assignments.filter((a) => roleGrants(a.role, permission)).map((a) => ({ path: a.orgUnitPath, programs: a.programs }));
}

/** Does the actor hold the permission on this unit for this program? */
export function holdsFor(actor: Actor, permission: Permission, unitPath: string, program: string): boolean {
  return programScope(actor, permission).some((p) => unitPath.startsWith(p.path) && (p.programs === null || p.programs.includes(program)));
}
