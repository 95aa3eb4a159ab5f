/** Awareness cascades (issue 14): trainings, the people trained, disclosures; the core contracts parse every answer. */
import { Disclosure, DisclosurePage, TraineePage, Training, TrainingPage, type AttendanceInput, type CircuitEntryInput, type DisclosureInput, type TrainingInput } from '@relais/core';
import { request } from '../../api/client.ts';

export type TrainingData = ReturnType<typeof Training.parse>;
export type TrainingSummaryData = TrainingData['training'];
export type CascadeNodeData = TrainingData['cascade'][number];
export type CascadeSessionData = CascadeNodeData['sessions'][number];
export type TraineeData = TrainingData['attendance'][number]['trainee'];
export type DisclosureData = ReturnType<typeof Disclosure.parse>;

const training = (id: string) => `/trainings/${encodeURIComponent(id)}`;

export const listTrainings = (q: { program?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number }) => request('GET', '/trainings', TrainingPage, { query: q });
export const getTraining = (id: string) => request('GET', training(id), Training);
/** Idempotent on the client-generated id. */
export const createTraining = (body: TrainingInput) => request('POST', '/trainings', Training, { body });
export const addAttendance = (id: string, body: AttendanceInput) => request('POST', `${training(id)}/attendance`, Training, { body });
export const setAttended = (id: string, traineeId: string, attended: boolean) =>
  request('PUT', `${training(id)}/attendance/${encodeURIComponent(traineeId)}`, Training, { body: { attended } });
export const searchTrainees = (search: string) => request('GET', '/trainees', TraineePage, { query: { search, limit: 20 } });

export const listDisclosures = (q: { status?: 'waiting' | 'entered' | 'any'; program?: string | undefined; groupSessionId?: string | undefined }) =>
  request('GET', '/disclosures', DisclosurePage, { query: q });
export const createDisclosure = (body: DisclosureInput) => request('POST', '/disclosures', Disclosure, { body });
export const enterCircuit = (id: string, body: CircuitEntryInput) => request('POST', `/disclosures/${encodeURIComponent(id)}/circuit`, Disclosure, { body });
