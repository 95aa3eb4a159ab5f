import { describe, expect, it } from 'vitest';
import { permissionsOf, roles, type Permission } from '@relais/core';
import { fr } from '../i18n/fr.ts';
import { navGroups, phoneShortcuts, visibleGroups } from './nav.ts';

describe('navigation', () => {
  const all = [...new Set(navGroups.flatMap((g) => g.screens.flatMap((s) => [...(s.permission ? [s.permission] : []), ...(s.anyOf ?? [])])))];

  it('shows every group and screen to whoever holds every permission', () => {
    expect(visibleGroups(all).map((g) => g.id)).toEqual(['field', 'followUp', 'reports', 'admin']);
    expect(visibleGroups(all).flatMap((g) => g.screens)).toHaveLength(navGroups.flatMap((g) => g.screens).length);
  });

  it('hides screens without their permission and groups left empty', () => {
    const readOnly: Permission[] = ['report.read'];
    expect(visibleGroups(readOnly).map((g) => [g.id, g.screens.map((s) => s.to)])).toEqual([
      ['field', ['/directory', '/circuits']],
      ['reports', ['/reports/performance', '/reports/pivot', '/reports/semester']],
    ]);
    // The directory and the care circuits are everyone's.
    expect(visibleGroups([]).map((g) => [g.id, g.screens.map((s) => s.to)])).toEqual([['field', ['/directory', '/circuits']]]);
  });

  it('gives each role of the product at least one screen (a partner: the directory, the circuits and the referrals it receives), and every screen a label in the catalogue', () => {
    for (const role of roles.filter((r) => r !== 'partner')) {
      const permissions = permissionsOf([{ role }]);
      expect(visibleGroups(permissions).length, role).toBeGreaterThan(0);
    }
    expect(visibleGroups(permissionsOf([{ role: 'partner' }])).flatMap((g) => g.screens.map((s) => s.to))).toEqual(['/directory', '/circuits', '/referrals']);
    for (const g of navGroups) {
      expect(fr[g.label]).toBeTruthy();
      for (const s of g.screens) expect([fr[s.label], fr[s.description]].every(Boolean), s.to).toBe(true);
    }
  });

  it('shows the directory to everyone, its to-verify list to those who may change entries', () => {
    const screensOf = (permissions: readonly Permission[]) => visibleGroups(permissions).flatMap((g) => g.screens.map((s) => s.to));
    expect(screensOf(permissionsOf([{ role: 'peer_educator' }]))).toContain('/directory');
    expect(screensOf(permissionsOf([{ role: 'peer_educator' }]))).not.toContain('/directory/to-verify');
    expect(screensOf(permissionsOf([{ role: 'network_coordinator' }]))).toEqual(expect.arrayContaining(['/directory', '/directory/to-verify']));
    expect(screensOf(permissionsOf([{ role: 'coordinator' }]))).toContain('/directory/to-verify');
  });

  it('shows "Orientations" to whoever sends or receives referrals, and to no one else', () => {
    const screensOf = (permissions: readonly Permission[]) => visibleGroups(permissions).flatMap((g) => g.screens.map((s) => s.to));
    expect(screensOf(['referral.send'])).toContain('/referrals');
    expect(screensOf(['referral.receive'])).toContain('/referrals');
    expect(screensOf(['person.read', 'report.read'])).not.toContain('/referrals');
  });

  it('puts at most four shortcuts on a phone, home first, those of the user’s permissions', () => {
    expect(phoneShortcuts([]).map((s) => s.to)).toEqual(['/']);
    expect(phoneShortcuts(['service.write', 'person.read', 'person.write', 'report.read']).map((s) => s.to)).toEqual(['/', '/contacts/new', '/beneficiaries', '/beneficiaries/new']);
    expect(phoneShortcuts(['report.read']).map((s) => s.to)).toEqual(['/', '/reports/performance']);
  });
});
