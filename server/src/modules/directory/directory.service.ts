import {
  DEFAULT_STALE_AFTER_MONTHS,
  DIRECTORY_MAP_CAP,
  DirectorySettings,
  DomainError,
  invalidField,
  isStale,
  monthsBefore,
  wallClockNow,
  weekDayOf,
  type DirectoryMap,
  type DirectoryMapQuery,
  type DirectoryOrganizationInput,
  type DirectoryService,
  type DirectoryServiceInput,
  type DirectoryServiceSearch,
  type UpdateDirectoryService,
} from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor, RequestContext } from '../../context/index.ts';
import { loadCaseSettings } from '../settings/index.ts';
import { directoryPolicy } from './directory.policy.ts';
import * as repo from './directory.repository.ts';
import type { ServiceRow } from './directory-rows.ts';
import * as writes from './directory-writes.repository.ts';
import { organizationOf, readAround, serviceFieldsOf, serviceOf, summaryOf, type Moment } from './directory-view.ts';
import { changesOf, organizationColumns, serviceColumns, serviceChildren, whoOf } from './directory-records.ts';
import { directoryEntriesUseCases } from './directory-entries.service.ts';

export function createDirectoryService(db: Queryable) {
  /** The reader's wall clock and the staleness setting. */
  async function moment(trx: Queryable, actor: Actor): Promise<Moment> {
    const [cases, stored] = await Promise.all([loadCaseSettings(trx, actor.organisationId), repo.getDirectorySetting(trx, 'settings')]);
    const parsed = DirectorySettings.safeParse(stored);
    return { now: wallClockNow(cases.timeZone), staleAfterMonths: parsed.success ? parsed.data.staleAfterMonths : DEFAULT_STALE_AFTER_MONTHS };
  }

  async function territoriesOf(trx: Queryable, codes: readonly string[], field: string) {
    const found = await repo.selectTerritories(trx, codes);
    codes.forEach((code, i) => {
      if (!found.some((t) => t.code === code)) throw invalidField(`${field}.${i}`, 'unknown_reference', { value: code });
    });
    return found;
  }

  async function checkType(trx: Queryable, code: string): Promise<void> {
    if (!(await repo.selectTaxonomy(trx)).some((t) => t.code === code)) throw invalidField('serviceType', 'invalid_choice');
  }

  async function checkLocations(trx: Queryable, organizationId: string, locations: DirectoryServiceInput['locations']): Promise<void> {
    const found = await repo.selectLocations(trx, { ids: locations.map((l) => l.locationId) });
    locations.forEach((l, i) => {
      if (!found.some((f) => f.id === l.locationId && f.organization_id === organizationId)) throw invalidField(`locations.${i}.locationId`, 'unknown_reference', { value: l.locationId });
    });
  }

  /** One service as the page shows it. */
  async function readService(trx: Queryable, actor: Actor, id: string, m: Moment): Promise<DirectoryService> {
    const [s] = await repo.selectServices(trx, [id]);
    if (!s) throw new DomainError('not_found');
    const [o] = await repo.selectOrganizations(trx, { ids: [s.organization_id] });
    const around = await readAround(trx, [s]);
    return serviceOf(s, organizationOf(o!, m, directoryPolicy.edit(actor, o!)), around, m, directoryPolicy.edit(actor, s));
  }

  /** Writes a service's columns and children (areas, sites with their hours, phones), and the change log. */
  async function writeService(trx: Queryable, actor: Actor, id: string, input: UpdateDirectoryService & { organizationId: string }, before: Record<string, unknown> | null) {
    const territories = await territoriesOf(trx, input.territories, 'territories');
    await checkType(trx, input.serviceType);
    await checkLocations(trx, input.organizationId, input.locations);
    const [org] = await repo.selectOrganizations(trx, { ids: [input.organizationId] });
    if (!org) throw invalidField('organizationId', 'unknown_reference', { value: input.organizationId });
    // She must be allowed to edit the service as it will stand: her organisation's, or serving her territories.
    const after = { owner_org: org.owner_org, territory_orgs: territories.flatMap((t) => (t.coordinating_organisation_id ? [t.coordinating_organisation_id] : [])) };
    if (!directoryPolicy.edit(actor, after)) throw new DomainError('directory_read_only');
    const who = whoOf(actor);
    const row = { id, organization_id: input.organizationId, ...serviceColumns(input), verified_at: new Date().toISOString(), verified_by: who.name };
    await writes.upsertRows(trx, 'directory_service', [row]);
    const children = serviceChildren(id, input, territories);
    await writes.deleteWhere(trx, 'directory_service_area', 'service_id', [id]);
    await writes.upsertRows(trx, 'directory_service_area', children.areas, { key: ['service_id', 'territory_id'], update: false });
    await writes.deleteWhere(trx, 'directory_service_at_location', 'service_id', [id]);
    await writes.upsertRows(trx, 'directory_service_at_location', children.sites);
    await writes.upsertRows(trx, 'directory_schedule', children.schedules);
    await writes.deleteWhere(trx, 'directory_phone', 'service_id', [id]);
    await writes.upsertRows(trx, 'directory_phone', children.phones);
    await writes.insertChanges(trx, changesOf('service', id, before, { ...serviceColumns(input), territories: input.territories.join(', ') }, who));
  }

  async function serviceRecord(trx: Queryable, id: string): Promise<Record<string, unknown> | null> {
    const [s] = await repo.selectServices(trx, [id]);
    if (!s) return null;
    const territories = (await repo.selectServiceTerritories(trx, [id])).map((t) => t.code);
    return { ...serviceColumns(recordToInput(s)), territories: territories.join(', ') };
  }

  return {
    moment,

    async search(ctx: RequestContext, q: DirectoryServiceSearch) {
      const m = await moment(db, ctx.actor);
      const openAt = q.openNow ? { day: weekDayOf(m.now), time: m.now.slice(11, 16), date: m.now.slice(0, 10) } : undefined;
      const page = await repo.searchServices(db, { need: q.need, territory: q.territory, language: q.language, q: q.q, staleOnly: q.staleOnly, openAt, cutoff: monthsBefore(m.now, m.staleAfterMonths) }, q);
      const around = await readAround(db, page.rows);
      return { items: page.rows.map((s) => summaryOf(s, around, m)), total: page.total, totalCapped: page.totalCapped };
    },

    /** The located places of a search's services, grouped by place (confidential places never). */
    async map(ctx: RequestContext, q: DirectoryMapQuery): Promise<DirectoryMap> {
      const m = await moment(db, ctx.actor);
      const now = { day: weekDayOf(m.now), time: m.now.slice(11, 16), date: m.now.slice(0, 10) };
      const filters = { need: q.need, territory: q.territory, language: q.language, q: q.q, staleOnly: q.staleOnly, openAt: q.openNow ? now : undefined, cutoff: monthsBefore(m.now, m.staleAfterMonths) };
      const found = await repo.selectMapPoints(db, filters, now, DIRECTORY_MAP_CAP);
      const points = new Map<string, DirectoryMap['points'][number]>();
      for (const r of found.rows) {
        const point = points.get(r.location_id) ?? { locationId: r.location_id, name: r.location_name, city: r.city, latitude: r.latitude, longitude: r.longitude, services: [] };
        points.set(r.location_id, point);
        point.services.push({ id: r.service_id, name: r.service_name, serviceType: r.service_type, stale: isStale(r.verified_at, m.now, m.staleAfterMonths), openNow: r.open_now });
      }
      const all = [...points.values()];
      return { points: all.slice(0, DIRECTORY_MAP_CAP), withoutCoordinates: found.withoutCoordinates, capped: all.length > DIRECTORY_MAP_CAP };
    },

    /** Services by id as a list shows them (for the care circuits), in the order asked. */
    async summaries(ctx: RequestContext, ids: readonly string[]) {
      const m = await moment(db, ctx.actor);
      const rows = await repo.selectServices(db, ids);
      const around = await readAround(db, rows);
      const byId = new Map(rows.map((s) => [s.id, summaryOf(s, around, m)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async getService(ctx: RequestContext, id: string): Promise<DirectoryService> {
      return readService(db, ctx.actor, id, await moment(db, ctx.actor));
    },

    /** Adds a service (idempotent on its id: a retried creation answers the service as it stands). */
    async createService(ctx: RequestContext, input: DirectoryServiceInput): Promise<{ created: boolean; service: DirectoryService }> {
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const m = await moment(trx, ctx.actor);
        if ((await repo.selectServices(trx, [id])).length) return { created: false, service: await readService(trx, ctx.actor, id, m) };
        await writeService(trx, ctx.actor, id, input, null);
        return { created: true, service: await readService(trx, ctx.actor, id, m) };
      });
    },

    /** Changes a service (the whole service, as its form sends it); saving it verifies it. */
    async updateService(ctx: RequestContext, id: string, input: UpdateDirectoryService): Promise<DirectoryService> {
      return withTransaction(db, async (trx) => {
        const [s] = await repo.selectServices(trx, [id]);
        if (!s) throw new DomainError('not_found');
        if (!directoryPolicy.edit(ctx.actor, s)) throw new DomainError('directory_read_only');
        await writeService(trx, ctx.actor, id, { ...input, organizationId: s.organization_id }, await serviceRecord(trx, id));
        return readService(trx, ctx.actor, id, await moment(trx, ctx.actor));
      });
    },

    async listOrganizations(ctx: RequestContext, q: string | undefined) {
      const m = await moment(db, ctx.actor);
      const rows = await repo.selectOrganizations(db, { q });
      return { items: rows.map((o) => organizationOf(o, m, directoryPolicy.edit(ctx.actor, o))) };
    },

    async createOrganization(ctx: RequestContext, input: DirectoryOrganizationInput) {
      return withTransaction(db, async (trx) => {
        const m = await moment(trx, ctx.actor);
        const id = input.id ?? newId();
        const existing = await repo.selectOrganizations(trx, { ids: [id] });
        if (existing[0]) return { created: false, organization: organizationOf(existing[0], m, directoryPolicy.edit(ctx.actor, existing[0])) };
        const as = directoryPolicy.addOrganization(ctx.actor);
        if (!as) throw new DomainError('forbidden');
        const who = whoOf(ctx.actor);
        await writes.upsertRows(trx, 'directory_organization', [
          { id, ...organizationColumns(input), relais_organisation_id: as === 'own' ? ctx.actor.organisationId : null, verified_at: new Date().toISOString(), verified_by: who.name },
        ]);
        await writes.insertChanges(trx, changesOf('organization', id, null, organizationColumns(input), who));
        const [o] = await repo.selectOrganizations(trx, { ids: [id] });
        return { created: true, organization: organizationOf(o!, m, directoryPolicy.edit(ctx.actor, o!)) };
      });
    },

    async updateOrganization(ctx: RequestContext, id: string, input: DirectoryOrganizationInput) {
      return withTransaction(db, async (trx) => {
        const [o] = await repo.selectOrganizations(trx, { ids: [id] });
        if (!o) throw new DomainError('not_found');
        if (!directoryPolicy.edit(ctx.actor, o)) throw new DomainError('directory_read_only');
        const who = whoOf(ctx.actor);
        const before = organizationColumns({ name: o.name, alternateName: o.alternate_name, description: o.description, email: o.email, website: o.website });
        await writes.updateRow(trx, 'directory_organization', id, { ...organizationColumns(input), verified_at: new Date().toISOString(), verified_by: who.name });
        await writes.insertChanges(trx, changesOf('organization', id, before, organizationColumns(input), who));
        const [after] = await repo.selectOrganizations(trx, { ids: [id] });
        return organizationOf(after!, await moment(trx, ctx.actor), true);
      });
    },

    ...directoryEntriesUseCases(db, moment),
  };
}
export type DirectoryUseCases = ReturnType<typeof createDirectoryService>;

/** A stored service as the input that would write it (to diff an update against). */
function recordToInput(s: ServiceRow): UpdateDirectoryService {
  return { ...serviceFieldsOf(s), territories: [], locations: [], phones: [] };
}
