// The directory module's public face: the network's directory of actors and services (issue 14).
export { createDirectoryService, type DirectoryUseCases } from './directory.service.ts';
export { registerDirectoryRoutes } from './directory.routes.ts';
export { directoryPolicy } from './directory.policy.ts';
export { registerHsdsRoutes } from './hsds.routes.ts';
export { importDirectory, type DirectoryImportReport } from './hsds-import.ts';
export { exportDirectory } from './hsds-export.ts';
export { stableId } from './hsds-export.ts';
export { SERVICE_TYPE_TAXONOMY } from './hsds.schema.ts';
