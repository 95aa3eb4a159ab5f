import { sql, type RawBuilder } from 'kysely';
import { LIST_COUNT_CAP, type WeekDay } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { ContactRow, LocationRow, OrganizationRow, Ownership, PhoneRow, ScheduleRow, ServiceRow, SiteRow, TerritoryRow, VerifiedRow } from './directory-rows.ts';

// The directory's reads. The directory is shared by the instance's organisations: no
// organisation filter here; who may edit is the policy's (directory.policy.ts) from `owner_org`
// and `territory_orgs` that every row carries.

const verified = (alias: string) => sql.raw(`to_char(${alias}.verified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as verified_at, ${alias}.verified_by`);

/** The organisations coordinating the territories an organisation's services serve. */
const orgTerritoryOrgs = (orgAlias: string) =>
  sql.raw(`array(select distinct t.coordinating_organisation_id from directory_service s2 join directory_service_area a on a.service_id = s2.id
    join territory t on t.id = a.territory_id where s2.organization_id = ${orgAlias}.id and t.coordinating_organisation_id is not null)::text[]`);
const serviceTerritoryOrgs = (serviceAlias: string) =>
  sql.raw(`array(select distinct t.coordinating_organisation_id from directory_service_area a join territory t on t.id = a.territory_id
    where a.service_id = ${serviceAlias}.id and t.coordinating_organisation_id is not null)::text[]`);

/** The filters of a search, compiled; `cutoff` is the date before which a verification is stale. */
export interface SearchFilters {
  need?: string;
  territory?: string;
  language?: string;
  q?: string;
  staleOnly?: boolean;
  openAt?: { day: WeekDay; time: string; date: string };
  cutoff: string;
}

function searchWhere(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.need) parts.push(sql`s.service_type = ${f.need}`);
  if (f.territory) parts.push(sql`s.id in (select a.service_id from directory_service_area a join territory t on t.id = a.territory_id where t.code = ${f.territory})`);
  if (f.language) parts.push(sql`${f.language} = any(s.languages)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(s.name ilike ${like} or s.alternate_name ilike ${like} or o.name ilike ${like} or s.description ilike ${like})`);
  }
  if (f.staleOnly) parts.push(sql`(s.verified_at is null or s.verified_at < ${f.cutoff}::date)`);
  if (f.openAt) parts.push(openAtSql(f.openAt));
  return sql.join(parts, sql` and `);
}

/** The SQL form of `isOpenAt` (core/src/domain/directory.ts) for a service at any of its locations. */
function openAtSql(at: { day: WeekDay; time: string; date: string }): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from directory_service_at_location sal join directory_schedule h on h.service_at_location_id = sal.id
    where sal.service_id = s.id and ${at.day} = any(h.by_day) and h.opens_at <= ${at.time}::time and ${at.time}::time < h.closes_at
      and (h.valid_from is null or h.valid_from <= ${at.date}::date) and (h.valid_to is null or ${at.date}::date <= h.valid_to))`;
}

const serviceColumns = sql.raw(`s.id, s.organization_id, s.name, s.alternate_name, s.description, s.service_type, s.status, s.eligible_sex, s.minimum_age,
  s.maximum_age, s.migrants_any_status, s.eligibility_description, s.cost, s.fees_description, s.languages, s.required_documents, s.email, s.url,
  to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at, o.relais_organisation_id::text as owner_org`);

/** A page of services matching a search, by name; counted up to 1,000 past the page's start. */
export async function searchServices(db: Queryable, f: SearchFilters, page: { limit: number; offset: number }) {
  const where = searchWhere(f);
  // A list shows no edit button: the territories' coordinators (for the policy) are not read here.
  const rows = await sql<ServiceRow & { organization_name: string }>`
    select ${serviceColumns}, ${verified('s')}, o.name as organization_name, '{}'::text[] as territory_orgs
    from directory_service s join directory_organization o on o.id = s.organization_id
    where ${where} order by s.name, s.id limit ${page.limit} offset ${page.offset}`.execute(db);
  // A first page that is not full counts itself.
  if (page.offset === 0 && rows.rows.length < page.limit) return { rows: rows.rows, total: rows.rows.length, totalCapped: false };
  const cap = page.offset + LIST_COUNT_CAP;
  const counted = await sql<{ n: number }>`select count(*)::int as n from (select 1 from directory_service s join directory_organization o on o.id = s.organization_id
    where ${where} limit ${cap + 1}) x`.execute(db);
  const n = counted.rows[0]?.n ?? 0;
  return { rows: rows.rows, total: Math.min(n, cap), totalCapped: n > cap };
}

/** A place on the map: neither confidential (a shelter) nor without coordinates. */
const onMap = sql.raw('l.latitude is not null and l.longitude is not null and not l.confidential');

/**
 * The map of a search: the located places of the matching services (up to `cap` + 1 places, by
 * name), one row per place and service; and how many matching services have no such place.
 */
export async function selectMapPoints(db: Queryable, f: SearchFilters, now: { day: WeekDay; time: string; date: string }, cap: number) {
  const matching = sql`select s.id, s.name, s.service_type, s.verified_at, ${openAtSql(now)} as open_now
    from directory_service s join directory_organization o on o.id = s.organization_id where ${searchWhere(f)}`;
  const rows = await sql<{ location_id: string; location_name: string; city: string | null; latitude: number; longitude: number; service_id: string; service_name: string; service_type: string; verified_at: string | null; open_now: boolean }>`
    with svc as (${matching}),
    places as (select distinct l.id, l.name from svc join directory_service_at_location sal on sal.service_id = svc.id
      join directory_location l on l.id = sal.location_id where ${onMap} order by l.name, l.id limit ${cap + 1})
    select l.id as location_id, l.name as location_name, l.city, l.latitude, l.longitude, svc.id as service_id, svc.name as service_name, svc.service_type,
      to_char(svc.verified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as verified_at, svc.open_now
    from places p join directory_location l on l.id = p.id join directory_service_at_location sal on sal.location_id = l.id join svc on svc.id = sal.service_id
    order by l.name, l.id, svc.name, svc.id`.execute(db);
  const unplaced = await sql<{ n: number }>`with svc as (${matching})
    select count(*)::int as n from svc where not exists (select 1 from directory_service_at_location sal join directory_location l on l.id = sal.location_id
      where sal.service_id = svc.id and ${onMap})`.execute(db);
  return { rows: rows.rows, withoutCoordinates: unplaced.rows[0]?.n ?? 0 };
}

/** Services by id (with their organisation's name). */
export async function selectServices(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return [];
  const r = await sql<ServiceRow & { organization_name: string }>`
    select ${serviceColumns}, ${verified('s')}, o.name as organization_name, ${serviceTerritoryOrgs('s')} as territory_orgs
    from directory_service s join directory_organization o on o.id = s.organization_id where s.id = any(${ids}::uuid[])`.execute(db);
  return r.rows;
}

/** Services modified after an instant (the HSDS API's `modified_after`), a page at a time by id. */
export async function selectServiceIdsPage(db: Queryable, f: { modifiedAfter?: string; territory?: string }, page: { limit: number; offset: number }) {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.modifiedAfter) parts.push(sql`s.updated_at > ${f.modifiedAfter}::timestamptz`);
  if (f.territory) parts.push(sql`s.id in (select a.service_id from directory_service_area a join territory t on t.id = a.territory_id where t.code = ${f.territory})`);
  const where = sql.join(parts, sql` and `);
  const rows = await sql<{ id: string }>`select s.id from directory_service s where ${where} order by s.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from directory_service s where ${where}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total: count.rows[0]?.n ?? 0 };
}

/** How many organisations were modified after an instant (all without one): the HSDS API's page count. */
export async function countOrganizations(db: Queryable, modifiedAfter?: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from directory_organization o
    ${modifiedAfter ? sql`where o.updated_at > ${modifiedAfter}::timestamptz` : sql``}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function selectOrganizations(db: Queryable, f: { ids?: readonly string[]; q?: string; modifiedAfter?: string }, page = { limit: 200, offset: 0 }) {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (f.ids) parts.push(sql`o.id = any(${f.ids}::uuid[])`);
  if (f.q) parts.push(sql`o.name ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.modifiedAfter) parts.push(sql`o.updated_at > ${f.modifiedAfter}::timestamptz`);
  const r = await sql<OrganizationRow>`
    select o.id, o.name, o.alternate_name, o.description, o.email, o.website, o.relais_organisation_id, o.relais_organisation_id::text as owner_org,
      to_char(o.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at, ${verified('o')}, ${orgTerritoryOrgs('o')} as territory_orgs
    from directory_organization o where ${sql.join(parts, sql` and `)} order by o.name, o.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return r.rows;
}

const locationColumns = sql.raw(`l.id, l.organization_id, l.name, l.location_type, l.address_1, l.city, l.region, l.postal_code, l.country, l.latitude, l.longitude,
  l.accessibility, l.confidential`);

export async function selectLocations(db: Queryable, f: { ids?: readonly string[]; organizationIds?: readonly string[]; serviceIds?: readonly string[] }) {
  const where = f.ids
    ? sql`l.id = any(${f.ids}::uuid[])`
    : f.serviceIds
      ? sql`l.id in (select sal.location_id from directory_service_at_location sal where sal.service_id = any(${f.serviceIds}::uuid[]))`
      : sql`l.organization_id = any(${f.organizationIds ?? []}::uuid[])`;
  const r = await sql<LocationRow>`select ${locationColumns}, ${verified('l')} from directory_location l where ${where} order by l.name, l.id`.execute(db);
  return r.rows;
}

/** The sites (service at location) of services. */
export async function selectSites(db: Queryable, serviceIds: readonly string[]) {
  if (!serviceIds.length) return [];
  const r = await sql<SiteRow>`select id, service_id, location_id from directory_service_at_location where service_id = any(${serviceIds}::uuid[]) order by id`.execute(db);
  return r.rows;
}

export async function selectSchedules(db: Queryable, serviceIds: readonly string[]) {
  if (!serviceIds.length) return [];
  const r = await sql<ScheduleRow>`
    select h.id, h.service_at_location_id, sal.service_id, sal.location_id, h.by_day, to_char(h.opens_at, 'HH24:MI') as opens_at, to_char(h.closes_at, 'HH24:MI') as closes_at,
      to_char(h.valid_from, 'YYYY-MM-DD') as valid_from, to_char(h.valid_to, 'YYYY-MM-DD') as valid_to, h.description
    from directory_schedule h join directory_service_at_location sal on sal.id = h.service_at_location_id
    where sal.service_id = any(${serviceIds}::uuid[]) order by h.opens_at, h.id`.execute(db);
  return r.rows;
}

/** Contacts of services (current and past), of organisations, or by id. */
export async function selectContacts(db: Queryable, f: { serviceIds?: readonly string[]; ids?: readonly string[] }) {
  const where = f.ids ? sql`c.id = any(${f.ids}::uuid[])` : sql`c.service_id = any(${f.serviceIds ?? []}::uuid[])`;
  const r = await sql<ContactRow>`
    select c.id, c.organization_id, c.service_id, c.location_id, c.name, c.title, c.email, to_char(c.valid_since, 'YYYY-MM-DD') as valid_since,
      to_char(c.valid_until, 'YYYY-MM-DD') as valid_until, ${verified('c')}
    from directory_contact c where ${where} order by c.valid_until desc nulls first, c.valid_since desc, c.name, c.id`.execute(db);
  return r.rows;
}

/** Phones of any owners (services, locations, organisations, contacts), in their order. */
export async function selectPhones(db: Queryable, ownerIds: readonly string[]) {
  if (!ownerIds.length) return [];
  const r = await sql<PhoneRow>`
    select id, coalesce(service_id, contact_id, location_id, organization_id) as owner_id, number, phone_type, extension, description
    from directory_phone
    -- One test per owner column (each has its index): a coalesce() of them would read every phone.
    where service_id = any(${ownerIds}::uuid[]) or contact_id = any(${ownerIds}::uuid[]) or location_id = any(${ownerIds}::uuid[]) or organization_id = any(${ownerIds}::uuid[])
    order by position, id`.execute(db);
  return r.rows;
}

/** The territories each service serves. */
export async function selectServiceTerritories(db: Queryable, serviceIds: readonly string[]) {
  if (!serviceIds.length) return [];
  const r = await sql<TerritoryRow & { service_id: string }>`
    select a.service_id, t.id, t.code, t.name_fr, t.name_ar, t.coordinating_organisation_id, null as coordinating_organisation_name
    from directory_service_area a join territory t on t.id = a.territory_id where a.service_id = any(${serviceIds}::uuid[]) order by t.name_fr`.execute(db);
  return r.rows;
}

export async function selectTerritories(db: Queryable, codes?: readonly string[]) {
  const r = await sql<TerritoryRow>`
    select t.id, t.code, t.name_fr, t.name_ar, t.coordinating_organisation_id, o.name as coordinating_organisation_name
    from territory t left join organisation o on o.id = t.coordinating_organisation_id
    ${codes ? sql`where t.code = any(${codes}::text[])` : sql``} order by t.name_fr, t.code`.execute(db);
  return r.rows;
}

export async function selectTaxonomy(db: Queryable) {
  const r = await sql<{ code: string; label_fr: string; label_ar: string; label_en: string }>`
    select code, label_fr, label_ar, label_en from directory_taxonomy_term order by position, code`.execute(db);
  return r.rows;
}

export async function getDirectorySetting(db: Queryable, key: string): Promise<unknown> {
  const r = await sql<{ value: unknown }>`select value from directory_setting where key = ${key}`.execute(db);
  return r.rows[0]?.value;
}

/** Entries not verified since `cutoff`, of the services (and their organisation, locations, focal points) in a territory or anywhere. */
export async function selectStale(db: Queryable, cutoff: string, territory: string | undefined) {
  const inTerritory = territory
    ? sql`s.id in (select a.service_id from directory_service_area a join territory t on t.id = a.territory_id where t.code = ${territory})`
    : sql`true`;
  const staleOf = (alias: string) => sql`(${sql.ref(`${alias}.verified_at`)} is null or ${sql.ref(`${alias}.verified_at`)} < ${cutoff}::date)`;
  const r = await sql<{ resource: 'organization' | 'service' | 'location' | 'contact'; id: string; name: string; service_id: string | null; organization_name: string } & VerifiedRow & Ownership>`
    with svc as (select s.*, ${serviceTerritoryOrgs('s')} as territory_orgs from directory_service s where ${inTerritory})
    select 'service' as resource, s.id, s.name, s.id as service_id, o.name as organization_name, ${verified('s')}, o.relais_organisation_id::text as owner_org, s.territory_orgs
      from svc s join directory_organization o on o.id = s.organization_id where ${staleOf('s')}
    union all
    select distinct on (o.id) 'organization', o.id, o.name, s.id, o.name, ${verified('o')}, o.relais_organisation_id::text, s.territory_orgs
      from svc s join directory_organization o on o.id = s.organization_id where ${staleOf('o')}
    union all
    select distinct on (l.id) 'location', l.id, l.name, s.id, o.name, ${verified('l')}, o.relais_organisation_id::text, s.territory_orgs
      from svc s join directory_organization o on o.id = s.organization_id join directory_service_at_location sal on sal.service_id = s.id
      join directory_location l on l.id = sal.location_id where ${staleOf('l')}
    union all
    select 'contact', c.id, c.name, s.id, o.name, ${verified('c')}, o.relais_organisation_id::text, s.territory_orgs
      from svc s join directory_organization o on o.id = s.organization_id join directory_contact c on c.service_id = s.id
      where c.valid_until is null and ${staleOf('c')}`.execute(db);
  return r.rows.sort((a, b) => (a.verified_at ?? '').localeCompare(b.verified_at ?? '') || a.name.localeCompare(b.name));
}

export async function selectChanges(db: Queryable, resource: string, id: string) {
  const r = await sql<{ resource: 'organization' | 'service' | 'location' | 'contact'; resource_id: string; action: 'create' | 'update' | 'verify' | 'replace' | 'import'; field: string | null; previous_value: string | null; replacement_value: string | null; changed_by: string; changed_at: string }>`
    select resource, resource_id, action, field, previous_value, replacement_value, changed_by,
      to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as changed_at
    from directory_change where (resource = ${resource} and resource_id = ${id})
      -- A service's log includes its focal points (current and past) and its locations: what its page shows.
      or (${resource} = 'service' and resource = 'contact' and resource_id in (select c.id from directory_contact c where c.service_id = ${id}))
      or (${resource} = 'service' and resource = 'location' and resource_id in (select sal.location_id from directory_service_at_location sal where sal.service_id = ${id}))
    order by changed_at desc, id desc limit 500`.execute(db);
  return r.rows;
}
