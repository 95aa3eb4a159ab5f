import { z } from 'zod';
import { Id, Name, cappedPageOf, codeList, text } from './common.ts';
import {
  directoryCodePattern,
  directoryResources,
  eligibleSexes,
  locationTypes,
  phoneTypes,
  serviceCosts,
  serviceLanguages,
  serviceStatuses,
  weekDays,
} from '../domain/directory.ts';

// The directory's own API (camelCase, what the web uses). The HSDS 3.0 shape (snake_case, fully
// nested services) is the exchange format: server/src/modules/directory/hsds.ts maps between them.

const LongText = text().trim().max(4000);
const ShortText = text().trim().max(300);
const optionalText = (t: z.ZodType<string> = ShortText) => t.nullable().default(null);

/** A territory's or taxonomy term's code (`sale`, `legal_aid`). */
export const DirectoryCode = text().trim().min(1).max(40).regex(directoryCodePattern, { message: 'format:directory_code' });
/** A time of day `HH:MM`. */
export const TimeOfDay = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'format:time' });
/** A service's phone: a full number, or a short one (19 police, 177 gendarmerie, 15 SAMU). */
export const DirectoryPhoneNumber = text().trim().regex(/^\+?[0-9][0-9 ]{1,19}$/, { message: 'format:directory_phone' });
export const Email = z.email().max(200);
export const WebAddress = z.url({ protocol: /^https?$/ }).max(500);

/** Names in the two languages of the posters (Arabic optional: French is shown where it is missing). */
export const BilingualName = z.object({ fr: Name, ar: Name.nullable().default(null) });

export const Territory = z.object({
  id: Id,
  code: DirectoryCode,
  name: BilingualName,
  /** The Relais organisation whose network coordinators maintain this territory's directory. */
  coordinatingOrganisation: z.object({ id: Id, name: text() }).nullable(),
});
export type Territory = z.infer<typeof Territory>;
export const TerritoryInput = z.object({ code: DirectoryCode, name: BilingualName });
export type TerritoryInput = z.infer<typeof TerritoryInput>;

/** A service type of the taxonomy (data: a network adds its own). */
export const TaxonomyTerm = z.object({ code: DirectoryCode, labels: z.object({ fr: Name, ar: Name, en: Name }) });
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

export const DirectorySettings = z.object({
  /** Months without verification after which an entry is stale. */
  staleAfterMonths: z.number().int().min(1).max(60),
});
export type DirectorySettings = z.infer<typeof DirectorySettings>;

/** When an entry was last verified, by whom, and whether that is too long ago. */
export const EntryVerification = z.object({
  verifiedAt: text().nullable(),
  verifiedBy: text().nullable(),
  stale: z.boolean(),
});
export type EntryVerification = z.infer<typeof EntryVerification>;

export const PhoneInput = z.object({
  number: DirectoryPhoneNumber,
  phoneType: z.enum(phoneTypes).default('voice'),
  extension: optionalText(text().trim().max(20)),
  description: optionalText(),
});
export const Phone = PhoneInput.extend({ id: Id });
export type Phone = z.infer<typeof Phone>;

export const WeeklyHoursInput = z
  .object({
    byDay: z.array(z.enum(weekDays)).min(1).max(7),
    opensAt: TimeOfDay,
    closesAt: TimeOfDay,
    validFrom: z.iso.date().nullable().default(null),
    validTo: z.iso.date().nullable().default(null),
    description: optionalText(),
  })
  .refine((h) => h.opensAt < h.closesAt, { path: ['closesAt'], message: 'closes_before_opening' });
export type WeeklyHoursInput = z.infer<typeof WeeklyHoursInput>;

export const DirectoryOrganizationInput = z.object({
  /** Client-generated (a retried creation is applied once); also the HSDS id. */
  id: Id.optional(),
  name: Name,
  alternateName: optionalText(),
  description: optionalText(LongText),
  email: Email.nullable().default(null),
  website: WebAddress.nullable().default(null),
});
export type DirectoryOrganizationInput = z.infer<typeof DirectoryOrganizationInput>;
export const DirectoryOrganization = DirectoryOrganizationInput.required({ id: true }).extend({
  /** Maintained by an organisation on Relais (its users edit it), or by the network. */
  onRelais: z.boolean(),
  verification: EntryVerification,
  editable: z.boolean(),
});
export type DirectoryOrganization = z.infer<typeof DirectoryOrganization>;

export const AddressInput = z.object({
  address1: ShortText,
  city: Name,
  region: optionalText(),
  postalCode: optionalText(text().trim().max(20)),
  country: text().trim().regex(/^[A-Z]{2}$/, { message: 'format:country' }).default('MA'),
});

export const LocationInput = z.object({
  id: Id.optional(),
  organizationId: Id,
  name: Name,
  locationType: z.enum(locationTypes).default('physical'),
  address: AddressInput.nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  accessibility: optionalText(),
  /** A shelter's address: shown to signed-in users only, never in the public HSDS API. */
  confidential: z.boolean().default(false),
});
export type LocationInput = z.infer<typeof LocationInput>;
export const DirectoryLocation = LocationInput.required({ id: true }).extend({ verification: EntryVerification });
export type DirectoryLocation = z.infer<typeof DirectoryLocation>;

export const Eligibility = z.object({
  sex: z.enum(eligibleSexes).default('any'),
  minimumAge: z.number().int().min(0).max(120).nullable().default(null),
  maximumAge: z.number().int().min(0).max(120).nullable().default(null),
  /** Migrants whatever their status. */
  migrantsAnyStatus: z.boolean().default(false),
  description: optionalText(),
});

export const DirectoryServiceInput = z.object({
  id: Id.optional(),
  organizationId: Id,
  name: Name,
  alternateName: optionalText(),
  description: optionalText(LongText),
  serviceType: DirectoryCode,
  status: z.enum(serviceStatuses).default('active'),
  eligibility: Eligibility.default({ sex: 'any', minimumAge: null, maximumAge: null, migrantsAnyStatus: false, description: null }),
  cost: z.enum(serviceCosts).default('free'),
  feesDescription: optionalText(),
  languages: z.array(z.enum(serviceLanguages)).max(serviceLanguages.length).default([]),
  requiredDocuments: z.array(ShortText.min(1)).max(20).default([]),
  email: Email.nullable().default(null),
  url: WebAddress.nullable().default(null),
  /** Territory codes the service serves (HSDS service_areas). */
  territories: z.array(DirectoryCode).min(1).max(50),
  /** Where it is given, with the opening hours there. */
  locations: z.array(z.object({ locationId: Id, hours: z.array(WeeklyHoursInput).max(14).default([]) })).max(50).default([]),
  phones: z.array(PhoneInput).max(10).default([]),
});
export type DirectoryServiceInput = z.infer<typeof DirectoryServiceInput>;
/** An update names every field of the service (the edit form sends the whole service). */
export const UpdateDirectoryService = DirectoryServiceInput.omit({ id: true, organizationId: true });
export type UpdateDirectoryService = z.infer<typeof UpdateDirectoryService>;

/** A focal point: a named person at an organisation, service or location. */
export const ContactInput = z
  .object({
    id: Id.optional(),
    organizationId: Id.nullable().default(null),
    serviceId: Id.nullable().default(null),
    locationId: Id.nullable().default(null),
    name: Name,
    /** Function (`Assistante sociale de l'UPE`). */
    title: optionalText(),
    email: Email.nullable().default(null),
    phones: z.array(PhoneInput).max(5).default([]),
  })
  .refine((c) => [c.organizationId, c.serviceId, c.locationId].filter((x) => x !== null).length === 1, { path: ['serviceId'], message: 'one_parent' });
export type ContactInput = z.infer<typeof ContactInput>;
export const UpdateContact = z.object({ name: Name, title: optionalText(), email: Email.nullable().default(null), phones: z.array(PhoneInput).max(5).default([]) });
export type UpdateContact = z.infer<typeof UpdateContact>;
/** A new focal point in place of this one: the previous one is kept in the history with her dates. */
export const ReplaceContact = UpdateContact.extend({ id: Id.optional(), since: z.iso.date() });
export type ReplaceContact = z.infer<typeof ReplaceContact>;

export const DirectoryContact = z.object({
  id: Id,
  name: text(),
  title: text().nullable(),
  email: text().nullable(),
  phones: z.array(Phone),
  /** Focal point from … until (null: still is). */
  since: text(),
  until: text().nullable(),
  verification: EntryVerification,
});
export type DirectoryContact = z.infer<typeof DirectoryContact>;

const TerritoryRef = z.object({ code: text(), name: BilingualName });

/** A service as a search lists it: enough to call, go there, and print. */
export const DirectoryServiceSummary = z.object({
  id: Id,
  name: text(),
  serviceType: text(),
  status: z.enum(serviceStatuses),
  organization: z.object({ id: Id, name: text() }),
  territories: z.array(TerritoryRef),
  cities: z.array(text()),
  phones: z.array(text()),
  focalPoints: z.array(z.object({ name: text(), title: text().nullable(), phones: z.array(text()) })),
  hours: z.array(z.object({ byDay: z.array(z.enum(weekDays)), opensAt: text(), closesAt: text() })),
  languages: z.array(text()),
  cost: z.enum(serviceCosts),
  openNow: z.boolean(),
  stale: z.boolean(),
  verifiedAt: text().nullable(),
});
export type DirectoryServiceSummary = z.infer<typeof DirectoryServiceSummary>;
export const DirectoryServicePage = cappedPageOf(DirectoryServiceSummary);

export const DirectoryServiceSearch = z.object({
  /** Need: a service type of the taxonomy. */
  need: DirectoryCode.optional(),
  territory: DirectoryCode.optional(),
  language: z.enum(serviceLanguages).optional(),
  openNow: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  staleOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: text().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DirectoryServiceSearch = z.infer<typeof DirectoryServiceSearch>;

/** The most locations a map answers (the rest: `capped`, narrow the search). */
export const DIRECTORY_MAP_CAP = 2000;

/** The map of the search: the same filters, no page. */
export const DirectoryMapQuery = DirectoryServiceSearch.omit({ limit: true, offset: true });
export type DirectoryMapQuery = z.infer<typeof DirectoryMapQuery>;

/** A located place with the matching services given there (a confidential place is never one). */
export const DirectoryMapPoint = z.object({
  locationId: Id,
  name: text(),
  city: text().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  services: z.array(z.object({ id: Id, name: text(), serviceType: text(), stale: z.boolean(), openNow: z.boolean() })),
});
export type DirectoryMapPoint = z.infer<typeof DirectoryMapPoint>;

export const DirectoryMap = z.object({
  points: z.array(DirectoryMapPoint),
  /** Matching services given at no located place (no coordinates, only confidential ones, or no place at all). */
  withoutCoordinates: z.number().int(),
  /** More than DIRECTORY_MAP_CAP places matched: only the first ones (by name) are answered. */
  capped: z.boolean(),
});
export type DirectoryMap = z.infer<typeof DirectoryMap>;

/** One service, whole: its organisation, locations with hours, focal points (and the previous ones). */
export const DirectoryService = DirectoryServiceInput.required({ id: true }).omit({ locations: true, phones: true, territories: true }).extend({
  organization: DirectoryOrganization,
  territories: z.array(TerritoryRef),
  phones: z.array(Phone),
  locations: z.array(z.object({ id: Id, location: DirectoryLocation, hours: z.array(WeeklyHoursInput) })),
  contacts: z.array(DirectoryContact),
  previousContacts: z.array(DirectoryContact),
  openNow: z.boolean(),
  verification: EntryVerification,
  editable: z.boolean(),
});
export type DirectoryService = z.infer<typeof DirectoryService>;

export const DirectoryResourceName = z.enum(directoryResources);
export const DirectoryResourceParams = z.object({ resource: DirectoryResourceName, id: Id });

/** An entry waiting for verification, for the network coordinator's worklist. */
export const ToVerify = z.object({
  resource: DirectoryResourceName,
  id: Id,
  name: text(),
  /** The service to open to verify it (its own, or one it belongs to). */
  serviceId: Id.nullable(),
  organizationName: text(),
  verifiedAt: text().nullable(),
  verifiedBy: text().nullable(),
});
export const ToVerifyPage = z.object({ items: z.array(ToVerify), total: z.number().int() });
export const ToVerifyQuery = z.object({ territory: DirectoryCode.optional(), resource: codeList(directoryResources).optional() });

/** One changed field (HSDS `metadata`). */
export const DirectoryChange = z.object({
  resource: DirectoryResourceName,
  resourceId: Id,
  action: z.enum(['create', 'update', 'verify', 'replace', 'import']),
  field: text().nullable(),
  previousValue: text().nullable(),
  replacementValue: text().nullable(),
  by: text(),
  at: text(),
});
export const DirectoryChanges = z.object({ items: z.array(DirectoryChange) });
