import { AssignmentParams, CreateUser, IdParams, NewAssignment, UpdateUser, User, UserList, UserQuery } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { UsersService } from './users.service.ts';

export function registerUserRoutes(router: Router, users: UsersService): void {
  router.session({
    method: 'GET',
    url: '/users',
    summary: 'Users assigned in the subtrees the caller may read',
    tag: 'users',
    permission: 'user.read',
    query: UserQuery,
    response: UserList,
    handler: ({ ctx, query }) => users.listUsers(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/users/:id',
    summary: 'One user with her assignments (read is audited)',
    tag: 'users',
    permission: 'user.read',
    params: IdParams,
    response: User,
    handler: ({ ctx, params }) => users.getUser(ctx, params.id),
  });
  router.create({
    method: 'POST',
    url: '/users',
    summary: 'Create a user with role assignments (idempotent on a client-generated id)',
    tag: 'users',
    permission: 'user.manage',
    body: CreateUser,
    response: User,
    record: 'user',
    handler: ({ ctx, body }) => users.createUser(ctx, body),
  });
  router.session({
    method: 'PATCH',
    url: '/users/:id',
    summary: 'Change a user’s name, language, active flag, or reset her password',
    tag: 'users',
    permission: 'user.manage',
    params: IdParams,
    body: UpdateUser,
    response: User,
    handler: ({ ctx, params, body }) => users.updateUser(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/users/:id/assignments',
    summary: 'Grant a role on an org-unit subtree and programs',
    tag: 'users',
    permission: 'user.manage',
    params: IdParams,
    body: NewAssignment,
    response: User,
    handler: ({ ctx, params, body }) => users.addAssignment(ctx, params.id, body),
  });
  router.session({
    method: 'DELETE',
    url: '/users/:id/assignments/:assignmentId',
    summary: 'Withdraw a role assignment',
    tag: 'users',
    permission: 'user.manage',
    params: AssignmentParams,
    response: User,
    handler: ({ ctx, params }) => users.removeAssignment(ctx, params.id, params.assignmentId),
  });
}
