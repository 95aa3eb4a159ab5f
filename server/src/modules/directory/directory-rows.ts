import type { WeekDay } from '@relais/core';

// The directory's rows as the repository reads them (snake_case, as stored).

/** What the policy needs of an entry: its Relais organisation, and the organisations coordinating the territories it serves. */
export interface Ownership {
  owner_org: string | null;
  territory_orgs: string[];
}

export interface VerifiedRow {
  verified_at: string | null;
  verified_by: string | null;
}

export interface ServiceRow extends Ownership, VerifiedRow {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  service_type: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  eligible_sex: 'any' | 'F' | 'M';
  minimum_age: number | null;
  maximum_age: number | null;
  migrants_any_status: boolean;
  eligibility_description: string | null;
  cost: 'free' | 'low_cost' | 'fee';
  fees_description: string | null;
  languages: string[];
  required_documents: string[];
  email: string | null;
  url: string | null;
  updated_at: string;
}

export interface OrganizationRow extends Ownership, VerifiedRow {
  id: string;
  name: string;
  alternate_name: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  relais_organisation_id: string | null;
  updated_at: string;
}

export interface LocationRow extends VerifiedRow {
  id: string;
  organization_id: string;
  name: string;
  location_type: 'physical' | 'postal' | 'virtual';
  address_1: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
  confidential: boolean;
}

export interface ContactRow extends VerifiedRow {
  id: string;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  name: string;
  title: string | null;
  email: string | null;
  valid_since: string;
  valid_until: string | null;
}

export interface PhoneRow {
  id: string;
  owner_id: string;
  number: string;
  phone_type: string;
  extension: string | null;
  description: string | null;
}

export interface ScheduleRow {
  id: string;
  service_at_location_id: string;
  service_id: string;
  location_id: string;
  by_day: WeekDay[];
  opens_at: string;
  closes_at: string;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface SiteRow {
  id: string;
  service_id: string;
  location_id: string;
}

export interface TerritoryRow {
  id: string;
  code: string;
  name_fr: string;
  name_ar: string | null;
  coordinating_organisation_id: string | null;
  coordinating_organisation_name: string | null;
}

