import type { Permission } from '@relais/core';
import type { IconName } from '../ui/index.ts';
import type { EntryKey } from '../i18n/fr.ts';

export interface AdminScreen {
  to: string;
  label: EntryKey;
  description: EntryKey;
  /** Who sees it; none: everyone signed in (the directory). */
  permission?: Permission;
  /** Or: whoever holds any of these (referrals: who sends or who receives). */
  anyOf?: readonly Permission[];
}

/** May a user holding these permissions open this screen? */
export function opens(permissions: readonly Permission[], s: Pick<AdminScreen, 'permission' | 'anyOf'>): boolean {
  return (!s.permission || permissions.includes(s.permission)) && (!s.anyOf || s.anyOf.some((p) => permissions.includes(p)));
}

/** The groups of the navigation, by task: field work, follow-up, reports, administration. */
export type NavGroupId = 'field' | 'followUp' | 'reports' | 'admin';

export interface NavGroup {
  id: NavGroupId;
  label: EntryKey;
  screens: readonly AdminScreen[];
}

// Referrals and the directory joined these groups (follow-up, field work,
// follow-up): a group is a task, not a module.
/** The navigation, grouped by task; each screen shows to whoever holds its permission. */
export const navGroups: readonly NavGroup[] = [
  {
    id: 'field',
    label: 'nav.field',
    screens: [
      { to: '/beneficiaries/new', label: 'shell.register', description: 'home.card.register', permission: 'person.write' },
      { to: '/contacts/new', label: 'shell.recordContact', description: 'home.card.recordContact', permission: 'service.write' },
      { to: '/contacts/quick', label: 'shell.quickContact', description: 'home.card.quickContact', permission: 'service.write' },
      { to: '/group-sessions/new', label: 'shell.groupSession', description: 'home.card.groupSession', permission: 'service.write' },
      { to: '/trainings', label: 'shell.trainings', description: 'home.card.trainings', permission: 'service.write' },
      { to: '/anonymous-services', label: 'shell.anonymousTally', description: 'home.card.anonymousTally', permission: 'service.write' },
      { to: '/ost/day', label: 'shell.ostDay', description: 'home.card.ostDay', permission: 'service.write' },
      { to: '/stock', label: 'shell.stock', description: 'home.card.stock', permission: 'service.write' },
      { to: '/directory', label: 'shell.directory', description: 'home.card.directory' },
      { to: '/circuits', label: 'shell.circuits', description: 'home.card.circuits' },
    ],
  },
  {
    id: 'followUp',
    label: 'nav.followUp',
    screens: [
      { to: '/beneficiaries', label: 'shell.beneficiaries', description: 'home.card.beneficiaries', permission: 'person.read' },
      { to: '/cases', label: 'shell.cases', description: 'home.card.cases', permission: 'case.read' },
      { to: '/referrals', label: 'shell.referrals', description: 'home.card.referrals', anyOf: ['referral.send', 'referral.receive'] },
      { to: '/disclosures', label: 'shell.disclosures', description: 'home.card.disclosures', permission: 'service.write' },
      { to: '/stories', label: 'shell.stories', description: 'home.card.stories', permission: 'case.read' },
      { to: '/duplicates', label: 'shell.duplicates', description: 'home.card.duplicates', permission: 'person.merge' },
      { to: '/verification', label: 'shell.verification', description: 'home.card.verification', permission: 'data.verify' },
      { to: '/directory/to-verify', label: 'shell.directoryToVerify', description: 'home.card.directoryToVerify', permission: 'directory.write' },
    ],
  },
  {
    id: 'reports',
    label: 'nav.reports',
    screens: [
      { to: '/reports/performance', label: 'shell.performance', description: 'home.card.performance', permission: 'report.read' },
      { to: '/reports/pivot', label: 'shell.pivot', description: 'home.card.pivot', permission: 'report.read' },
      { to: '/reports/semester', label: 'shell.semester', description: 'home.card.semester', permission: 'report.read' },
      { to: '/indicators', label: 'shell.indicators', description: 'home.card.indicators', permission: 'settings.manage' },
    ],
  },
  {
    id: 'admin',
    label: 'nav.admin',
    screens: [
      { to: '/org-units', label: 'shell.orgUnits', description: 'home.card.orgUnits', permission: 'org_unit.manage' },
      { to: '/programs', label: 'shell.programs', description: 'home.card.programs', permission: 'program.manage' },
      { to: '/users', label: 'shell.users', description: 'home.card.users', permission: 'user.manage' },
      { to: '/imports', label: 'shell.imports', description: 'home.card.imports', permission: 'import.run' },
      { to: '/registry-settings', label: 'shell.registrySettings', description: 'home.card.registrySettings', permission: 'settings.manage' },
      { to: '/privacy', label: 'shell.privacy', description: 'home.card.privacy', permission: 'settings.manage' },
      { to: '/audit', label: 'shell.audit', description: 'home.card.audit', permission: 'audit.read' },
    ],
  },
];

/** The groups as this user sees them: only the screens their permissions open, and no empty group. */
export function visibleGroups(permissions: readonly Permission[]): NavGroup[] {
  return navGroups
    .map((g) => ({ ...g, screens: g.screens.filter((s) => opens(permissions, s)) }))
    .filter((g) => g.screens.length > 0);
}

export interface Shortcut {
  to: string;
  /** A short label: the bottom bar of a phone has five places. */
  label: EntryKey;
  icon: IconName;
  permission?: Permission;
}

// A peer educator's day: record the contacts, find or register a person. Reports come in for
// those who read them but do no field work.
const shortcuts: readonly Shortcut[] = [
  { to: '/', label: 'nav.short.home', icon: 'home' },
  { to: '/contacts/new', label: 'nav.short.contact', icon: 'contact', permission: 'service.write' },
  { to: '/beneficiaries', label: 'nav.short.persons', icon: 'people', permission: 'person.read' },
  { to: '/beneficiaries/new', label: 'nav.short.register', icon: 'person-add', permission: 'person.write' },
  { to: '/reports/performance', label: 'nav.short.reports', icon: 'chart', permission: 'report.read' },
];

/** The phone's bottom bar: up to four screens this user may open (a "more" menu holds the rest). */
export function phoneShortcuts(permissions: readonly Permission[]): Shortcut[] {
  return shortcuts.filter((s) => !s.permission || permissions.includes(s.permission)).slice(0, 4);
}
