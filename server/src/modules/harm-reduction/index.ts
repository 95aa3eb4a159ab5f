// Harm reduction (issue 17, ADR 0029, 0033): anonymous tallies at a site, the OST register and its daily dispensing, insertion pathways.
export { createAnonymousService, type AnonymousService } from './anonymous.service.ts';
export { createOstService, type OstService } from './ost.service.ts';
export { createInsertionService, type InsertionService } from './insertion.service.ts';
export { registerHarmReductionRoutes } from './harm-reduction.routes.ts';
// Imports write steps through these (the rows checked there with `insertionRow`).
export { insertSteps, selectStepOwners } from './insertion.repository.ts';
export { HARM_REDUCTION, harmReductionPolicy } from './harm-reduction.policy.ts';
