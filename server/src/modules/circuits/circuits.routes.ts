import { z } from 'zod';
import { CaseCircuit, CaseCircuitQuery, Circuit, CircuitInput, CircuitQuery, CircuitRevisionInput, CircuitRevisionParams, CircuitSummary, IdParams } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { CircuitsUseCases } from './circuits.service.ts';
import type { CaseCircuitUseCases } from './case-circuit.service.ts';

const tag = 'circuits';

export function registerCircuitRoutes(router: Router, circuits: CircuitsUseCases, caseCircuit: CaseCircuitUseCases): void {
  router.session({ method: 'GET', url: '/circuits', summary: 'Care circuits (of a territory, of a case type), their current revision', tag, query: CircuitQuery, response: z.object({ items: z.array(CircuitSummary) }), handler: ({ ctx, query }) => circuits.list(ctx, query) });
  router.session({ method: 'GET', url: '/circuits/:id', summary: 'A circuit’s current revision, each step with its directory services as they are now (phones, hours, stale marks)', tag, params: IdParams, response: Circuit, handler: ({ ctx, params }) => circuits.get(ctx, params.id) });
  router.session({ method: 'GET', url: '/circuits/:id/revisions/:number', summary: 'An earlier revision of a circuit', tag, params: CircuitRevisionParams, response: Circuit, handler: ({ ctx, params }) => circuits.get(ctx, params.id, params.number) });
  router.create({
    method: 'POST',
    url: '/circuits',
    summary: 'Draw a care circuit for a territory and a case type, with its first validated revision (network coordinators of the territory)',
    tag,
    permission: 'directory.manage',
    body: CircuitInput,
    response: Circuit,
    record: 'circuit',
    handler: ({ ctx, body }) => circuits.create(ctx, body),
  });
  router.session({
    method: 'POST',
    url: '/circuits/:id/revisions',
    summary: 'A new validated revision of a circuit (earlier ones stay)',
    tag,
    permission: 'directory.manage',
    params: IdParams,
    body: CircuitRevisionInput,
    response: Circuit,
    status: 201,
    handler: ({ ctx, params, body }) => circuits.revise(ctx, params.id, body),
  });
  router.session({
    method: 'GET',
    url: '/cases/:id/circuit',
    summary: 'Next steps in the circuit for a case: the circuits of its territory (its unit’s, inherited, or the one asked), the chosen one’s steps with their services and each condition checked against the case (a read of the case, audited)',
    tag,
    params: IdParams,
    query: CaseCircuitQuery,
    response: CaseCircuit,
    handler: ({ ctx, params, query }) => caseCircuit.forCase(ctx, params.id, query),
  });
}
