import { InsertionStep, InsertionStepInput, InsertionStepList, InsertionStepParams, InsertionStepQuery, InsertionStepUpdate, Ok } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { InsertionService } from './insertion.service.ts';

const tag = 'harm-reduction';

/** Insertion pathways (ADR 0033): a person's steps towards work. */
export function registerInsertionRoutes(router: Router, insertion: InsertionService): void {
  router.session({ method: 'GET', url: '/insertion/steps', summary: 'A person’s insertion pathway: her steps towards work, oldest first', tag, query: InsertionStepQuery, response: InsertionStepList, handler: ({ ctx, query }) => insertion.stepsOf(ctx, query.beneficiaryId) });
  router.create({
    method: 'POST',
    url: '/insertion/steps',
    summary: 'Add a step to a person’s insertion pathway: a vocational training, a mediation with an employer, an internship, a job or self-employment, with its dates',
    tag,
    permission: 'service.write',
    body: InsertionStepInput,
    response: InsertionStep,
    record: 'step',
    handler: ({ ctx, body }) => insertion.add(ctx, body),
  });
  router.session({
    method: 'PUT',
    url: '/insertion/steps/:id',
    summary: 'Correct or follow up a step of an insertion pathway (its end, whether a training was completed)',
    tag,
    permission: 'service.write',
    params: InsertionStepParams,
    body: InsertionStepUpdate,
    response: InsertionStep,
    handler: ({ ctx, params, body }) => insertion.update(ctx, params.id, body),
  });
  router.session({
    method: 'DELETE',
    url: '/insertion/steps/:id',
    summary: 'Delete a step of an insertion pathway entered by mistake',
    tag,
    permission: 'service.write',
    params: InsertionStepParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(insertion.remove(ctx, params.id)),
  });
}
