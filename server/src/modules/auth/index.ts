// The auth module's public face.
export { createAuthService, meOf, type AuthService, type NewSession } from './auth.service.ts';
export { registerAuthRoutes, setSessionCookie, SESSION_COOKIE } from './auth.routes.ts';
export { createSecondFactorService } from './second-factor.ts';
// Used by users (a change of access ends the sessions; assignments as the session sees them)
// and by the command line; each takes the caller's transaction.
export { deleteUserSessions, findOrganisationByCode, selectAssignments } from './auth.repository.ts';
