import type { DirectoryOrganizationInput, UpdateDirectoryService, WeeklyHoursInput } from '@relais/core';
import type { Actor } from '../../context/index.ts';
import { newId } from '../../lib/ids.ts';
import type { ChangeRow, Row } from './directory-writes.repository.ts';
import type { TerritoryRow } from './directory-rows.ts';

// Inputs → the rows that store them, and the change log (HSDS metadata) between two versions.

export interface Who {
  /** Shown to every reader of the network: her name and organisation. */
  name: string;
  userId: string | null;
}

export function whoOf(actor: Actor): Who {
  return { name: `${actor.displayName} (${actor.organisationName})`, userId: actor.userId };
}

export function organizationColumns(input: Omit<DirectoryOrganizationInput, 'id'>) {
  return { name: input.name, alternate_name: input.alternateName, description: input.description, email: input.email, website: input.website };
}

export function serviceColumns(input: UpdateDirectoryService) {
  return {
    name: input.name,
    alternate_name: input.alternateName,
    description: input.description,
    service_type: input.serviceType,
    status: input.status,
    eligible_sex: input.eligibility.sex,
    minimum_age: input.eligibility.minimumAge,
    maximum_age: input.eligibility.maximumAge,
    migrants_any_status: input.eligibility.migrantsAnyStatus,
    eligibility_description: input.eligibility.description,
    cost: input.cost,
    fees_description: input.feesDescription,
    languages: input.languages,
    required_documents: input.requiredDocuments,
    email: input.email,
    url: input.url,
  };
}

export function scheduleRow(siteId: string, h: WeeklyHoursInput & { id?: string }): Row {
  return {
    id: h.id ?? newId(),
    service_at_location_id: siteId,
    by_day: h.byDay,
    opens_at: h.opensAt,
    closes_at: h.closesAt,
    valid_from: h.validFrom,
    valid_to: h.validTo,
    description: h.description,
  };
}

export function phoneRows(owner: 'service_id' | 'contact_id' | 'location_id' | 'organization_id', ownerId: string, phones: ReadonlyArray<UpdateDirectoryService['phones'][number] & { id?: string }>): Row[] {
  return phones.map((p, i) => ({
    id: p.id ?? newId(),
    organization_id: owner === 'organization_id' ? ownerId : null,
    service_id: owner === 'service_id' ? ownerId : null,
    location_id: owner === 'location_id' ? ownerId : null,
    contact_id: owner === 'contact_id' ? ownerId : null,
    number: p.number,
    phone_type: p.phoneType,
    extension: p.extension,
    description: p.description,
    position: i,
  }));
}

/** A service's children as rows: territories served, sites with their hours, phones. */
export function serviceChildren(id: string, input: Pick<UpdateDirectoryService, 'locations' | 'phones'>, territories: readonly Pick<TerritoryRow, 'id'>[]) {
  const sites = input.locations.map((l) => ({ id: newId(), service_id: id, location_id: l.locationId }));
  return {
    areas: territories.map((t) => ({ service_id: id, territory_id: t.id })),
    sites,
    schedules: input.locations.flatMap((l, i) => l.hours.map((h) => scheduleRow(sites[i]!.id, h))),
    phones: phoneRows('service_id', id, input.phones),
  };
}

function shown(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** The change log between two versions of an entry: one row a changed field, or one row for a creation. */
export function changesOf(resource: ChangeRow['resource'], id: string, before: Record<string, unknown> | null, after: Record<string, unknown>, who: Who, action: ChangeRow['action'] = 'update'): ChangeRow[] {
  const base = { resource, resource_id: id, changed_by: who.name, changed_by_user: who.userId };
  if (!before) return [{ ...base, action: action === 'update' ? 'create' : action, field: null, previous_value: null, replacement_value: null }];
  return Object.keys(after)
    .filter((k) => shown(before[k]) !== shown(after[k]))
    // Named as the API names the field (`requiredDocuments`), so that screens say it with the field's label.
    .map((k) => ({ ...base, action, field: k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), previous_value: shown(before[k]), replacement_value: shown(after[k]) }));
}
