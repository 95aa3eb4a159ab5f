// The person's rights under law 09-08 (issue 18, ADR 0026): the module's public face.
export { createPrivacyService, type PrivacyService } from './privacy.service.ts';
export { registerPrivacyRoutes } from './privacy.routes.ts';
// The daily retention job (server start) and the `relais retention` command.
export { applyRetentionEverywhere } from './retention.service.ts';
