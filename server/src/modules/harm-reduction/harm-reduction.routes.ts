import { AnonymousList, AnonymousParams, AnonymousQuery, AnonymousTally, AnonymousTallyInput, Ok } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { AnonymousService } from './anonymous.service.ts';
import type { OstService } from './ost.service.ts';
import { registerOstRoutes } from './ost.routes.ts';
import type { InsertionService } from './insertion.service.ts';
import { registerInsertionRoutes } from './insertion.routes.ts';

const tag = 'harm-reduction';

/** Harm reduction: anonymous tallies at a site (and the OST register, `ost.routes.ts`; insertion pathways, `insertion.routes.ts`). */
export function registerHarmReductionRoutes(router: Router, anonymous: AnonymousService, ost: OstService, insertion: InsertionService): void {
  router.create({
    method: 'POST',
    url: '/anonymous-services',
    summary: 'Record an anonymous tally: services given at a unit or site on a day to people without a code (counted in services and commodities, never in persons); its items leave the stock',
    tag,
    permission: 'service.write',
    body: AnonymousTallyInput,
    response: AnonymousTally,
    record: 'tally',
    handler: ({ ctx, body }) => anonymous.record(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/anonymous-services',
    summary: 'The anonymous tallies of a unit (its sites included) on a day',
    tag,
    query: AnonymousQuery,
    response: AnonymousList,
    handler: ({ ctx, query }) => anonymous.list(ctx, query),
  });
  router.session({
    method: 'DELETE',
    url: '/anonymous-services/:id',
    summary: 'Delete a line of an anonymous tally (its items go back to the stock)',
    tag,
    permission: 'service.write',
    params: AnonymousParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(anonymous.remove(ctx, params.id)),
  });
  registerOstRoutes(router, ost);
  registerInsertionRoutes(router, insertion);
}
