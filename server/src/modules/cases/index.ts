// The cases module's public face.
export { createCasesService, type CasesService } from './cases.service.ts';
export { registerCaseRoutes } from './cases.routes.ts';
export { casesPolicy } from './cases.policy.ts';
// The cases import writes through the module (one write path): many cases at once, with their history.
export { openMany, selectCasesByIds, selectOpenCasesOf, type ImportedCase } from './cases-bulk.ts';
