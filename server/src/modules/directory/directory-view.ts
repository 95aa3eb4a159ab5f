import { isOpenAt, isStale, type DirectoryContact, type DirectoryLocation, type DirectoryOrganization, type DirectoryService, type DirectoryServiceSummary, type EntryVerification, type Phone } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { ContactRow, LocationRow, OrganizationRow, PhoneRow, ScheduleRow, ServiceRow, TerritoryRow, VerifiedRow } from './directory-rows.ts';
import * as repo from './directory.repository.ts';

// Rows → the directory's API shapes. `Moment` carries what staleness and "open now" are judged at.

export interface Moment {
  /** The wall clock `YYYY-MM-DDTHH:MM` of the reader's organisation. */
  now: string;
  staleAfterMonths: number;
}

export function verificationOf(row: VerifiedRow, m: Moment): EntryVerification {
  return { verifiedAt: row.verified_at, verifiedBy: row.verified_by, stale: isStale(row.verified_at, m.now, m.staleAfterMonths) };
}

export function phoneOf(p: PhoneRow): Phone {
  return { id: p.id, number: p.number, phoneType: p.phone_type as Phone['phoneType'], extension: p.extension, description: p.description };
}

const byOwner = <T extends { owner_id: string }>(rows: readonly T[]) => groupBy(rows, (r) => r.owner_id);

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export function organizationOf(o: OrganizationRow, m: Moment, editable: boolean): DirectoryOrganization {
  return {
    id: o.id,
    name: o.name,
    alternateName: o.alternate_name,
    description: o.description,
    email: o.email,
    website: o.website,
    onRelais: o.relais_organisation_id !== null,
    verification: verificationOf(o, m),
    editable,
  };
}

export function locationOf(l: LocationRow, m: Moment): DirectoryLocation {
  return {
    id: l.id,
    organizationId: l.organization_id,
    name: l.name,
    locationType: l.location_type,
    address: l.address_1 !== null || l.city !== null ? { address1: l.address_1 ?? '', city: l.city ?? '', region: l.region, postalCode: l.postal_code, country: l.country ?? 'MA' } : null,
    latitude: l.latitude,
    longitude: l.longitude,
    accessibility: l.accessibility,
    confidential: l.confidential,
    verification: verificationOf(l, m),
  };
}

export function contactOf(c: ContactRow, phones: readonly PhoneRow[], m: Moment): DirectoryContact {
  return { id: c.id, name: c.name, title: c.title, email: c.email, phones: phones.map(phoneOf), since: c.valid_since, until: c.valid_until, verification: verificationOf(c, m) };
}

const hoursOf = (h: ScheduleRow) => ({ byDay: h.by_day, opensAt: h.opens_at, closesAt: h.closes_at, validFrom: h.valid_from, validTo: h.valid_to, description: h.description });
const territoryRefOf = (t: TerritoryRow) => ({ code: t.code, name: { fr: t.name_fr, ar: t.name_ar } });

/** Everything a list or a page shows around services, read in one query per kind. */
export async function readAround(db: Queryable, services: readonly ServiceRow[]) {
  const ids = services.map((s) => s.id);
  // Nothing found: nothing around it to read (a search that finds nothing costs one query).
  const none = !ids.length;
  const [sites, schedules, contacts, territories, locations] = none ? [[], [], [], [], []] : await Promise.all([
    repo.selectSites(db, ids),
    repo.selectSchedules(db, ids),
    repo.selectContacts(db, { serviceIds: ids }),
    repo.selectServiceTerritories(db, ids),
    repo.selectLocations(db, { serviceIds: ids }),
  ]);
  const phones = none ? [] : await repo.selectPhones(db, [...ids, ...contacts.map((c) => c.id), ...locations.map((l) => l.id)]);
  return {
    sites: groupBy(sites, (s) => s.service_id),
    schedules: groupBy(schedules, (h) => h.service_at_location_id),
    contacts: groupBy(contacts, (c) => c.service_id ?? ''),
    territories: groupBy(territories, (t) => t.service_id),
    locations: new Map(locations.map((l) => [l.id, l])),
    phones: byOwner(phones),
  };
}
export type Around = Awaited<ReturnType<typeof readAround>>;

function openNowOf(s: ServiceRow, around: Around, m: Moment): boolean {
  const hours = (around.sites.get(s.id) ?? []).flatMap((site) => (around.schedules.get(site.id) ?? []).map(hoursOf));
  return s.status === 'active' && isOpenAt(hours, m.now);
}

export function summaryOf(s: ServiceRow & { organization_name: string }, around: Around, m: Moment): DirectoryServiceSummary {
  const sites = around.sites.get(s.id) ?? [];
  const current = (around.contacts.get(s.id) ?? []).filter((c) => c.valid_until === null);
  const numbers = (id: string) => (around.phones.get(id) ?? []).map((p) => p.number);
  return {
    id: s.id,
    name: s.name,
    serviceType: s.service_type,
    status: s.status,
    organization: { id: s.organization_id, name: s.organization_name },
    territories: (around.territories.get(s.id) ?? []).map(territoryRefOf),
    cities: [...new Set(sites.map((site) => around.locations.get(site.location_id)?.city).filter((c): c is string => !!c))],
    phones: [...numbers(s.id), ...sites.flatMap((site) => numbers(site.location_id))],
    focalPoints: current.map((c) => ({ name: c.name, title: c.title, phones: numbers(c.id) })),
    hours: sites.flatMap((site) => (around.schedules.get(site.id) ?? []).map((h) => ({ byDay: h.by_day, opensAt: h.opens_at, closesAt: h.closes_at }))),
    languages: s.languages,
    cost: s.cost,
    openNow: openNowOf(s, around, m),
    stale: isStale(s.verified_at, m.now, m.staleAfterMonths),
    verifiedAt: s.verified_at,
  };
}

/** A stored service's own fields as the API names them (the page shows them; an update is diffed against them). */
export function serviceFieldsOf(s: ServiceRow) {
  return {
    name: s.name,
    alternateName: s.alternate_name,
    description: s.description,
    serviceType: s.service_type,
    status: s.status,
    eligibility: { sex: s.eligible_sex, minimumAge: s.minimum_age, maximumAge: s.maximum_age, migrantsAnyStatus: s.migrants_any_status, description: s.eligibility_description },
    cost: s.cost,
    feesDescription: s.fees_description,
    languages: s.languages as DirectoryService['languages'],
    requiredDocuments: s.required_documents,
    email: s.email,
    url: s.url,
  };
}

export function serviceOf(s: ServiceRow, org: DirectoryOrganization, around: Around, m: Moment, editable: boolean): DirectoryService {
  const contacts = around.contacts.get(s.id) ?? [];
  const phonesOf = (id: string) => around.phones.get(id) ?? [];
  return {
    id: s.id,
    organizationId: s.organization_id,
    ...serviceFieldsOf(s),
    organization: org,
    territories: (around.territories.get(s.id) ?? []).map(territoryRefOf),
    phones: phonesOf(s.id).map(phoneOf),
    locations: (around.sites.get(s.id) ?? []).flatMap((site) => {
      const l = around.locations.get(site.location_id);
      return l ? [{ id: site.id, location: locationOf(l, m), hours: (around.schedules.get(site.id) ?? []).map(hoursOf) }] : [];
    }),
    contacts: contacts.filter((c) => c.valid_until === null).map((c) => contactOf(c, phonesOf(c.id), m)),
    previousContacts: contacts.filter((c) => c.valid_until !== null).map((c) => contactOf(c, phonesOf(c.id), m)),
    openNow: openNowOf(s, around, m),
    verification: verificationOf(s, m),
    editable,
  };
}
