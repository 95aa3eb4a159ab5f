/** The directory of actors and services (issue 14); inputs and outputs are the core contracts. */
import {
  DirectoryChanges,
  DirectoryLocation,
  DirectoryMap,
  DirectoryOrganization,
  DirectoryService,
  DirectoryServicePage,
  DirectorySettings,
  EntryVerification,
  TaxonomyTerm,
  Territory,
  ToVerifyPage,
  type ContactInput,
  type DirectoryOrganizationInput,
  type DirectoryResource,
  type DirectoryServiceInput,
  type LocationInput,
  type ReplaceContact,
  type UpdateContact,
  type UpdateDirectoryService,
} from '@relais/core';
import { request, type Parser } from './client.ts';

export type ServiceData = ReturnType<typeof DirectoryService.parse>;
export type ServicePageData = ReturnType<typeof DirectoryServicePage.parse>;
export type ServiceSummaryData = ServicePageData['items'][number];
export type TerritoryData = ReturnType<typeof Territory.parse>;
export type TaxonomyTermData = ReturnType<typeof TaxonomyTerm.parse>;
export type OrganizationData = ReturnType<typeof DirectoryOrganization.parse>;
export type LocationData = ReturnType<typeof DirectoryLocation.parse>;
export type ToVerifyData = ReturnType<typeof ToVerifyPage.parse>['items'][number];
export type ChangeData = ReturnType<typeof DirectoryChanges.parse>['items'][number];
export type VerificationData = ReturnType<typeof EntryVerification.parse>;
export type MapData = ReturnType<typeof DirectoryMap.parse>;
export type MapPointData = MapData['points'][number];

/** `{ items: T[] }` read with the item's schema. */
function itemsOf<T>(item: Parser<T>): Parser<{ items: T[] }> {
  return {
    parse(data) {
      const items = (data as { items?: unknown } | null)?.items;
      if (!Array.isArray(items)) throw new Error('expected { items: [] }');
      return { items: items.map((x) => item.parse(x)) };
    },
  };
}

const VerifyAnswer: Parser<{ verification: VerificationData }> = {
  parse: (data) => ({ verification: EntryVerification.parse((data as { verification?: unknown } | null)?.verification) }),
};

const D = '/directory';
const at = (kind: string, id: string) => `${D}/${kind}/${encodeURIComponent(id)}`;

/** The search (core `DirectoryServiceSearch`): need, territory, language, open now, free text. */
export interface ServiceFilters {
  need?: string;
  territory?: string;
  language?: string;
  openNow?: boolean;
  staleOnly?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

export const listTerritories = () => request('GET', `${D}/territories`, itemsOf(Territory));
export const listTaxonomy = () => request('GET', `${D}/taxonomy`, itemsOf(TaxonomyTerm));
export const getDirectorySettings = () => request('GET', `${D}/settings`, DirectorySettings);
export const searchServices = (f: ServiceFilters) =>
  request('GET', `${D}/services`, DirectoryServicePage, {
    query: { ...f, openNow: f.openNow ? 'true' : undefined, staleOnly: f.staleOnly ? 'true' : undefined },
  });
/** The search's located places, grouped by place (the same filters, no page). */
export const directoryMap = (f: Omit<ServiceFilters, 'limit' | 'offset'>) =>
  request('GET', `${D}/map`, DirectoryMap, { query: { ...f, openNow: f.openNow ? 'true' : undefined, staleOnly: f.staleOnly ? 'true' : undefined } });
export const getService = (id: string) => request('GET', at('services', id), DirectoryService);
/** Adds a service (idempotent on the client-generated id). */
export const createService = (body: DirectoryServiceInput) => request('POST', `${D}/services`, DirectoryService, { body });
/** Saves the whole service (the edit form sends every field). */
export const updateService = (id: string, body: UpdateDirectoryService) => request('PUT', at('services', id), DirectoryService, { body });
export const listOrganizations = (q?: string) => request('GET', `${D}/organizations`, itemsOf(DirectoryOrganization), { query: { q } });
export const createOrganization = (body: DirectoryOrganizationInput) => request('POST', `${D}/organizations`, DirectoryOrganization, { body });
export const listLocations = (organizationId: string) => request('GET', `${D}/locations`, itemsOf(DirectoryLocation), { query: { organizationId } });
export const createLocation = (body: LocationInput) => request('POST', `${D}/locations`, DirectoryLocation, { body });
export const addContact = (body: ContactInput) => request('POST', `${D}/contacts`, { parse: (d) => d }, { body });
export const updateContact = (id: string, body: UpdateContact) => request('PUT', at('contacts', id), { parse: (d) => d }, { body });
/** A new focal point in place of this one (the previous one stays in the history). */
export const replaceContact = (id: string, body: ReplaceContact) => request('POST', `${at('contacts', id)}/replace`, { parse: (d) => d }, { body });
/** "Still true": the entry is verified today by the user. */
export const verifyEntry = (resource: DirectoryResource, id: string) => request('POST', `${at(resource, id)}/verify`, VerifyAnswer);
export const listToVerify = (territory?: string) => request('GET', `${D}/to-verify`, ToVerifyPage, { query: { territory } });
export const listChanges = (resource: DirectoryResource, id: string) => request('GET', `${D}/changes`, DirectoryChanges, { query: { resource, id } });
