// The awareness cascades' public face (issue 14): trainings, people trained, disclosures.
export { createTrainingsService, type TrainingsService } from './cascades.service.ts';
export { createDisclosuresService, type DisclosuresService } from './disclosures.service.ts';
export { registerCascadeRoutes } from './cascades.routes.ts';
