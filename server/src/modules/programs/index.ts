// The programs module's public face.
export { createProgramsService, type ProgramsService } from './programs.service.ts';
export { registerProgramRoutes } from './programs.routes.ts';
