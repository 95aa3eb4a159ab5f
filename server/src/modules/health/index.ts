// The health module's public face.
export { registerHealthRoutes } from './health.routes.ts';
