import type { ServiceCost, ServiceStatus, WeekDay } from '@relais/core';
import type { ServiceData } from '../../api/directory.ts';

/** One weekly opening as typed: days ticked, times `HH:MM`. */
export interface HoursDraft {
  byDay: WeekDay[];
  opensAt: string;
  closesAt: string;
}

/** The service as its form holds it (texts as typed; converted by `serviceInputOf`). */
export interface ServiceDraft {
  name: string;
  alternateName: string;
  description: string;
  serviceType: string;
  status: ServiceStatus;
  sex: 'any' | 'F' | 'M';
  minimumAge: string;
  maximumAge: string;
  migrantsAnyStatus: boolean;
  eligibilityDescription: string;
  cost: ServiceCost;
  feesDescription: string;
  languages: string[];
  requiredDocuments: string[];
  email: string;
  url: string;
  territories: string[];
  /** Each place of the service, with its name for the form's legends. */
  locations: { locationId: string; name: string; hours: HoursDraft[] }[];
  phones: string[];
}

export const emptyServiceDraft: ServiceDraft = {
  name: '',
  alternateName: '',
  description: '',
  serviceType: '',
  status: 'active',
  sex: 'any',
  minimumAge: '',
  maximumAge: '',
  migrantsAnyStatus: false,
  eligibilityDescription: '',
  cost: 'free',
  feesDescription: '',
  languages: [],
  requiredDocuments: [],
  email: '',
  url: '',
  territories: [],
  locations: [],
  phones: [''],
};

/** Weekdays to the morning and afternoon of an office: what most services open, to change from. */
export const officeHours: HoursDraft = { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:30', closesAt: '16:30' };

/** The form's draft of a saved service. */
export function serviceDraftOf(s: ServiceData): ServiceDraft {
  return {
    name: s.name,
    alternateName: s.alternateName ?? '',
    description: s.description ?? '',
    serviceType: s.serviceType,
    status: s.status,
    sex: s.eligibility.sex,
    minimumAge: s.eligibility.minimumAge === null ? '' : String(s.eligibility.minimumAge),
    maximumAge: s.eligibility.maximumAge === null ? '' : String(s.eligibility.maximumAge),
    migrantsAnyStatus: s.eligibility.migrantsAnyStatus,
    eligibilityDescription: s.eligibility.description ?? '',
    cost: s.cost,
    feesDescription: s.feesDescription ?? '',
    languages: [...s.languages],
    requiredDocuments: [...s.requiredDocuments],
    email: s.email ?? '',
    url: s.url ?? '',
    territories: s.territories.map((t) => t.code),
    locations: s.locations.map((l) => ({
      locationId: l.location.id,
      name: l.location.name,
      hours: l.hours.map((h) => ({ byDay: [...h.byDay], opensAt: h.opensAt.slice(0, 5), closesAt: h.closesAt.slice(0, 5) })),
    })),
    phones: s.phones.length ? s.phones.map((p) => p.number) : [''],
  };
}

/** An age as typed: a whole number, null when blank, the text itself otherwise (the contract says what is wrong). */
function ageOf(v: string): number | string | null {
  const text = v.trim();
  if (!text) return null;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * The draft as the contract's `UpdateDirectoryService` (the whole service), to be validated.
 * Blank texts become null, blank documents and phones are dropped.
 */
export function serviceInputOf(d: ServiceDraft) {
  return {
    name: d.name,
    alternateName: orNull(d.alternateName),
    description: orNull(d.description),
    serviceType: d.serviceType,
    status: d.status,
    eligibility: {
      sex: d.sex,
      minimumAge: ageOf(d.minimumAge),
      maximumAge: ageOf(d.maximumAge),
      migrantsAnyStatus: d.migrantsAnyStatus,
      description: orNull(d.eligibilityDescription),
    },
    cost: d.cost,
    feesDescription: orNull(d.feesDescription),
    languages: d.languages,
    requiredDocuments: d.requiredDocuments.map((x) => x.trim()).filter(Boolean),
    email: orNull(d.email),
    url: orNull(d.url),
    territories: d.territories,
    locations: d.locations.map((l) => ({
      locationId: l.locationId,
      hours: l.hours.map((h) => ({ byDay: h.byDay, opensAt: h.opensAt, closesAt: h.closesAt, validFrom: null, validTo: null, description: null })),
    })),
    phones: phonesOf(d.phones),
  };
}

/** Typed phone numbers as the contract's phones (empty ones dropped). */
export function phonesOf(numbers: readonly string[]): { number: string; phoneType: 'voice'; extension: null; description: null }[] {
  return numbers.filter((n) => n.trim()).map((number) => ({ number: number.trim(), phoneType: 'voice' as const, extension: null, description: null }));
}

/** An optional text as the contract wants it: null when blank. */
export const orNull = (v: string): string | null => (v.trim() ? v.trim() : null);
