// Consent and referrals between organisations (issue 15): the module's public face.
export { createConsentsService, personConsents, type ConsentsService } from './consents.service.ts';
export { createReferralsService, type ReferralsService } from './referrals.service.ts';
export { registerReferralRoutes } from './referrals.routes.ts';
