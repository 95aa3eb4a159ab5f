// The org-units module's public face.
export { createOrgUnitsService, findUnitKept, selectUnitsUnderKept, unitWhere, type OrgUnitsService, type Unit } from './org-units.service.ts';
export { registerOrgUnitRoutes } from './org-units.routes.ts';
// Read-only lookups other modules run inside their own transaction.
export { findUnit, findUnitByCode, selectUnitsUnder, selectUnitTerritory } from './org-units.repository.ts';
// The org-units import adds units and finds them by code.
export { insertUnit, selectUnitsByCode } from './org-units.repository.ts';
