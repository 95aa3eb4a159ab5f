// The cases module's public face.
export { createCasesService, type CasesService } from './cases.service.ts';
export { registerCaseRoutes } from './cases.routes.ts';
export { casesPolicy } from './cases.policy.ts';
