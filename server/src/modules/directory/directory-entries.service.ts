import {
  DomainError,
  invalidField,
  monthsBefore,
  type ContactInput,
  type DirectoryResource,
  type DirectorySettings,
  type LocationInput,
  type ReplaceContact,
  type TaxonomyTerm,
  type TerritoryInput,
  type UpdateContact,
} from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor, RequestContext } from '../../context/index.ts';
import { directoryPolicy } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import * as writes from './directory-writes.repository.ts';
import type { Ownership } from './directory-rows.ts';
import { contactOf, locationOf, verificationOf, type Moment } from './directory-view.ts';
import { changesOf, phoneRows, whoOf } from './directory-records.ts';

// The directory's other entries (locations, focal points), verification, the "to verify"
// worklist, the change log, and the network's own data (territories, taxonomy, settings).

const locationColumns = (l: Omit<LocationInput, 'id' | 'organizationId'>) => ({
  name: l.name,
  location_type: l.locationType,
  address_1: l.address?.address1 ?? null,
  city: l.address?.city ?? null,
  region: l.address?.region ?? null,
  postal_code: l.address?.postalCode ?? null,
  country: l.address?.country ?? null,
  latitude: l.latitude,
  longitude: l.longitude,
  accessibility: l.accessibility,
  confidential: l.confidential,
});

const contactColumns = (c: UpdateContact) => ({ name: c.name, title: c.title, email: c.email, phones: c.phones.map((p) => p.number).join(', ') });

export function directoryEntriesUseCases(db: Queryable, moment: (trx: Queryable, actor: Actor) => Promise<Moment>) {
  /** Who owns an organisation's entries (its locations, its focal points). */
  async function organizationOwnership(trx: Queryable, organizationId: string, field: string): Promise<Ownership> {
    const [o] = await repo.selectOrganizations(trx, { ids: [organizationId] });
    if (!o) throw invalidField(field, 'unknown_reference', { value: organizationId });
    return o;
  }

  /** The ownership of any entry, or not_found. */
  async function ownershipOf(trx: Queryable, resource: DirectoryResource, id: string): Promise<Ownership> {
    if (resource === 'service') {
      const [s] = await repo.selectServices(trx, [id]);
      if (s) return s;
    } else if (resource === 'organization') {
      const [o] = await repo.selectOrganizations(trx, { ids: [id] });
      if (o) return o;
    } else if (resource === 'location') {
      const [l] = await repo.selectLocations(trx, { ids: [id] });
      if (l) return organizationOwnership(trx, l.organization_id, 'id');
    } else {
      const [c] = await repo.selectContacts(trx, { ids: [id] });
      if (c) return contactParentOwnership(trx, c);
    }
    throw new DomainError('not_found');
  }

  async function contactParentOwnership(trx: Queryable, c: { organization_id: string | null; service_id: string | null; location_id: string | null }): Promise<Ownership> {
    if (c.service_id) return ownershipOf(trx, 'service', c.service_id);
    if (c.location_id) return ownershipOf(trx, 'location', c.location_id);
    return organizationOwnership(trx, c.organization_id ?? '', 'organizationId');
  }

  async function editable(trx: Queryable, actor: Actor, own: Ownership): Promise<void> {
    if (!directoryPolicy.edit(actor, own)) throw new DomainError('directory_read_only');
  }

  async function readContact(trx: Queryable, id: string, m: Moment) {
    const [c] = await repo.selectContacts(trx, { ids: [id] });
    return contactOf(c!, await repo.selectPhones(trx, [id]), m);
  }

  async function writeContact(trx: Queryable, actor: Actor, id: string, parent: Pick<ContactInput, 'organizationId' | 'serviceId' | 'locationId'>, input: UpdateContact, since: string | null) {
    const who = whoOf(actor);
    await writes.upsertRows(trx, 'directory_contact', [
      {
        id,
        organization_id: parent.organizationId,
        service_id: parent.serviceId,
        location_id: parent.locationId,
        name: input.name,
        title: input.title,
        email: input.email,
        ...(since ? { valid_since: since } : {}),
        verified_at: new Date().toISOString(),
        verified_by: who.name,
      },
    ]);
    await writes.deleteWhere(trx, 'directory_phone', 'contact_id', [id]);
    await writes.upsertRows(trx, 'directory_phone', phoneRows('contact_id', id, input.phones));
  }

  return {
    async listLocations(ctx: RequestContext, organizationId: string) {
      const m = await moment(db, ctx.actor);
      return { items: (await repo.selectLocations(db, { organizationIds: [organizationId] })).map((l) => locationOf(l, m)) };
    },

    async saveLocation(ctx: RequestContext, id: string | undefined, input: LocationInput) {
      return withTransaction(db, async (trx) => {
        const m = await moment(trx, ctx.actor);
        const existing = id ? (await repo.selectLocations(trx, { ids: [id] }))[0] : undefined;
        if (id && !existing) throw new DomainError('not_found');
        const locationId = id ?? input.id ?? newId();
        const replayed = !id && (await repo.selectLocations(trx, { ids: [locationId] }))[0];
        if (replayed) return { created: false, location: locationOf(replayed, m) };
        await editable(trx, ctx.actor, await organizationOwnership(trx, existing?.organization_id ?? input.organizationId, 'organizationId'));
        const who = whoOf(ctx.actor);
        const columns = locationColumns(input);
        await writes.upsertRows(trx, 'directory_location', [
          { id: locationId, organization_id: existing?.organization_id ?? input.organizationId, ...columns, verified_at: new Date().toISOString(), verified_by: who.name },
        ]);
        await writes.insertChanges(trx, changesOf('location', locationId, existing ? locationColumns({ ...existing, locationType: existing.location_type, address: existing.address_1 !== null ? { address1: existing.address_1, city: existing.city ?? '', region: existing.region, postalCode: existing.postal_code, country: existing.country ?? 'MA' } : null }) : null, columns, who));
        const [l] = await repo.selectLocations(trx, { ids: [locationId] });
        return { created: !existing, location: locationOf(l!, m) };
      });
    },

    /** Adds a focal point to an organisation, a service or a location. */
    async createContact(ctx: RequestContext, input: ContactInput) {
      return withTransaction(db, async (trx) => {
        const m = await moment(trx, ctx.actor);
        const id = input.id ?? newId();
        if ((await repo.selectContacts(trx, { ids: [id] })).length) return { created: false, contact: await readContact(trx, id, m) };
        await editable(trx, ctx.actor, await contactParentOwnership(trx, { organization_id: input.organizationId, service_id: input.serviceId, location_id: input.locationId }));
        await writeContact(trx, ctx.actor, id, input, input, null);
        await writes.insertChanges(trx, changesOf('contact', id, null, contactColumns(input), whoOf(ctx.actor)));
        return { created: true, contact: await readContact(trx, id, m) };
      });
    },

    /** Corrects a focal point's details (the same person: a new phone, a new function). */
    async updateContact(ctx: RequestContext, id: string, input: UpdateContact) {
      return withTransaction(db, async (trx) => {
        const [c] = await repo.selectContacts(trx, { ids: [id] });
        if (!c) throw new DomainError('not_found');
        await editable(trx, ctx.actor, await contactParentOwnership(trx, c));
        const phones = (await repo.selectPhones(trx, [id])).map((p) => p.number).join(', ');
        await writeContact(trx, ctx.actor, id, { organizationId: c.organization_id, serviceId: c.service_id, locationId: c.location_id }, input, null);
        await writes.insertChanges(trx, changesOf('contact', id, { name: c.name, title: c.title, email: c.email, phones }, contactColumns(input), whoOf(ctx.actor)));
        return readContact(trx, id, await moment(trx, ctx.actor));
      });
    },

    /** A new focal point in place of this one, from `since`: the previous one stays in the history, with her dates (until `since`). */
    async replaceContact(ctx: RequestContext, id: string, input: ReplaceContact) {
      return withTransaction(db, async (trx) => {
        const [c] = await repo.selectContacts(trx, { ids: [id] });
        if (!c) throw new DomainError('not_found');
        if (c.valid_until !== null) throw invalidField('id', 'already_replaced');
        if (input.since < c.valid_since) throw new DomainError('validation_failed', { fields: [{ field: 'since', code: 'too_small', params: { min: c.valid_since } }] });
        await editable(trx, ctx.actor, await contactParentOwnership(trx, c));
        const next = input.id ?? newId();
        await writeContact(trx, ctx.actor, next, { organizationId: c.organization_id, serviceId: c.service_id, locationId: c.location_id }, input, input.since);
        await writes.updateRow(trx, 'directory_contact', id, { valid_until: input.since, replaced_by: next });
        const who = whoOf(ctx.actor);
        await writes.insertChanges(trx, [
          ...changesOf('contact', id, { name: c.name, valid_until: null }, { name: c.name, valid_until: input.since }, who, 'replace'),
          ...changesOf('contact', next, null, contactColumns(input), who),
        ]);
        return readContact(trx, next, await moment(trx, ctx.actor));
      });
    },

    /** "Still true": the entry is verified now, by her. */
    async verify(ctx: RequestContext, resource: DirectoryResource, id: string) {
      return withTransaction(db, async (trx) => {
        await editable(trx, ctx.actor, await ownershipOf(trx, resource, id));
        const who = whoOf(ctx.actor);
        await writes.markVerified(trx, resource, id, who.name);
        await writes.insertChanges(trx, changesOf(resource, id, null, {}, who, 'verify'));
        const m = await moment(trx, ctx.actor);
        return { verification: verificationOf({ verified_at: new Date().toISOString().slice(0, 19) + 'Z', verified_by: who.name }, m) };
      });
    },

    /** Stale entries she may verify (of a territory, or all), the oldest first. */
    async toVerify(ctx: RequestContext, territory: string | undefined, resources?: readonly DirectoryResource[]) {
      const m = await moment(db, ctx.actor);
      const rows = (await repo.selectStale(db, monthsBefore(m.now, m.staleAfterMonths), territory)).filter(
        (r) => directoryPolicy.edit(ctx.actor, r) && (!resources || resources.includes(r.resource)),
      );
      const seen = new Set<string>();
      const items = rows
        .filter((r) => (seen.has(`${r.resource}:${r.id}`) ? false : (seen.add(`${r.resource}:${r.id}`), true)))
        .map((r) => ({ resource: r.resource, id: r.id, name: r.name, serviceId: r.service_id, organizationName: r.organization_name, verifiedAt: r.verified_at, verifiedBy: r.verified_by }));
      return { items: items.slice(0, 500), total: items.length };
    },

    async changes(_ctx: RequestContext, resource: DirectoryResource, id: string) {
      const rows = await repo.selectChanges(db, resource, id);
      return {
        items: rows.map((r) => ({ resource: r.resource, resourceId: r.resource_id, action: r.action, field: r.field, previousValue: r.previous_value, replacementValue: r.replacement_value, by: r.changed_by, at: r.changed_at })),
      };
    },

    async territories(_ctx: RequestContext) {
      return { items: (await repo.selectTerritories(db)).map(territoryOf) };
    },

    /** A new territory, coordinated by her organisation. */
    async createTerritory(ctx: RequestContext, input: TerritoryInput) {
      if (!directoryPolicy.manage(ctx.actor)) throw new DomainError('forbidden');
      const created = await writes.insertTerritory(db, { id: newId(), code: input.code, name_fr: input.name.fr, name_ar: input.name.ar, coordinating_organisation_id: ctx.actor.organisationId });
      if (!created) throw new DomainError('validation_failed', { fields: [{ field: 'code', code: 'taken' }] });
      return territoryOf((await repo.selectTerritories(db, [input.code]))[0]!);
    },

    async taxonomy(_ctx: RequestContext): Promise<{ items: TaxonomyTerm[] }> {
      return { items: (await repo.selectTaxonomy(db)).map((t) => ({ code: t.code, labels: { fr: t.label_fr, ar: t.label_ar, en: t.label_en } })) };
    },

    async putTaxonomyTerm(ctx: RequestContext, term: TaxonomyTerm): Promise<TaxonomyTerm> {
      if (!directoryPolicy.manage(ctx.actor)) throw new DomainError('forbidden');
      await writes.upsertTaxonomyTerm(db, { code: term.code, label_fr: term.labels.fr, label_ar: term.labels.ar, label_en: term.labels.en });
      return term;
    },

    async settings(ctx: RequestContext): Promise<DirectorySettings> {
      return { staleAfterMonths: (await moment(db, ctx.actor)).staleAfterMonths };
    },

    async putSettings(ctx: RequestContext, settings: DirectorySettings): Promise<DirectorySettings> {
      if (!directoryPolicy.manage(ctx.actor)) throw new DomainError('forbidden');
      await writes.putDirectorySetting(db, 'settings', settings);
      return settings;
    },
  };
}

function territoryOf(t: { id: string; code: string; name_fr: string; name_ar: string | null; coordinating_organisation_id: string | null; coordinating_organisation_name: string | null }) {
  return {
    id: t.id,
    code: t.code,
    name: { fr: t.name_fr, ar: t.name_ar },
    coordinatingOrganisation: t.coordinating_organisation_id ? { id: t.coordinating_organisation_id, name: t.coordinating_organisation_name ?? '' } : null,
  };
}
