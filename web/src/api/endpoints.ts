/** One function per API endpoint; inputs and outputs are the core contracts. */
import {
  AuditPage,
  Beneficiary,
  BeneficiaryPage,
  CodeCheckResult,
  DuplicatePage,
  Health,
  MergeList,
  MergeResult,
  Me,
  Ok,
  OrgUnit,
  OrgUnitList,
  Program,
  ProgramList,
  RegistrySettings,
  SavedList,
  SavedListList,
  SetupStatus,
  User,
  UserList,
  type CreateOrgUnit,
  type BeneficiarySearch,
  type CreateUser,
  type Locale,
  type LoginRequest,
  type NewAssignment,
  type PasswordChange,
  type ProgramCode,
  type RegisterBeneficiary,
  type SetupRequest,
  type UpdateBeneficiary,
  type UpdateOrgUnit,
  type UpdateUser,
} from '@relais/core';
import { request } from './client.ts';

export type AuditPageData = ReturnType<typeof AuditPage.parse>;
export type UserListData = ReturnType<typeof UserList.parse>;
export type BeneficiaryPageData = ReturnType<typeof BeneficiaryPage.parse>;
export type BeneficiarySummary = BeneficiaryPageData['items'][number];
export type DuplicatePageData = ReturnType<typeof DuplicatePage.parse>;
export type DuplicatePair = DuplicatePageData['items'][number];
export type MergeData = ReturnType<typeof MergeList.parse>['items'][number];
export type SavedListData = ReturnType<typeof SavedList.parse>;
/** The filters of a saved list (search filters, plus "not seen for N days"). */
export type SavedListFilters = SavedListData['filters'];
export interface SavedListRequest {
  id?: string;
  name: string;
  filters: SavedListFilters;
  shared: boolean;
}

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

export const getRegistrySettings = () => request('GET', '/registry/settings', RegistrySettings);
export const updateRegistrySettings = (body: RegistrySettings) => request('PUT', '/registry/settings', RegistrySettings, { body });

/** The code-first check: malformed parts, the exact person, a person elsewhere, probable duplicates. */
export const checkBeneficiaryCode = (code: string) => request('GET', '/beneficiaries/check', CodeCheckResult, { query: { code } });
export const registerBeneficiary = (body: RegisterBeneficiary) => request('POST', '/beneficiaries', Beneficiary, { body });
/** Serve a person known in another section: brings her into this unit. */
export const claimBeneficiary = (body: { code: string; orgUnitId: string }) => request('POST', '/beneficiaries/claim', Beneficiary, { body });
export const searchBeneficiaries = (query: Partial<BeneficiarySearch>) => request('GET', '/beneficiaries', BeneficiaryPage, { query: { ...query } });
export const getBeneficiary = (id: string) => request('GET', `/beneficiaries/${encodeURIComponent(id)}`, Beneficiary);
export const updateBeneficiary = (id: string, body: UpdateBeneficiary) =>
  request('PATCH', `/beneficiaries/${encodeURIComponent(id)}`, Beneficiary, { body });

export const listDuplicates = (query: { limit?: number; offset?: number }) => request('GET', '/duplicates', DuplicatePage, { query });
/** "Not the same person": the pair is not proposed again. */
export const markDistinct = (body: { a: string; b: string }) => request('POST', '/duplicates/distinct', Ok, { body });
export const mergeBeneficiaries = (body: { keepId: string; mergeId: string }) => request('POST', '/merges', MergeResult, { body });
export const listMerges = (query: { beneficiaryId?: string } = {}) => request('GET', '/merges', MergeList, { query });
export const undoMerge = (id: string) => request('POST', `/merges/${encodeURIComponent(id)}/undo`, Beneficiary);

export const listSavedLists = () => request('GET', '/saved-lists', SavedListList);
export const createSavedList = (body: SavedListRequest) => request('POST', '/saved-lists', SavedList, { body });
export const deleteSavedList = (id: string) => request('DELETE', `/saved-lists/${encodeURIComponent(id)}`, Ok);
