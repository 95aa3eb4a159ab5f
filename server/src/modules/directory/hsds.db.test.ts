import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, DirectoryService } from '@relais/core';
import { Client, createOrg, createTestApp, createUserClient, engine, type TestApp } from '../../../test/harness.ts';
import { sampleDirectory } from '../../demo/directory-sample.ts';
import { exportDirectory } from './hsds-export.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a round trip must give back: ids, names, phones, coordinates, schedules and assured dates. */
function essentials(services: readonly Json[]) {
  return [...services]
    .sort((a, b) => String(a.id).localeCompare(String(b.id)))
    .map((s) => ({
      id: s.id,
      name: s.name,
      assured: s.assured_date,
      organization: [s.organization.id, s.organization.name, s.organization.assured_date],
      phones: s.phones.map((p: Json) => [p.id, p.number]),
      areas: s.service_areas.map((a: Json) => a.name),
      sites: [...s.service_at_locations].sort((a: Json, b: Json) => String(a.id).localeCompare(String(b.id))).map((x: Json) => ({
        id: x.id,
        location: [x.location.id, x.location.name, x.location.latitude, x.location.longitude, x.location.assured_date, x.location.addresses[0]?.city ?? null],
        schedules: x.schedules.map((h: Json) => [h.id, h.byday, h.opens_at, h.closes_at]),
      })),
      contacts: s.contacts.map((c: Json) => [c.id, c.name, c.assured_date, c.phones.map((p: Json) => p.number)]),
      type: s.attributes.map((a: Json) => a.taxonomy_term.code),
    }));
}

describe(`HSDS 3.0 import, export and API (${engine})`, () => {
  let t: TestApp;
  let network: Client;
  const file = sampleDirectory({ services: 40, locations: 60, contacts: 80, today: new Date().toISOString().slice(0, 10) });

  const counts = async () => {
    const r = await sql<{ n: string }>`select (select count(*) from directory_service) || '/' || (select count(*) from directory_location) || '/' || (select count(*) from directory_contact)
      || '/' || (select count(*) from directory_phone) || '/' || (select count(*) from directory_schedule) as n`.execute(t.db.kysely);
    return r.rows[0]!.n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const amane = await createOrg(t, 'AMANE');
    network = (await createUserClient(t, amane.admin, 'AMANE', 'reseau', 'network_coordinator', amane.rootUnitId)).client;
  });
  afterAll(() => t.close());

  it('refuses an invalid file whole, each error with its path in the JSON', async () => {
    const bad = structuredClone(file) as Json[];
    bad[1]!.service_at_locations[0].location.latitude = 200;
    bad[2]!.status = 'open';
    bad[3]!.service_at_locations[0].schedules[0].closes_at = '25:00';
    const res = await network.post<ApiErrorBody>('/directory/hsds/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.fields!.map((f) => f.field)).toEqual(
      expect.arrayContaining(['[1].service_at_locations[0].location.latitude', '[2].status', '[3].service_at_locations[0].schedules[0].closes_at']),
    );
    // A service type Relais does not know is found after the shape: still nothing written.
    const unknownType = structuredClone(file) as Json[];
    unknownType[5]!.attributes[0].taxonomy_term.code = 'astrology';
    const res2 = await network.post<ApiErrorBody>('/directory/hsds/import', unknownType);
    expect(res2.status).toBe(400);
    expect(res2.body.error.fields).toContainEqual(expect.objectContaining({ field: '[5].attributes', code: 'invalid_choice' }));
    expect(await counts()).toBe('0/0/0/0/0');
  });

  it('imports a generated directory and exports the same ids, names, phones, coordinates, schedules and assured dates', async () => {
    const res = await network.post<{ services: number; territoriesCreated: string[] }>('/directory/hsds/import', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.services).toBe(40);
    expect(res.body.territoriesCreated.length).toBeGreaterThan(0);
    const after = await counts();
    const exported = await exportDirectory(t.db.kysely, undefined);
    expect(essentials(exported as Json[])).toEqual(essentials(file as Json[]));
    // Idempotent on the HSDS ids: a second import writes no second row.
    expect((await network.post('/directory/hsds/import', file)).status).toBe(200);
    expect(await counts()).toBe(after);
    // Another organisation's administrator may not import.
    const other = await createOrg(t, 'AUTRE');
    expect((await other.admin.post('/directory/hsds/import', file)).status).toBe(403);
  });

  it('answers the public HSDS API a page at a time, with modified_after, and hides confidential addresses', async () => {
    const anonymous = new Client(t.app);
    const page1 = await t.app.inject({ method: 'GET', url: '/hsds/services?per_page=15&page=1' });
    expect(page1.statusCode).toBe(200);
    const body = JSON.parse(page1.body) as Json;
    expect(body).toMatchObject({ total_items: 40, total_pages: 3, page_number: 1, size: 15, first_page: true, last_page: false, empty: false });
    const one = (await anonymous.get<Json>(`/hsds/services/${file[0]!.id}`)).body;
    expect(one.organization.id).toBe(file[0]!.organization.id);
    const shelter = file.find((s) => s.attributes[0]!.taxonomy_term.code === 'shelter');
    if (shelter) {
      const published = (await anonymous.get<Json>(`/hsds/services/${shelter.id}`)).body;
      expect(published.service_at_locations[0].location.addresses).toEqual([]);
      expect(published.service_at_locations[0].location.latitude).toBeNull();
    }
    // Change one service after a moment: only it is modified after that moment.
    const since = new Date(Date.now() + 1000).toISOString();
    await new Promise((r) => setTimeout(r, 1100));
    const target = (await network.get<DirectoryService>(`/directory/services/${file[7]!.id}`)).body;
    const update = {
      name: `${target.name} (déménagé)`,
      alternateName: null,
      description: target.description,
      serviceType: target.serviceType,
      status: target.status,
      eligibility: target.eligibility,
      cost: target.cost,
      feesDescription: null,
      languages: target.languages,
      requiredDocuments: target.requiredDocuments,
      email: null,
      url: null,
      territories: target.territories.map((x) => x.code),
      locations: target.locations.map((l) => ({ locationId: l.location.id, hours: l.hours })),
      phones: target.phones.map(({ number, phoneType, extension, description }) => ({ number, phoneType, extension, description })),
    };
    expect((await network.put(`/directory/services/${target.id}`, update)).status).toBe(200);
    const changed = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/v1/hsds/services?modified_after=${encodeURIComponent(since)}` })).body) as Json;
    expect(changed.contents.map((s: Json) => [s.id, s.name])).toEqual([[target.id, `${target.name} (déménagé)`]]);
    const orgs = JSON.parse((await t.app.inject({ method: 'GET', url: '/hsds/organizations?per_page=5' })).body) as Json;
    expect(orgs.total_items).toBe(8);
    expect(orgs.contents).toHaveLength(5);
  });
});
