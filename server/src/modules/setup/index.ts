// The setup module's public face: the first organisation (API, command line, demo, tests).
export { createOrganisation, createSetupService, type CreatedOrganisation, type SetupService } from './setup.service.ts';
export { registerSetupRoutes } from './setup.routes.ts';
// The operator's command line: its context on an organisation, a unit by code, the audit line of a restore.
export { auditRestore, operatorContext, unitByCode } from './operator.service.ts';
