// The service-definitions module's public face: services an organisation defines itself (ADR 0028).
export { createServiceDefinitionsService, loadDefinedServices, type ServiceDefinitionsService } from './service-definitions.service.ts';
export { registerServiceDefinitionRoutes } from './service-definitions.routes.ts';
