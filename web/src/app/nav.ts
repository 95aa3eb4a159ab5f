import type { Permission } from '@relais/core';
import type { WebKey } from '../i18n/fr.ts';

export interface AdminScreen {
  to: string;
  label: WebKey;
  description: WebKey;
  permission: Permission;
}

/** The service capture screens (field work, data verification) and the permission that shows each one. */
export const captureScreens: readonly AdminScreen[] = [
  { to: '/contacts/new', label: 'shell.recordContact', description: 'home.card.recordContact', permission: 'service.write' },
  { to: '/group-sessions/new', label: 'shell.groupSession', description: 'home.card.groupSession', permission: 'service.write' },
  { to: '/verification', label: 'shell.verification', description: 'home.card.verification', permission: 'data.verify' },
];

/** The registry screens (field work) and the permission that shows each one. */
export const registryScreens: readonly AdminScreen[] = [
  { to: '/beneficiaries/new', label: 'shell.register', description: 'home.card.register', permission: 'person.write' },
  { to: '/beneficiaries', label: 'shell.beneficiaries', description: 'home.card.beneficiaries', permission: 'person.read' },
  { to: '/duplicates', label: 'shell.duplicates', description: 'home.card.duplicates', permission: 'person.merge' },
];

/** The data screens (file import) and the permission that shows each one. */
export const dataScreens: readonly AdminScreen[] = [
  { to: '/imports', label: 'shell.imports', description: 'home.card.imports', permission: 'import.run' },
];

/** The report screens (coordinators, directors) and the permission that shows each one. */
export const reportScreens: readonly AdminScreen[] = [
  { to: '/reports/performance', label: 'shell.performance', description: 'home.card.performance', permission: 'report.read' },
  { to: '/reports/pivot', label: 'shell.pivot', description: 'home.card.pivot', permission: 'report.read' },
];

/** The admin screens and the permission that shows each one (header links and home cards). */
export const adminScreens: readonly AdminScreen[] = [
  { to: '/users', label: 'shell.users', description: 'home.card.users', permission: 'user.manage' },
  { to: '/org-units', label: 'shell.orgUnits', description: 'home.card.orgUnits', permission: 'org_unit.manage' },
  { to: '/programs', label: 'shell.programs', description: 'home.card.programs', permission: 'program.manage' },
  { to: '/registry-settings', label: 'shell.registrySettings', description: 'home.card.registrySettings', permission: 'settings.manage' },
  { to: '/indicators', label: 'shell.indicators', description: 'home.card.indicators', permission: 'settings.manage' },
  { to: '/audit', label: 'shell.audit', description: 'home.card.audit', permission: 'audit.read' },
];
