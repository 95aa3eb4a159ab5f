/** One function per API endpoint; inputs and outputs are the core contracts. */
import {
  AuditPage,
  Health,
  Me,
  Ok,
  OrgUnit,
  OrgUnitList,
  Program,
  ProgramList,
  SetupStatus,
  User,
  UserList,
  type CreateOrgUnit,
  type CreateUser,
  type Locale,
  type LoginRequest,
  type NewAssignment,
  type PasswordChange,
  type ProgramCode,
  type SetupRequest,
  type UpdateOrgUnit,
  type UpdateUser,
} from '@relais/core';
import { request } from './client.ts';

export type AuditPageData = ReturnType<typeof AuditPage.parse>;
export type UserListData = ReturnType<typeof UserList.parse>;

export const getHealth = () => request('GET', '/health', Health);

export const getSetupStatus = () => request('GET', '/setup', SetupStatus);
export const runSetup = (body: SetupRequest) => request('POST', '/setup', Me, { body, skipCsrf: true });

export const login = (body: LoginRequest) => request('POST', '/auth/login', Me, { body, skipCsrf: true, quietUnauthenticated: true });
export const logout = () => request('POST', '/auth/logout', Ok, { quietUnauthenticated: true });
export const getMe = () => request('GET', '/auth/me', Me, { quietUnauthenticated: true });
export const changePassword = (body: PasswordChange) => request('POST', '/auth/password', Ok, { body });
export const updateLocale = (locale: Locale) => request('PUT', '/auth/locale', Ok, { body: { locale } });

export const listOrgUnits = () => request('GET', '/org-units', OrgUnitList);
export const createOrgUnit = (body: CreateOrgUnit) => request('POST', '/org-units', OrgUnit, { body });
export const updateOrgUnit = (id: string, body: UpdateOrgUnit) => request('PATCH', `/org-units/${encodeURIComponent(id)}`, OrgUnit, { body });

export const listPrograms = () => request('GET', '/programs', ProgramList);
export const updateProgram = (code: ProgramCode, enabled: boolean) =>
  request('PATCH', `/programs/${encodeURIComponent(code)}`, Program, { body: { enabled } });

export const listUsers = (query: { q?: string; limit?: number; offset?: number }) => request('GET', '/users', UserList, { query });
export const getUser = (id: string) => request('GET', `/users/${encodeURIComponent(id)}`, User);
export const createUser = (body: CreateUser) => request('POST', '/users', User, { body });
export const updateUser = (id: string, body: UpdateUser) => request('PATCH', `/users/${encodeURIComponent(id)}`, User, { body });
export const addAssignment = (userId: string, body: NewAssignment) =>
  request('POST', `/users/${encodeURIComponent(userId)}/assignments`, User, { body });
export const removeAssignment = (userId: string, assignmentId: string) =>
  request('DELETE', `/users/${encodeURIComponent(userId)}/assignments/${encodeURIComponent(assignmentId)}`, User);

export interface AuditFilters {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}
export const listAudit = (filters: AuditFilters & { before?: number | null; limit?: number }) =>
  request('GET', '/audit', AuditPage, { query: { ...filters } });
