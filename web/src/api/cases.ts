/** The case management endpoints (issue 13); inputs and outputs are the core contracts. */
import { Case, CasePage, CaseSettings, type Assessment, type CaseQuery, type IncidentInput, type OpenCase } from '@relais/core';
import { request } from './client.ts';

export type CaseData = ReturnType<typeof Case.parse>;
export type CasePageData = ReturnType<typeof CasePage.parse>;
export type CaseSummaryData = CasePageData['items'][number];
export type CaseSettingsData = ReturnType<typeof CaseSettings.parse>;

const at = (id: string) => `/cases/${encodeURIComponent(id)}`;

/** The worklist's query (core `CaseQuery`), `program` one code or several separated by commas. */
export interface CaseFilters {
  scope?: CaseQuery['scope'];
  status?: CaseQuery['status'];
  program?: string;
  workerId?: string;
  orgUnitId?: string;
  beneficiaryId?: string;
  urgentOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** The worklist and the case search, most urgent first (the API sorts). */
export const listCases = (query: CaseFilters) => request('GET', '/cases', CasePage, { query: { ...query, urgentOnly: query.urgentOnly ? 'true' : undefined } });
export const getCase = (id: string) => request('GET', at(id), Case);
export const getCaseSettings = () => request('GET', '/cases/settings', CaseSettings);
/** Opens a case at reception (idempotent on the client-generated id). */
export const openCase = (body: OpenCase) => request('POST', '/cases', Case, { body });
export interface CasePatch {
  entryDoor?: string;
  caseWorkerId?: string;
  coWorkerIds?: string[];
  incident?: IncidentInput | null;
  assessment?: Assessment;
}
export const updateCase = (id: string, body: CasePatch) => request('PATCH', at(id), Case, { body });
export const closeCase = (id: string, body: { closedOn: string; reason: string; note: string | null }) => request('POST', `${at(id)}/close`, Case, { body });
export const reopenCase = (id: string, body: { note: string | null }) => request('POST', `${at(id)}/reopen`, Case, { body });
export const addAction = (id: string, body: { id: string; what: string; assigneeId: string | null; dueOn: string | null }) =>
  request('POST', `${at(id)}/actions`, Case, { body });
export const updateAction = (id: string, actionId: string, body: { status?: string; dueOn?: string | null; what?: string; assigneeId?: string | null }) =>
  request('PATCH', `${at(id)}/actions/${encodeURIComponent(actionId)}`, Case, { body });
export const addAppointment = (id: string, body: { id: string; at: string; purpose: string }) => request('POST', `${at(id)}/appointments`, Case, { body });
export const updateAppointment = (id: string, appointmentId: string, body: { status?: string; at?: string; purpose?: string }) =>
  request('PATCH', `${at(id)}/appointments/${encodeURIComponent(appointmentId)}`, Case, { body });
export const addCaseNote = (id: string, body: { id: string; body: string }) => request('POST', `${at(id)}/notes`, Case, { body });
