import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/index.ts';
import * as repo from './directory.repository.ts';
import type { ContactRow, LocationRow, OrganizationRow, PhoneRow, ServiceRow } from './directory-rows.ts';
import { readAround, type Around } from './directory-view.ts';
import { ELIGIBILITY_TAXONOMY, SERVICE_TYPE_TAXONOMY } from './hsds.schema.ts';

// Directory rows → HSDS 3.0 services, fully nested (the export file and the /hsds API).
// Objects Relais does not store with an id of their own (addresses, languages, service areas,
// cost options, documents, attributes) get a stable id derived from their owner's: the same
// entry exports the same ids every time.

/** A UUID (v5 layout) derived from its parts: stable across exports. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const dateOf = (ts: string | null) => (ts ? ts.slice(0, 10) : null);
const phoneOut = (p: PhoneRow) => ({ id: p.id, number: p.number, type: p.phone_type, extension: p.extension, description: p.description, languages: [] });

function contactOut(c: ContactRow, phones: readonly PhoneRow[]) {
  return { id: c.id, name: c.name, title: c.title, email: c.email, phones: phones.map(phoneOut), assured_date: dateOf(c.verified_at), assurer_email: null };
}

function locationOut(l: LocationRow, around: Around, isPublic: boolean) {
  const hidden = isPublic && l.confidential;
  return {
    id: l.id,
    location_type: l.location_type,
    name: l.name,
    description: null,
    latitude: hidden ? null : l.latitude,
    longitude: hidden ? null : l.longitude,
    addresses:
      !hidden && (l.address_1 || l.city)
        ? [{ id: stableId(l.id, 'address'), location_id: l.id, address_1: l.address_1 ?? '', city: l.city ?? '', region: l.region, state_province: l.region, postal_code: l.postal_code, country: l.country ?? 'MA', address_type: 'physical' }]
        : [],
    accessibility: l.accessibility ? [{ id: stableId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility }] : [],
    phones: (around.phones.get(l.id) ?? []).map(phoneOut),
    contacts: [],
    confidential: l.confidential,
    assured_date: dateOf(l.verified_at),
  };
}

function organizationOut(o: OrganizationRow) {
  return { id: o.id, name: o.name, alternate_name: o.alternate_name, description: o.description ?? '', email: o.email, website: o.website, assured_date: dateOf(o.verified_at) };
}

/** One service in HSDS form. `isPublic`: confidential addresses (shelters) are left out. */
export function hsdsServiceOf(s: ServiceRow, org: OrganizationRow, around: Around, isPublic: boolean) {
  const contacts = (around.contacts.get(s.id) ?? []).filter((c) => c.valid_until === null);
  const term = (taxonomy: string, code: string) => ({ id: stableId(s.id, taxonomy, code), link_type: 'service', link_id: s.id, taxonomy_term: { id: stableId(taxonomy, code), code, name: code, taxonomy } });
  return {
    id: s.id,
    organization_id: s.organization_id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    fees_description: s.fees_description,
    eligibility_description: s.eligibility_description,
    minimum_age: s.minimum_age,
    maximum_age: s.maximum_age,
    assured_date: dateOf(s.verified_at),
    assurer_email: null,
    last_modified: s.updated_at,
    organization: organizationOut(org),
    service_at_locations: (around.sites.get(s.id) ?? []).flatMap((site) => {
      const l = around.locations.get(site.location_id);
      if (!l) return [];
      const schedules = (around.schedules.get(site.id) ?? []).map((h) => ({
        id: h.id,
        service_at_location_id: site.id,
        freq: 'WEEKLY',
        byday: h.by_day.join(','),
        opens_at: h.opens_at,
        closes_at: h.closes_at,
        valid_from: h.valid_from,
        valid_to: h.valid_to,
        description: h.description,
      }));
      return [{ id: site.id, service_id: s.id, location_id: l.id, location: locationOut(l, around, isPublic), schedules }];
    }),
    contacts: contacts.map((c) => contactOut(c, around.phones.get(c.id) ?? [])),
    phones: (around.phones.get(s.id) ?? []).map(phoneOut),
    schedules: [],
    languages: s.languages.map((code) => ({ id: stableId(s.id, 'language', code), service_id: s.id, code, name: code })),
    service_areas: (around.territories.get(s.id) ?? []).map((t) => ({ id: t.id, service_id: s.id, name: t.code, description: t.name_fr })),
    cost_options: [{ id: stableId(s.id, 'cost'), service_id: s.id, option: s.cost, amount: null, currency: null }],
    required_documents: s.required_documents.map((document, i) => ({ id: stableId(s.id, 'document', String(i)), service_id: s.id, document })),
    attributes: [
      term(SERVICE_TYPE_TAXONOMY, s.service_type),
      ...(s.eligible_sex !== 'any' ? [term(ELIGIBILITY_TAXONOMY, `sex:${s.eligible_sex}`)] : []),
      ...(s.migrants_any_status ? [term(ELIGIBILITY_TAXONOMY, 'migrants_any_status')] : []),
    ],
  };
}
export type HsdsServiceOut = ReturnType<typeof hsdsServiceOf>;

/** Services by id, in HSDS form, in the order of `ids`; read a thousand at a time. */
export async function hsdsServices(db: Queryable, ids: readonly string[], isPublic: boolean): Promise<HsdsServiceOut[]> {
  const out: HsdsServiceOut[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const services = await repo.selectServices(db, ids.slice(i, i + 1000));
    const orgs = new Map((await repo.selectOrganizations(db, { ids: [...new Set(services.map((s) => s.organization_id))] }, { limit: 100000, offset: 0 })).map((o) => [o.id, o]));
    const around = await readAround(db, services);
    const byId = new Map(services.map((s) => [s.id, s]));
    for (const id of ids.slice(i, i + 1000)) {
      const s = byId.get(id);
      if (s) out.push(hsdsServiceOf(s, orgs.get(s.organization_id)!, around, isPublic));
    }
  }
  return out;
}

/** The whole directory (or a territory's) in HSDS form, by id. */
export async function exportDirectory(db: Queryable, territory: string | undefined): Promise<HsdsServiceOut[]> {
  const { ids } = await repo.selectServiceIdsPage(db, { territory }, { limit: 1_000_000, offset: 0 });
  return hsdsServices(db, ids, false);
}
