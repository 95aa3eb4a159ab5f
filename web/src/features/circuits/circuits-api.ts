/** Care circuits (issue 14): inputs and outputs are the core contracts. */
import { CaseCircuit, Circuit, CircuitSummary, type CircuitInput, type CircuitRevisionInput } from '@relais/core';
import { request, type Parser } from '../../api/client.ts';

export type CircuitData = ReturnType<typeof Circuit.parse>;
export type CircuitSummaryData = ReturnType<typeof CircuitSummary.parse>;
export type CircuitStepData = CircuitData['revision']['steps'][number];
export type CaseCircuitData = ReturnType<typeof CaseCircuit.parse>;

const Summaries: Parser<{ items: CircuitSummaryData[] }> = {
  parse(data) {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error('expected { items: [] }');
    return { items: items.map((x) => CircuitSummary.parse(x)) };
  },
};

const at = (id: string) => `/circuits/${encodeURIComponent(id)}`;

export const listCircuits = (f: { territory?: string; caseType?: string }) => request('GET', '/circuits', Summaries, { query: f });
/** The current revision, or an earlier one by its number. */
export const getCircuit = (id: string, revision?: number) => request('GET', revision ? `${at(id)}/revisions/${revision}` : at(id), Circuit);
export const createCircuit = (body: CircuitInput) => request('POST', '/circuits', Circuit, { body });
export const reviseCircuit = (id: string, body: CircuitRevisionInput) => request('POST', `${at(id)}/revisions`, Circuit, { body });
/** A case's next steps: the circuits of its territory (or the one asked), the chosen one checked against the case. */
export const getCaseCircuit = (caseId: string, q: { territory?: string | undefined; caseType?: string | undefined }) =>
  request('GET', `/cases/${encodeURIComponent(caseId)}/circuit`, CaseCircuit, { query: q });
