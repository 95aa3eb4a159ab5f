/** One function per API endpoint; inputs and outputs are the core contracts. */
import {
  AuditPage,
  Beneficiary,
  ContactResult,
  ServicePage,
  ServiceRecord,
  Verification,
  BeneficiaryPage,
  CodeCheckResult,
  DuplicatePage,
  Health,
  IndicatorItem,
  MergeList,
  MergeResult,
  Me,
  Ok,
  OrgUnit,
  OrgUnitList,
  Program,
  ProgramList,
  RegistrySettings,
  ReportResult,
  SavedList,
  SavedListList,
  SetupChecklist,
  SetupStatus,
  TargetInput,
  User,
  UserList,
  type CreateOrgUnit,
  type BeneficiarySearch,
  type CreateUser,
  type IndicatorInput,
  type Locale,
  type LoginRequest,
  type NewAssignment,
  type PasswordChange,
  type PreferencesUpdate,
  type ProgramCode,
  type ProgramServiceSettings,
  type RecordContact,
  type RecordGroupSession,
  type RegisterBeneficiary,
  type ReportQuery,
  type SetupRequest,
  type UpdateBeneficiary,
  type UpdateOrgUnit,
  type UpdateUser,
  VoiceNote,
} from '@relais/core';
import { parseCatalogue, parseCatalogueProgram } from './catalogue.ts';
import { readEarlyAnswer, request, requestFile, upload, type Parser } from './client.ts';
import { parseImportReport, type ImportKind } from './import-report.ts';
import { parseIndicators } from './indicators.ts';

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
export const getSetupChecklist = () => request('GET', '/setup/checklist', SetupChecklist);
export const runSetup = (body: SetupRequest) => request('POST', '/setup', Me, { body, skipCsrf: true });

export const login = (body: LoginRequest) => request('POST', '/auth/login', Me, { body, skipCsrf: true, quietUnauthenticated: true });
/** The answer to the login the written form sent before the app started (ADR 0043). */
export const loginAnswered = (answer: Promise<{ status: number; text: string } | null>) => readEarlyAnswer('POST', '/auth/login', answer, Me, { quietUnauthenticated: true });
export const logout = () => request('POST', '/auth/logout', Ok, { quietUnauthenticated: true });
export const getMe = () => request('GET', '/auth/me', Me, { quietUnauthenticated: true });
export const changePassword = (body: PasswordChange) => request('POST', '/auth/password', Ok, { body });
export const updateLocale = (locale: Locale) => request('PUT', '/auth/locale', Ok, { body: { locale } });
export const updatePreferences = (body: PreferencesUpdate) => request('PUT', '/auth/preferences', Ok, { body });

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

/** Services with the fields each takes, and the enabled programs' services, reach and paquet minimum. */
export const getCatalogue = () => request('GET', '/catalogue', { parse: parseCatalogue });
/** Sets a program's services, those that count as reached and its paquet minimum (`settings.manage` on the root unit). */
export const updateProgramServices = (code: ProgramCode, body: ProgramServiceSettings) =>
  request('PUT', `/catalogue/programs/${encodeURIComponent(code)}`, { parse: parseCatalogueProgram }, { body });

export type ContactResultData = ReturnType<typeof ContactResult.parse>;
export type ServiceRecordData = ReturnType<typeof ServiceRecord.parse>;
export type ServicePageData = ReturnType<typeof ServicePage.parse>;
export type VerificationData = ReturnType<typeof Verification.parse>;
export type VerificationFlag = VerificationData['flags'][number];
export interface ServiceFilters {
  beneficiaryId?: string;
  orgUnitId?: string;
  workerId?: string;
  program?: string;
  /** One service code, or several separated by commas. */
  service?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}
/** The fields a correction may change (exactly those named). */
export interface ServicePatch {
  quantity?: number | null;
  result?: string | null;
  strategy?: string | null;
  modality?: string | null;
  kind?: string | null;
  treated?: boolean | null;
  platform?: string | null;
  note?: string | null;
  date?: string;
  workerId?: string;
}

/** Records one or several services for one person (idempotent on the client-generated ids). */
export const recordContact = (body: RecordContact) => request('POST', '/contacts', ContactResult, { body });
/** Attaches a recording to a contact (idempotent on the note's id, ADR 0035). */
export const attachVoiceNote = (id: string, contactId: string, audio: Blob) =>
  upload(`/voice-notes/${id}`, audio, VoiceNote, { method: 'PUT', query: { contactId }, contentType: audio.type.split(';')[0] || 'audio/webm' });
/** A voice note's audio, for readers of the contact's notes (each playback audited). */
export const playVoiceNote = (id: string) => requestFile('GET', `/voice-notes/${id}`, 'note');
export const listServices = (query: ServiceFilters) => request('GET', '/services', ServicePage, { query: { ...query } });
export const updateService = (id: string, body: ServicePatch) => request('PATCH', `/services/${encodeURIComponent(id)}`, ServiceRecord, { body });
export const deleteService = (id: string) => request('DELETE', `/services/${encodeURIComponent(id)}`, Ok);
/** Corrects an HIV test's register number, once (paper register transcription). */
export const setRegisterNo = (id: string, registerNo: number) =>
  request('PUT', `/services/${encodeURIComponent(id)}/register-no`, ServiceRecord, { body: { registerNo } });

const CreatedId: Parser<{ id: string }> = {
  parse(data) {
    const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') throw new Error('Expected { id }');
    return { id };
  },
};
export const recordGroupSession = (body: RecordGroupSession) => request('POST', '/group-sessions', CreatedId, { body });

/** A month's data verification of a unit: counts by worker and service, and flagged records. */
export const getVerification = (query: { orgUnitId: string; month: string }) => request('GET', '/verification', Verification, { query });

/** The media type of an import file, from its name: XLSX, else CSV (the server reads the content anyway). */
export function importContentType(fileName: string): string {
  return /\.xlsx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

export interface ImportProgress {
  /** Bytes of the file sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** The whole file is sent: the server is checking (and writing) it. */
  onSent?: () => void;
  signal?: AbortSignal;
}

/**
 * Checks (`dryRun`) or imports a CSV or XLSX file of one kind, whole or not at all.
 * `fileName` gives the Content-Type; the answer lists every rejected cell.
 */
export const runImport = (kind: ImportKind, file: Blob, fileName: string, dryRun: boolean, progress: ImportProgress = {}) =>
  upload('/imports', file, { parse: parseImportReport }, { query: { kind, dryRun: String(dryRun) }, contentType: importContentType(fileName), ...progress });

export type ReportRowData = ReturnType<typeof ReportResult.parse>['rows'][number];
/** The input of a report (core `ReportQuery`), every field given. */
export type ReportRequest = ReportQuery;
export type TargetData = ReturnType<typeof TargetInput.parse>;

/** The indicator definitions (code and measure) the reports can compute. */
export const listIndicators = () => request('GET', '/indicators', { parse: parseIndicators });
/** Adds an indicator of the organisation (administrators at the root). */
export const createIndicator = (body: IndicatorInput) => request('POST', '/indicators', IndicatorItem, { body });
/** Deletes an indicator of the organisation (refused while a ratio uses it). */
export const deleteIndicator = (code: string) => request('DELETE', `/indicators/${encodeURIComponent(code)}`, Ok);
/** Computes indicators for a program and period, broken down by dimensions, with totals (`*`) and targets. */
export const queryReport = (body: ReportRequest) => request('POST', '/reports/query', ReportResult, { body });
/** How an XLSX report is laid out: as the performance framework or the pivot on screen (then every row), or the rows alone. */
export type ReportLayout = 'performance' | 'pivot' | 'rows';
/** The same report as a file (XLSX or CSV, labels in the user's language). */
export const exportReport = (body: ReportRequest, format: 'xlsx' | 'csv', layout: ReportLayout = 'rows') =>
  requestFile('POST', '/reports/export', `relais-${body.program}-${body.period}.${format}`, { body, query: { format, layout } });
/** Sets a target (indicator × program × org unit × period); `target.manage` on that unit. */
export const setTarget = (body: TargetData) => request('PUT', '/targets', TargetInput, { body });
