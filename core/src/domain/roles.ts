/**
 * Roles and what they may do: the declarative policy table (STYLE.md §4).
 * A role is granted on an org-unit subtree and a set of programs; a permission
 * is held where at least one assignment grants it.
 */
export const roles = [
  'administrator',
  'coordinator',
  'peer_educator',
  'social_worker',
  'clinician',
  'me_officer',
  'partner',
  'viewer',
  'network_coordinator',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'org_unit.read',
  'org_unit.manage',
  'program.manage',
  'settings.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'person.read',
  'person.write',
  'person.merge',
  'data.verify',
  'note.read',
  'contact.read',
  'service.write',
  'report.read',
  'report.drilldown',
  'target.manage',
  'indicator.manage',
  'import.run',
  'referral.send',
  'referral.receive',
  'case.read',
  'case.write',
  'directory.write',
  'directory.manage',
  'referral.override',
  'stock.manage',
  /** The person's rights under law 09-08 (ADR 0026): her subject access export and the erasure of her data. */
  'person.rights',
] as const;
export type Permission = (typeof permissions)[number];

const fieldWork: Permission[] = ['org_unit.read', 'person.read', 'person.write', 'service.write', 'report.read', 'report.drilldown', 'referral.send'];

/**
 * The policy table. Person-level permissions are absent from `viewer` and `partner` on purpose.
 * Case data is more sensitive than the registry: `case.read` and `case.write` go to the roles that
 * follow people (coordinators, social workers, clinicians), not to administrators or M&E; a peer
 * educator reads and writes the cases whose team she is on (cases.policy.ts).
 * The directory is read by everyone; `directory.write` edits the entries of one's own organisation,
 * `directory.manage` (network coordinators) those of the territories one's organisation coordinates.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  administrator: [
    'org_unit.read', 'org_unit.manage', 'program.manage', 'settings.manage', 'user.read', 'user.manage', 'audit.read',
    'person.read', 'person.write', 'service.write', 'data.verify', 'report.read', 'report.drilldown', 'target.manage', 'indicator.manage', 'import.run',
    'directory.write', 'stock.manage', 'person.rights',
  ],
  coordinator: [...fieldWork, 'case.read', 'case.write', 'referral.override', 'stock.manage', 'user.read', 'person.merge', 'data.verify', 'note.read', 'contact.read', 'target.manage', 'import.run', 'referral.receive', 'directory.write'],
  peer_educator: fieldWork,
  social_worker: [...fieldWork, 'case.read', 'case.write', 'note.read', 'contact.read', 'referral.receive'],
  clinician: [...fieldWork, 'case.read', 'case.write', 'note.read', 'contact.read', 'referral.receive'],
  me_officer: [...fieldWork, 'person.merge', 'data.verify', 'target.manage', 'import.run'],
  partner: ['org_unit.read', 'referral.receive'],
  viewer: ['org_unit.read', 'report.read'],
  network_coordinator: ['org_unit.read', 'report.read', 'directory.write', 'directory.manage'],
};

/** Does this role grant this permission? */
export function roleGrants(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** A role assignment as the policy sees it: the subtree is given by its materialised path. */
export interface ScopedAssignment {
  role: Role;
  orgUnitId: string;
  orgUnitPath: string;
  /** Program codes, or null for every program the organisation enables. */
  programs: string[] | null;
}

/** Paths of the subtrees where the permission is held (deduplicated, outermost only). */
export function scopeOf(assignments: readonly ScopedAssignment[], permission: Permission): string[] {
  const paths = assignments.filter((a) => roleGrants(a.role, permission)).map((a) => a.orgUnitPath);
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
  return kept;
}

/** Is this unit the organisation's root (the one unit without a parent)? */
export function isRootUnit(unit: { parentId: string | null }): boolean {
  return unit.parentId === null;
}

/** Is this subtree path the organisation's root unit's (one segment: `/<root id>/`)? */
export function isRootPath(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

/** Is a unit (by its path) inside one of the scope's subtrees? */
export function isInScope(scope: readonly string[], unitPath: string): boolean {
  return scope.some((root) => unitPath.startsWith(root));
}

/** Every permission held somewhere by these assignments. */
export function permissionsOf(assignments: readonly Pick<ScopedAssignment, 'role'>[]): Permission[] {
  const held = new Set<Permission>();
  for (const a of assignments) for (const p of rolePermissions[a.role]) held.add(p);
  return permissions.filter((p) => held.has(p));
}
