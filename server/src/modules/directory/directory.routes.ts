import { z } from 'zod';
import {
  ContactInput,
  DirectoryChanges,
  DirectoryContact,
  DirectoryLocation,
  DirectoryMap,
  DirectoryMapQuery,
  DirectoryOrganization,
  DirectoryOrganizationInput,
  DirectoryResourceParams,
  DirectoryService,
  DirectoryServiceInput,
  DirectoryServicePage,
  DirectoryServiceSearch,
  DirectorySettings,
  EntryVerification,
  Id,
  IdParams,
  LocationInput,
  ReplaceContact,
  TaxonomyTerm,
  Territory,
  TerritoryInput,
  ToVerifyPage,
  ToVerifyQuery,
  UpdateContact,
  UpdateDirectoryService,
  text,
} from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { DirectoryUseCases } from './directory.service.ts';

const tag = 'directory';
const CodeParams = z.object({ code: TaxonomyTerm.shape.code });

export function registerDirectoryRoutes(router: Router, directory: DirectoryUseCases): void {
  router.session({ method: 'GET', url: '/directory/territories', summary: 'The territories of the network', tag, response: z.object({ items: z.array(Territory) }), handler: ({ ctx }) => directory.territories(ctx) });
  router.session({
    method: 'POST',
    url: '/directory/territories',
    summary: 'Add a territory, coordinated by the caller’s organisation (network coordinators)',
    tag,
    permission: 'directory.manage',
    body: TerritoryInput,
    response: Territory,
    status: 201,
    handler: ({ ctx, body }) => directory.createTerritory(ctx, body),
  });
  router.session({ method: 'GET', url: '/directory/taxonomy', summary: 'Service types (data: labels in fr, ar, en)', tag, response: z.object({ items: z.array(TaxonomyTerm) }), handler: ({ ctx }) => directory.taxonomy(ctx) });
  router.session({
    method: 'PUT',
    url: '/directory/taxonomy/:code',
    summary: 'Add or rename a service type (network coordinators)',
    tag,
    permission: 'directory.manage',
    params: CodeParams,
    body: TaxonomyTerm.shape.labels.transform((labels) => labels),
    response: TaxonomyTerm,
    handler: ({ ctx, params, body }) => directory.putTaxonomyTerm(ctx, { code: params.code, labels: body }),
  });
  router.session({ method: 'GET', url: '/directory/settings', summary: 'Months without verification before an entry is stale', tag, response: DirectorySettings, handler: ({ ctx }) => directory.settings(ctx) });
  router.session({
    method: 'PUT',
    url: '/directory/settings',
    summary: 'Change the directory settings (network coordinators)',
    tag,
    permission: 'directory.manage',
    body: DirectorySettings,
    response: DirectorySettings,
    handler: ({ ctx, body }) => directory.putSettings(ctx, body),
  });
  router.session({
    method: 'GET',
    url: '/directory/services',
    summary: 'Search services by need, territory, language, open now, text; stale entries marked',
    tag,
    query: DirectoryServiceSearch,
    response: DirectoryServicePage,
    handler: ({ ctx, query }) => directory.search(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/directory/map',
    summary: 'The located places of a search’s services (the same filters), grouped by place; confidential places never',
    tag,
    query: DirectoryMapQuery,
    response: DirectoryMap,
    handler: ({ ctx, query }) => directory.map(ctx, query),
  });
  router.session({ method: 'GET', url: '/directory/services/:id', summary: 'One service, whole', tag, params: IdParams, response: DirectoryService, handler: ({ ctx, params }) => directory.getService(ctx, params.id) });
  router.create({
    method: 'POST',
    url: '/directory/services',
    summary: 'Add a service (idempotent on a client-generated id)',
    tag,
    body: DirectoryServiceInput,
    response: DirectoryService,
    record: 'service',
    handler: ({ ctx, body }) => directory.createService(ctx, body),
  });
  router.session({
    method: 'PUT',
    url: '/directory/services/:id',
    summary: 'Change a service (the whole service); saving verifies it',
    tag,
    params: IdParams,
    body: UpdateDirectoryService,
    response: DirectoryService,
    handler: ({ ctx, params, body }) => directory.updateService(ctx, params.id, body),
  });
  router.session({
    method: 'GET',
    url: '/directory/organizations',
    summary: 'Organisations of the directory (by name)',
    tag,
    query: z.object({ q: text().trim().max(100).optional() }),
    response: z.object({ items: z.array(DirectoryOrganization) }),
    handler: ({ ctx, query }) => directory.listOrganizations(ctx, query.q),
  });
  router.create({
    method: 'POST',
    url: '/directory/organizations',
    summary: 'Add an organisation (her own, or the network’s for a network coordinator)',
    tag,
    body: DirectoryOrganizationInput,
    response: DirectoryOrganization,
    record: 'organization',
    handler: ({ ctx, body }) => directory.createOrganization(ctx, body),
  });
  router.session({
    method: 'PUT',
    url: '/directory/organizations/:id',
    summary: 'Change an organisation; saving verifies it',
    tag,
    params: IdParams,
    body: DirectoryOrganizationInput,
    response: DirectoryOrganization,
    handler: ({ ctx, params, body }) => directory.updateOrganization(ctx, params.id, body),
  });
  router.session({
    method: 'GET',
    url: '/directory/locations',
    summary: 'The locations of an organisation',
    tag,
    query: z.object({ organizationId: Id }),
    response: z.object({ items: z.array(DirectoryLocation) }),
    handler: ({ ctx, query }) => directory.listLocations(ctx, query.organizationId),
  });
  router.create({
    method: 'POST',
    url: '/directory/locations',
    summary: 'Add a location of an organisation',
    tag,
    body: LocationInput,
    response: DirectoryLocation,
    record: 'location',
    handler: ({ ctx, body }) => directory.saveLocation(ctx, undefined, body),
  });
  router.session({
    method: 'PUT',
    url: '/directory/locations/:id',
    summary: 'Change a location; saving verifies it',
    tag,
    params: IdParams,
    body: LocationInput,
    response: DirectoryLocation,
    handler: async ({ ctx, params, body }) => (await directory.saveLocation(ctx, params.id, body)).location,
  });
  router.create({
    method: 'POST',
    url: '/directory/contacts',
    summary: 'Add a focal point to an organisation, a service or a location',
    tag,
    body: ContactInput,
    response: DirectoryContact,
    record: 'contact',
    handler: ({ ctx, body }) => directory.createContact(ctx, body),
  });
  router.session({
    method: 'PUT',
    url: '/directory/contacts/:id',
    summary: 'Correct a focal point’s details (same person)',
    tag,
    params: IdParams,
    body: UpdateContact,
    response: DirectoryContact,
    handler: ({ ctx, params, body }) => directory.updateContact(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/directory/contacts/:id/replace',
    summary: 'A new focal point in place of this one; the previous one stays in the history with her dates',
    tag,
    params: IdParams,
    body: ReplaceContact,
    response: DirectoryContact,
    handler: ({ ctx, params, body }) => directory.replaceContact(ctx, params.id, body),
  });
  router.session({
    method: 'POST',
    url: '/directory/:resource/:id/verify',
    summary: '“Still true”: the entry is verified now by the caller',
    tag,
    params: DirectoryResourceParams,
    response: z.object({ verification: EntryVerification }),
    handler: ({ ctx, params }) => directory.verify(ctx, params.resource, params.id),
  });
  router.session({
    method: 'GET',
    url: '/directory/to-verify',
    summary: 'Stale entries the caller may verify, the oldest first',
    tag,
    query: ToVerifyQuery,
    response: ToVerifyPage,
    handler: ({ ctx, query }) => directory.toVerify(ctx, query.territory, query.resource),
  });
  router.session({
    method: 'GET',
    url: '/directory/changes',
    summary: 'The change log of an entry (HSDS metadata)',
    tag,
    query: DirectoryResourceParams,
    response: DirectoryChanges,
    handler: ({ ctx, query }) => directory.changes(ctx, query.resource, query.id),
  });
}
