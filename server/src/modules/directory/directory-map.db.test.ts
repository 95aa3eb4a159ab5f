import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, DirectoryMap, DirectoryOrganization, DirectoryService } from '@relais/core';
import { createOrg, createTestApp, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';

const allWeek = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

describe(`the directory's map (${engine})`, () => {
  let t: TestApp;
  let network: Client; // network coordinator of AMANE (Salé and Kénitra)
  let peer: Client; // a peer educator of another organisation: everyone on the instance reads the map
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const amane = await createOrg(t, 'AMANE');
    const other = await createOrg(t, 'AUTRE');
    network = (await createUserClient(t, amane.admin, 'AMANE', 'reseau', 'network_coordinator', amane.rootUnitId)).client;
    peer = (await createUserClient(t, other.admin, 'AUTRE', 'paire', 'peer_educator', other.rootUnitId)).client;
    for (const [code, fr] of [['sale', 'Salé'], ['kenitra', 'Kénitra']] as const) expect((await network.post('/directory/territories', { code, name: { fr, ar: null } })).status).toBe(201);
    const org = (await network.post<DirectoryOrganization>('/directory/organizations', { name: 'Réseau de protection (essai)' })).body;
    const place = async (name: string, over: Record<string, unknown>) => {
      const r = await network.post<{ id: string }>('/directory/locations', { organizationId: org.id, name, address: { address1: 'Rue 1', city: 'Salé' }, ...over });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    };
    ids.urgences = await place('Urgences', { latitude: 34.04, longitude: -6.8 });
    ids.kenitra = await place('Centre de Kénitra', { latitude: 34.26, longitude: -6.58, address: { address1: 'Rue 2', city: 'Kénitra' } });
    ids.foyer = await place('Foyer', { latitude: 34.05, longitude: -6.81, confidential: true });
    ids.local = await place('Local', {});
    const service = async (key: string, name: string, serviceType: string, territory: string, locations: Array<{ locationId: string; hours?: unknown[] }>) => {
      const r = await network.post<DirectoryService>('/directory/services', { organizationId: org.id, name, serviceType, territories: [territory], locations });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids[key] = r.body.id;
    };
    await service('emergency', 'Urgences femmes et enfants', 'medical_emergency', 'sale', [{ locationId: ids.urgences, hours: [{ byDay: allWeek, opensAt: '00:00', closesAt: '23:59' }] }]);
    await service('forensic', 'Certificat médico-légal', 'forensic_certificate', 'sale', [{ locationId: ids.urgences }]);
    await service('kenitraEmergency', 'Urgences de Kénitra', 'medical_emergency', 'kenitra', [{ locationId: ids.kenitra }]);
    // Given at a shelter (confidential) and at the hospital: on the map at the hospital only.
    await service('shelter', 'Hébergement d’urgence', 'shelter', 'sale', [{ locationId: ids.foyer }]);
    await service('shelterAndHospital', 'Orientation vers l’hébergement', 'shelter', 'sale', [{ locationId: ids.foyer }, { locationId: ids.urgences }]);
    await service('listening', 'Écoute', 'psychosocial', 'sale', [{ locationId: ids.local }]);
    await service('legal', 'Aide juridique', 'legal_aid', 'sale', []);
  });
  afterAll(() => t.close());

  const map = async (query: string) => {
    const r = await peer.get<DirectoryMap>(`/directory/map${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const shape = (m: DirectoryMap) => m.points.map((p) => [p.name, p.services.map((s) => s.name)]);

  it('groups the matching services by located place; a shelter is never on it, counted with the unlocated', async () => {
    const all = await map('');
    expect(shape(all)).toEqual([
      ['Centre de Kénitra', ['Urgences de Kénitra']],
      ['Urgences', ['Certificat médico-légal', 'Orientation vers l’hébergement', 'Urgences femmes et enfants']],
    ]);
    expect(all.points[1]).toMatchObject({ locationId: ids.urgences, city: 'Salé', latitude: 34.04, longitude: -6.8 });
    expect(all.points.map((p) => p.locationId)).not.toContain(ids.foyer);
    expect(JSON.stringify(all)).not.toContain('34.05');
    // The shelter's own service, the one at a place without coordinates, the one with no place.
    expect(all).toMatchObject({ withoutCoordinates: 3, capped: false });
  });

  it('applies the search’s filters: need, territory, text, open now, stale only', async () => {
    expect(shape(await map('?territory=kenitra'))).toEqual([['Centre de Kénitra', ['Urgences de Kénitra']]]);
    const need = await map('?need=medical_emergency&territory=sale');
    expect(shape(need)).toEqual([['Urgences', ['Urgences femmes et enfants']]]);
    expect(need.withoutCoordinates).toBe(0);
    const shelters = await map('?need=shelter');
    expect(shape(shelters)).toEqual([['Urgences', ['Orientation vers l’hébergement']]]);
    expect(shelters.withoutCoordinates).toBe(1);
    expect(shape(await map('?q=juridique'))).toEqual([]);
    expect((await map('?q=juridique')).withoutCoordinates).toBe(1);
    const open = await map('?openNow=true');
    expect(shape(open)).toEqual([['Urgences', ['Urgences femmes et enfants']]]);
    expect(open.points[0]!.services[0]).toMatchObject({ id: ids.emergency, serviceType: 'medical_emergency', openNow: true, stale: false });
    expect((await map('')).points[1]!.services.find((s) => s.id === ids.forensic)).toMatchObject({ openNow: false, stale: false });

    const sevenMonthsAgo = new Date(Date.now() - 213 * 86_400_000).toISOString();
    await sql`update directory_service set verified_at = ${sevenMonthsAgo}::timestamptz where id = ${ids.forensic!}`.execute(t.db.kysely);
    const stale = await map('?staleOnly=true');
    expect(shape(stale)).toEqual([['Urgences', ['Certificat médico-légal']]]);
    expect(stale.points[0]!.services[0]!.stale).toBe(true);
  });

  it('refuses a bad filter naming the field', async () => {
    const bad = await peer.get<ApiErrorBody>('/directory/map?language=xx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.field).toBe('language');
  });
});
