// The audit module's public face: the one way a write records its audit line, and the wiring.
export { createAuditService, recordAudit, recordAudits, whoOf, type AuditService, type AuditWho, type AuditWhat } from './audit.service.ts';
export { registerAuditRoutes } from './audit.routes.ts';
