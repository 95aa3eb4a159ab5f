import { z } from 'zod';
import { DirectoryPhoneNumber, Email, TimeOfDay, WebAddress, eligibleSexes, locationTypes, phoneTypes, serviceCosts, serviceStatuses, text, weekDays } from '@relais/core';

// The HSDS 3.0 service, fully nested, as `GET /services/{id}` returns it and as
// `relais import --kind directory` reads it (an array of them). Only the fields Relais keeps are
// checked; other HSDS fields are allowed and ignored (`looseObject`). Relais extends
// `assured_date` / `assurer_email` to organisations, locations and contacts (HSDS has them on
// services only), and marks service types, sex and migrants with attributes of its taxonomies.

/** The taxonomy of Relais' service types, and of its eligibility marks, in HSDS attributes. */
export const SERVICE_TYPE_TAXONOMY = 'relais-service-type';
export const ELIGIBILITY_TAXONOMY = 'relais-eligibility';

const Uuid = z.uuid();
const str = (max = 300) => text().trim().max(max);
const opt = (max = 300) => str(max).nullish();
const HsdsDate = z.iso.date();
const optionalUuid = Uuid.nullish();

export const HsdsPhone = z.looseObject({ id: Uuid, number: DirectoryPhoneNumber, type: z.enum(phoneTypes).nullish(), extension: opt(20), description: opt() });
export type HsdsPhone = z.infer<typeof HsdsPhone>;

export const HsdsSchedule = z.looseObject({
  id: Uuid,
  freq: z.literal('WEEKLY').nullish(),
  byday: text().regex(new RegExp(`^(${weekDays.join('|')})(,(${weekDays.join('|')}))*$`), { message: 'format:byday' }),
  opens_at: TimeOfDay,
  closes_at: TimeOfDay,
  valid_from: HsdsDate.nullish(),
  valid_to: HsdsDate.nullish(),
  description: opt(),
});

export const HsdsContact = z.looseObject({
  id: Uuid,
  name: str(200).min(1),
  title: opt(),
  email: Email.nullish(),
  phones: z.array(HsdsPhone).max(5).default([]),
  assured_date: HsdsDate.nullish(),
  assurer_email: opt(),
});

export const HsdsAddress = z.looseObject({
  id: optionalUuid,
  address_1: str().min(1),
  city: str(200).min(1),
  region: opt(),
  state_province: opt(),
  postal_code: opt(20),
  country: text().regex(/^[A-Z]{2}$/, { message: 'format:country' }),
});

export const HsdsLocation = z.looseObject({
  id: Uuid,
  location_type: z.enum(locationTypes).default('physical'),
  name: str(200).min(1),
  description: opt(4000),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  addresses: z.array(HsdsAddress).max(5).default([]),
  accessibility: z.array(z.looseObject({ description: opt() })).max(5).default([]),
  phones: z.array(HsdsPhone).max(10).default([]),
  contacts: z.array(HsdsContact).max(20).default([]),
  confidential: z.boolean().default(false),
  assured_date: HsdsDate.nullish(),
});

export const HsdsOrganization = z.looseObject({
  id: Uuid,
  name: str(200).min(1),
  alternate_name: opt(),
  description: opt(4000),
  email: Email.nullish(),
  website: WebAddress.nullish(),
  assured_date: HsdsDate.nullish(),
});

const HsdsAttribute = z.looseObject({ taxonomy_term: z.looseObject({ code: str(60).min(1), taxonomy: opt(), name: opt() }) });

export const HsdsService = z.looseObject({
  id: Uuid,
  name: str(200).min(1),
  alternate_name: opt(),
  description: opt(4000),
  url: WebAddress.nullish(),
  email: Email.nullish(),
  status: z.enum(serviceStatuses),
  fees_description: opt(),
  eligibility_description: opt(),
  minimum_age: z.number().int().min(0).max(120).nullish(),
  maximum_age: z.number().int().min(0).max(120).nullish(),
  assured_date: HsdsDate.nullish(),
  assurer_email: opt(),
  organization: HsdsOrganization,
  service_at_locations: z.array(z.looseObject({ id: Uuid, location: HsdsLocation, schedules: z.array(HsdsSchedule).max(14).default([]) })).max(50).default([]),
  contacts: z.array(HsdsContact).max(20).default([]),
  phones: z.array(HsdsPhone).max(10).default([]),
  languages: z.array(z.looseObject({ code: str(10).nullish(), name: opt() })).max(10).default([]),
  service_areas: z.array(z.looseObject({ id: optionalUuid, name: str(200).min(1), description: opt() })).min(1).max(50),
  cost_options: z.array(z.looseObject({ option: z.enum(serviceCosts).nullish() })).max(5).default([]),
  required_documents: z.array(z.looseObject({ document: str().min(1) })).max(20).default([]),
  attributes: z.array(HsdsAttribute).max(20).default([]),
});
export type HsdsService = z.infer<typeof HsdsService>;
export const HsdsServices = z.array(HsdsService).max(20000);

/** The Relais marks a service carries in its attributes: its type (required), the sex it takes, migrants. */
export function marksOf(s: Pick<HsdsService, 'attributes'>) {
  const codes = (taxonomy: string) => s.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy).map((a) => a.taxonomy_term.code);
  const eligibility = codes(ELIGIBILITY_TAXONOMY);
  const sex = eligibleSexes.find((x) => eligibility.includes(`sex:${x}`)) ?? 'any';
  return { serviceType: codes(SERVICE_TYPE_TAXONOMY)[0] ?? null, sex, migrantsAnyStatus: eligibility.includes('migrants_any_status') };
}
