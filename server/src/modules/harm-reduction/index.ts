// Harm reduction (issue 17, ADR 0029): anonymous tallies at a site, the OST register and its daily dispensing.
export { createAnonymousService, type AnonymousService } from './anonymous.service.ts';
export { createOstService, type OstService } from './ost.service.ts';
export { registerHarmReductionRoutes } from './harm-reduction.routes.ts';
