import { Ok, OstDay, OstDayQuery, OstDispensing, OstDispensingInput, OstDispensingParams, OstDoseInput, OstEndInput, OstEpisode, OstEpisodeInput, OstEpisodeList, OstEpisodeParams, OstEpisodeQuery } from '@relais/core';
import { ok, type Router } from '../../http/router.ts';
import type { OstService } from './ost.service.ts';

const tag = 'harm-reduction';

/** The OST register: episodes (entry, dose changes, end), the day's list of a unit, one tap per dose. */
export function registerOstRoutes(router: Router, ost: OstService): void {
  router.create({
    method: 'POST',
    url: '/ost/episodes',
    summary: 'Enter a person on opioid substitution (a first entry, or a re-entry after an interruption): the unit that dispenses, the prescriber, the first dose',
    tag,
    permission: 'service.write',
    body: OstEpisodeInput,
    response: OstEpisode,
    record: 'episode',
    handler: ({ ctx, body }) => ost.enter(ctx, body),
  });
  router.session({ method: 'GET', url: '/ost/episodes', summary: 'A person’s OST episodes, oldest first, with their dose history', tag, query: OstEpisodeQuery, response: OstEpisodeList, handler: ({ ctx, query }) => ost.episodesOf(ctx, query.beneficiaryId) });
  router.session({
    method: 'POST',
    url: '/ost/episodes/:id/doses',
    summary: 'Change the daily methadone dose from a day on',
    tag,
    permission: 'service.write',
    params: OstEpisodeParams,
    body: OstDoseInput,
    response: OstEpisode,
    handler: ({ ctx, params, body }) => ost.changeDose(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/ost/episodes/:id/end',
    summary: 'End an OST episode: an interruption (a re-entry opens the next) or an exit, with its reason',
    tag,
    permission: 'service.write',
    params: OstEpisodeParams,
    body: OstEndInput,
    response: OstEpisode,
    handler: ({ ctx, params, body }) => ost.end(ctx, params.id, body),
  });
  router.session({ method: 'GET', url: '/ost/day', summary: 'The day’s dispensing list of a unit: the persons on OST, their dose, what was recorded today or the take-away covering today', tag, query: OstDayQuery, response: OstDay, handler: ({ ctx, query }) => ost.day(ctx, query) });
  router.create({
    method: 'POST',
    url: '/ost/dispensings',
    summary: 'One tap of the dispensing: a dose taken on site or taken away (recorded as an ost_dose service, its methadone leaves the stock), or the day missed',
    tag,
    permission: 'service.write',
    body: OstDispensingInput,
    response: OstDispensing,
    record: 'dispensing',
    handler: ({ ctx, body }) => ost.dispense(ctx, body),
  });
  router.session({
    method: 'DELETE',
    url: '/ost/dispensings/:id',
    summary: 'Undo a tap of the dispensing (its ost_dose service is deleted, its methadone back in stock)',
    tag,
    permission: 'service.write',
    params: OstDispensingParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(ost.undo(ctx, params.id)),
  });
}
