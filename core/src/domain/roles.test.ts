import { describe, expect, it } from 'vitest';
import { isInScope, permissionsOf, roleGrants, roles, scopeOf, type ScopedAssignment } from './roles.ts';

describe('role policy', () => {
  it('keeps person-level data away from viewers and partners', () => {
    for (const role of ['viewer', 'partner'] as const) {
      expect(roleGrants(role, 'person.read')).toBe(false);
      expect(roleGrants(role, 'report.drilldown')).toBe(false);
    }
    expect(roleGrants('viewer', 'report.read')).toBe(true);
    expect(roleGrants('partner', 'referral.receive')).toBe(true);
  });

  it('lets only administrators manage users, units and see the audit log', () => {
    const managers = roles.filter((r) => roleGrants(r, 'user.manage'));
    expect(managers).toEqual(['administrator']);
    expect(roles.filter((r) => roleGrants(r, 'audit.read'))).toEqual(['administrator']);
  });

  it('scopes a permission to the subtrees of the assignments that grant it', () => {
    const a: ScopedAssignment[] = [
      { role: 'viewer', orgUnitId: 'root', orgUnitPath: '/root/', programs: null },
      { role: 'coordinator', orgUnitId: 'a', orgUnitPath: '/root/a/', programs: null },
      { role: 'peer_educator', orgUnitId: 'a1', orgUnitPath: '/root/a/a1/', programs: ['prev_ps'] },
    ];
    expect(scopeOf(a, 'person.read')).toEqual(['/root/a/']); // the inner subtree is inside the outer one
    expect(scopeOf(a, 'report.read')).toEqual(['/root/']);
    expect(scopeOf(a, 'user.manage')).toEqual([]);
    expect(isInScope(['/root/a/'], '/root/a/a1/x/')).toBe(true);
    expect(isInScope(['/root/a/'], '/root/b/')).toBe(false);
    expect(isInScope(['/root/a/'], '/root/ab/')).toBe(false); // prefix on whole segments
    expect(permissionsOf(a)).toContain('person.merge');
  });
});
