/** The person's rights under law 09-08 (ADR 0026); the core contracts parse every answer. */
import { ErasureResult, ProcessingRegister, RetentionRun, RetentionSettings, SubjectAccess, type ErasureInput } from '@relais/core';
import { request } from '../../api/client.ts';

const person = (id: string) => `/beneficiaries/${encodeURIComponent(id)}`;

export type SubjectAccessData = SubjectAccess;
export const getSubjectAccess = (beneficiaryId: string) => request('GET', `${person(beneficiaryId)}/subject-access`, SubjectAccess);
export const erasePerson = (beneficiaryId: string, body: ErasureInput) => request('POST', `${person(beneficiaryId)}/erase`, ErasureResult, { body });

export const getRetention = () => request('GET', '/privacy/retention', RetentionSettings);
export const putRetention = (body: RetentionSettings) => request('PUT', '/privacy/retention', RetentionSettings, { body });
export const runRetention = () => request('POST', '/privacy/retention/run', RetentionRun, { body: {} });
export const getProcessingRegister = () => request('GET', '/privacy/register', ProcessingRegister);
