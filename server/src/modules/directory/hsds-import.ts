import { codeFromName, DomainError, fieldIssuesOf, type FieldIssue } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../context/index.ts';
import { directoryPolicy } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import * as writes from './directory-writes.repository.ts';
import type { Row } from './directory-writes.repository.ts';
import { phoneRows, scheduleRow, whoOf } from './directory-records.ts';
import { HsdsServices, marksOf, type HsdsService } from './hsds.schema.ts';

// `relais import --kind directory FILE.json`: an array of HSDS 3.0 services, fully nested. All or
// nothing (one transaction; every error with its path in the JSON, e.g. `[3].service_at_locations[0].location.latitude`),
// idempotent on the HSDS ids (a second import of the same file changes nothing but `updated_at`).

export interface DirectoryImportReport {
  services: number;
  organizations: number;
  locations: number;
  contacts: number;
  territoriesCreated: string[];
}

/** `[3].service_at_locations[0].location.latitude` from a path of keys. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path.map((k) => (typeof k === 'number' || /^\d+$/.test(String(k)) ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

const dated = (d: string | null | undefined, by: string) => (d ? { verified_at: `${d}T00:00:00Z`, verified_by: by } : { verified_at: null, verified_by: null });

export async function importDirectory(db: Queryable, actor: Actor, input: unknown): Promise<DirectoryImportReport> {
  if (!directoryPolicy.exchange(actor)) throw new DomainError('forbidden');
  const parsed = HsdsServices.safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssuesOf(parsed.error.issues, input);
    throw new DomainError('validation_failed', { fields: issues.map((i) => ({ ...i, field: jsonPath(i.field.split('.')) })) });
  }
  const services = parsed.data;
  return withTransaction(db, async (trx) => {
    const errors: FieldIssue[] = [];
    const types = new Set((await repo.selectTaxonomy(trx)).map((t) => t.code));
    const territories = await repo.selectTerritories(trx);
    const created: string[] = [];
    const who = whoOf(actor);
    // Territories: by id, then by code, then by French name; one met first is created, coordinated by her organisation.
    const territoryFor = async (area: HsdsService['service_areas'][number], path: string) => {
      let t = territories.find((x) => x.id === area.id) ?? territories.find((x) => x.code === area.name) ?? territories.find((x) => x.name_fr === area.name || x.name_fr === area.description);
      if (!t) {
        const code = territories.some((x) => x.code === codeFromName(area.name)) ? `${codeFromName(area.name)}_${territories.length}` : codeFromName(area.name);
        const row = { id: area.id ?? newId(), code, name_fr: area.description ?? area.name, name_ar: null, coordinating_organisation_id: actor.organisationId, coordinating_organisation_name: actor.organisationName };
        await writes.insertTerritory(trx, row);
        territories.push(row);
        created.push(code);
        t = row;
      }
      if (t.coordinating_organisation_id !== null && t.coordinating_organisation_id !== actor.organisationId) errors.push({ field: path, code: 'territory_of_another', params: { value: t.code } });
      return t;
    };
    const rows: Record<'orgs' | 'services' | 'areas' | 'locations' | 'sites' | 'schedules' | 'contacts' | 'phones', Row[]> = {
      orgs: [], services: [], areas: [], locations: [], sites: [], schedules: [], contacts: [], phones: [],
    };
    const seen = new Set<string>();
    const once = (kind: string, id: string) => (seen.has(`${kind}:${id}`) ? false : (seen.add(`${kind}:${id}`), true));
    for (const [i, s] of services.entries()) {
      const marks = marksOf(s);
      if (!marks.serviceType || !types.has(marks.serviceType)) errors.push({ field: `[${i}].attributes`, code: marks.serviceType ? 'invalid_choice' : 'required' });
      if (!once('service', s.id)) errors.push({ field: `[${i}].id`, code: 'taken' });
      if (once('org', s.organization.id)) rows.orgs.push({ id: s.organization.id, name: s.organization.name, alternate_name: s.organization.alternate_name ?? null, description: s.organization.description ?? null, email: s.organization.email ?? null, website: s.organization.website ?? null, ...dated(s.organization.assured_date, who.name) });
      rows.services.push({
        id: s.id,
        organization_id: s.organization.id,
        name: s.name,
        alternate_name: s.alternate_name ?? null,
        description: s.description ?? null,
        service_type: marks.serviceType ?? '',
        status: s.status,
        eligible_sex: marks.sex,
        minimum_age: s.minimum_age ?? null,
        maximum_age: s.maximum_age ?? null,
        migrants_any_status: marks.migrantsAnyStatus,
        eligibility_description: s.eligibility_description ?? null,
        cost: s.cost_options.find((c) => c.option)?.option ?? 'free',
        fees_description: s.fees_description ?? null,
        languages: s.languages.flatMap((l) => (l.code ? [l.code] : [])),
        required_documents: s.required_documents.map((d) => d.document),
        email: s.email ?? null,
        url: s.url ?? null,
        ...dated(s.assured_date, who.name),
      });
      for (const [j, area] of s.service_areas.entries()) rows.areas.push({ service_id: s.id, territory_id: (await territoryFor(area, `[${i}].service_areas[${j}]`)).id });
      for (const sal of s.service_at_locations) {
        const l = sal.location;
        const a = l.addresses[0];
        if (once('location', l.id)) {
          rows.locations.push({ id: l.id, organization_id: s.organization.id, name: l.name, location_type: l.location_type, address_1: a?.address_1 ?? null, city: a?.city ?? null, region: a?.region ?? a?.state_province ?? null, postal_code: a?.postal_code ?? null, country: a?.country ?? null, latitude: l.latitude ?? null, longitude: l.longitude ?? null, accessibility: l.accessibility.map((x) => x.description).filter(Boolean).join(' ; ') || null, confidential: l.confidential, ...dated(l.assured_date, who.name) });
          rows.phones.push(...phoneRows('location_id', l.id, l.phones.map((p) => ({ ...p, phoneType: p.type ?? 'voice', extension: p.extension ?? null, description: p.description ?? null }))));
          for (const c of l.contacts) if (once('contact', c.id)) pushContact(rows, { ...c, location_id: l.id }, who.name);
        }
        if (!once('site', sal.id)) errors.push({ field: `[${i}].service_at_locations`, code: 'taken' });
        rows.sites.push({ id: sal.id, service_id: s.id, location_id: l.id });
        rows.schedules.push(...sal.schedules.map((h) => scheduleRow(sal.id, { id: h.id, byDay: h.byday.split(',') as never, opensAt: h.opens_at, closesAt: h.closes_at, validFrom: h.valid_from ?? null, validTo: h.valid_to ?? null, description: h.description ?? null })));
      }
      for (const [j, c] of s.contacts.entries()) {
        if (once('contact', c.id)) pushContact(rows, { ...c, service_id: s.id }, who.name);
        else errors.push({ field: `[${i}].contacts[${j}].id`, code: 'taken' });
      }
      rows.phones.push(...phoneRows('service_id', s.id, s.phones.map((p) => ({ ...p, phoneType: p.type ?? 'voice', extension: p.extension ?? null, description: p.description ?? null }))));
    }
    // Phones and hours are children: an id met twice (a copied block) is an error of the file, not a second row.
    for (const [kind, list] of [['phones', rows.phones], ['schedules', rows.schedules]] as const) {
      const ids = list.map((r) => String(r.id));
      if (new Set(ids).size !== ids.length) errors.push({ field: kind, code: 'taken' });
    }
    if (errors.length) throw new DomainError('validation_failed', { fields: errors });
    const serviceIds = services.map((s) => s.id);
    await writes.upsertRows(trx, 'directory_organization', rows.orgs);
    await writes.upsertRows(trx, 'directory_service', rows.services);
    for (const table of ['directory_service_area', 'directory_service_at_location'] as const) await writes.deleteWhere(trx, table, 'service_id', serviceIds);
    await writes.deleteWhere(trx, 'directory_phone', 'service_id', serviceIds);
    await writes.upsertRows(trx, 'directory_service_area', rows.areas, { key: ['service_id', 'territory_id'], update: false });
    await writes.upsertRows(trx, 'directory_location', rows.locations);
    await writes.deleteWhere(trx, 'directory_phone', 'location_id', rows.locations.map((l) => String(l.id)));
    await writes.upsertRows(trx, 'directory_service_at_location', rows.sites);
    await writes.upsertRows(trx, 'directory_schedule', rows.schedules);
    await writes.upsertRows(trx, 'directory_contact', rows.contacts);
    await writes.deleteWhere(trx, 'directory_phone', 'contact_id', rows.contacts.map((c) => String(c.id)));
    await writes.upsertRows(trx, 'directory_phone', rows.phones);
    await writes.insertChanges(trx, serviceIds.map((id) => ({ resource: 'service', resource_id: id, action: 'import', field: null, previous_value: null, replacement_value: null, changed_by: who.name, changed_by_user: who.userId })));
    return { services: services.length, organizations: rows.orgs.length, locations: rows.locations.length, contacts: rows.contacts.length, territoriesCreated: created };
  });
}

function pushContact(rows: { contacts: Row[]; phones: Row[] }, c: { id: string; name: string; title?: string | null; email?: string | null; phones: HsdsService['phones']; assured_date?: string | null; service_id?: string; location_id?: string }, by: string) {
  rows.contacts.push({ id: c.id, organization_id: null, service_id: c.service_id ?? null, location_id: c.location_id ?? null, name: c.name, title: c.title ?? null, email: c.email ?? null, ...dated(c.assured_date, by) });
  rows.phones.push(...phoneRows('contact_id', c.id, c.phones.map((p) => ({ ...p, phoneType: p.type ?? 'voice', extension: p.extension ?? null, description: p.description ?? null }))));
}
