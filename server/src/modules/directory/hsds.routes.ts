import { z } from 'zod';
import { IdParams, text } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { Queryable } from '../../db/index.ts';
import { DomainError } from '@relais/core';
import * as repo from './directory.repository.ts';
import { hsdsServices } from './hsds-export.ts';
import { importDirectory } from './hsds-import.ts';

// The read-only HSDS 3.0 API (`/hsds/services`, `/hsds/services/{id}`, `/hsds/organizations`),
// public like the posters the network prints, so that other directories and 211-style tools can
// pull it; confidential addresses (shelters) are left out. And the import, for network coordinators.

const HsdsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});

/** An HSDS 3.0 paginated response. */
function paginated<T>(contents: T[], total: number, q: { page: number; per_page: number }) {
  const totalPages = Math.max(1, Math.ceil(total / q.per_page));
  return { total_items: total, total_pages: totalPages, page_number: q.page, size: contents.length, first_page: q.page === 1, last_page: q.page >= totalPages, empty: contents.length === 0, contents };
}
const Paginated = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});
const HsdsObject = z.record(z.string(), z.unknown());

export function registerHsdsRoutes(router: Router, db: Queryable): void {
  router.public({
    method: 'GET',
    url: '/hsds/services',
    summary: 'HSDS 3.0: services, fully nested, a page at a time (modified_after for incremental pulls)',
    tag: 'hsds',
    alsoAtRoot: true,
    query: HsdsQuery.extend({ territory: text().max(40).optional() }),
    response: Paginated,
    handler: async ({ query }) => {
      const page = await repo.selectServiceIdsPage(db, { modifiedAfter: query.modified_after, territory: query.territory }, { limit: query.per_page, offset: (query.page - 1) * query.per_page });
      return paginated(await hsdsServices(db, page.ids, true), page.total, query);
    },
  });
  router.public({
    method: 'GET',
    url: '/hsds/services/:id',
    summary: 'HSDS 3.0: one service, fully nested',
    tag: 'hsds',
    alsoAtRoot: true,
    params: IdParams,
    response: HsdsObject,
    handler: async ({ params }) => {
      const [s] = await hsdsServices(db, [params.id], true);
      if (!s) throw new DomainError('not_found');
      return s;
    },
  });
  router.public({
    method: 'GET',
    url: '/hsds/organizations',
    summary: 'HSDS 3.0: organisations, a page at a time',
    tag: 'hsds',
    alsoAtRoot: true,
    query: HsdsQuery,
    response: Paginated,
    handler: async ({ query }) => {
      const rows = await repo.selectOrganizations(db, { modifiedAfter: query.modified_after }, { limit: query.per_page, offset: (query.page - 1) * query.per_page });
      const contents = rows.map((o) => ({ id: o.id, name: o.name, alternate_name: o.alternate_name, description: o.description ?? '', email: o.email, website: o.website, assured_date: o.verified_at?.slice(0, 10) ?? null }));
      return paginated(contents, await repo.countOrganizations(db, query.modified_after), query);
    },
  });
  router.session({
    method: 'POST',
    url: '/directory/hsds/import',
    summary: 'Import HSDS 3.0 services (an array, fully nested): all or nothing, idempotent on the HSDS ids (network coordinators)',
    tag: 'directory',
    permission: 'directory.manage',
    body: z.array(HsdsObject).max(20000),
    response: z.object({ services: z.number().int(), organizations: z.number().int(), locations: z.number().int(), contacts: z.number().int(), territoriesCreated: z.array(z.string()) }),
    handler: ({ ctx, body }) => importDirectory(db, ctx.actor, body),
  });
}
