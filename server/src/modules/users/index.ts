// The users module's public face.
export { createUsersService, insertUserWithAssignments, type UsersService } from './users.service.ts';
export { registerUserRoutes } from './users.routes.ts';
