import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, DirectoryContact, DirectoryOrganization, DirectoryService, DirectoryServiceSummary, Territory } from '@relais/core';
import { createOrg, createTestApp, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';

const allWeek = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

describe(`directory of actors and services (${engine})`, () => {
  let t: TestApp;
  let network: Client; // network coordinator of AMANE, which coordinates Salé
  let ngoAdmin: Client; // administrator of an association on Relais (its own entries)
  let otherAdmin: Client; // administrator of a third organisation
  let peer: Client;
  let ngoEntry: DirectoryOrganization;
  let hospital: DirectoryOrganization;
  let hospitalSite: string;
  let ngoSite: string;
  let emergency: DirectoryService;
  let listening: DirectoryService;

  const service = (client: Client, over: Record<string, unknown>) =>
    client.post<DirectoryService>('/directory/services', {
      name: 'Service',
      serviceType: 'medical_emergency',
      territories: ['sale'],
      languages: ['ar', 'fr'],
      ...over,
    });

  beforeAll(async () => {
    t = await createTestApp();
    const amane = await createOrg(t, 'AMANE');
    const ngo = await createOrg(t, 'ASSO');
    const other = await createOrg(t, 'AUTRE');
    network = (await createUserClient(t, amane.admin, 'AMANE', 'reseau', 'network_coordinator', amane.rootUnitId)).client;
    peer = (await createUserClient(t, ngo.admin, 'ASSO', 'paire', 'peer_educator', ngo.rootUnitId)).client;
    ngoAdmin = ngo.admin;
    otherAdmin = other.admin;

    expect((await network.post<Territory>('/directory/territories', { code: 'sale', name: { fr: 'Salé', ar: 'سلا' } })).status).toBe(201);
    expect((await network.post('/directory/territories', { code: 'kenitra', name: { fr: 'Kénitra', ar: 'القنيطرة' } })).status).toBe(201);
    hospital = (await network.post<DirectoryOrganization>('/directory/organizations', { name: 'Hôpital préfectoral Moulay Abdellah' })).body;
    ngoEntry = (await ngoAdmin.post<DirectoryOrganization>('/directory/organizations', { name: 'Association Relais Salé' })).body;
    hospitalSite = (await network.post<{ id: string }>('/directory/locations', { organizationId: hospital.id, name: 'Urgences', address: { address1: 'Avenue Mohammed V', city: 'Salé' }, latitude: 34.04, longitude: -6.8 })).body.id;
    ngoSite = (await ngoAdmin.post<{ id: string }>('/directory/locations', { organizationId: ngoEntry.id, name: 'Local', address: { address1: 'Rue 3', city: 'Salé' } })).body.id;
    const e = await service(network, {
      organizationId: hospital.id,
      name: 'Unité de prise en charge des femmes et enfants victimes de violence',
      serviceType: 'medical_emergency',
      locations: [{ locationId: hospitalSite, hours: [{ byDay: allWeek, opensAt: '00:00', closesAt: '23:59' }] }],
      phones: [{ number: '+212 537 00 00 01' }],
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    emergency = e.body;
    const l = await service(ngoAdmin, {
      organizationId: ngoEntry.id,
      name: 'Écoute et accompagnement psychosocial',
      serviceType: 'psychosocial',
      languages: ['ary'],
      locations: [{ locationId: ngoSite, hours: [{ byDay: ['MO'], opensAt: '09:00', closesAt: '09:01', validTo: '2000-01-01' }] }],
    });
    expect(l.status, JSON.stringify(l.body)).toBe(201);
    listening = l.body;
  });
  afterAll(() => t.close());

  it('answers a search by need, territory, language and open now, with phones and hours', async () => {
    const byNeed = await peer.get<{ items: DirectoryServiceSummary[]; total: number }>('/directory/services?need=medical_emergency&territory=sale');
    expect(byNeed.status).toBe(200);
    expect(byNeed.body.items.map((s) => s.name)).toEqual([emergency.name]);
    expect(byNeed.body.items[0]).toMatchObject({ cities: ['Salé'], phones: ['+212 537 00 00 01'], openNow: true, stale: false, organization: { name: hospital.name } });
    expect((await peer.get<{ total: number }>('/directory/services?territory=kenitra')).body.total).toBe(0);
    const darija = await peer.get<{ items: DirectoryServiceSummary[] }>('/directory/services?language=ary');
    expect(darija.body.items.map((s) => s.id)).toEqual([listening.id]);
    // Open now: the all-week service is, the one whose hours ended in 2000 is not.
    const open = await peer.get<{ items: DirectoryServiceSummary[] }>('/directory/services?openNow=true');
    expect(open.body.items.map((s) => s.id)).toEqual([emergency.id]);
    expect((await peer.get<{ items: unknown[] }>('/directory/services?q=psychosocial')).body.items).toHaveLength(1);
  });

  it('lets an organisation edit its own entries only, and a network coordinator those of her territories', async () => {
    const update = { ...listening, territories: ['sale'], locations: [{ locationId: ngoSite, hours: [] }], phones: [], name: 'Écoute (mise à jour)' };
    delete (update as Record<string, unknown>).id;
    for (const k of ['organization', 'contacts', 'previousContacts', 'openNow', 'verification', 'editable', 'organizationId']) delete (update as Record<string, unknown>)[k];
    const denied = await otherAdmin.put<ApiErrorBody>(`/directory/services/${listening.id}`, update);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('directory_read_only');
    expect((await peer.put(`/directory/services/${listening.id}`, update)).status).toBe(403); // no directory.write
    expect((await ngoAdmin.put(`/directory/services/${listening.id}`, update)).status).toBe(200);
    expect((await network.put(`/directory/services/${listening.id}`, { ...update, name: 'Écoute' })).status).toBe(200); // serves Salé
    expect((await otherAdmin.get<DirectoryService>(`/directory/services/${listening.id}`)).body.editable).toBe(false);
    expect((await ngoAdmin.get<DirectoryService>(`/directory/services/${listening.id}`)).body.editable).toBe(true);
    // Everyone reads; the change log names the fields, the old and new values, and who.
    const log = await peer.get<{ items: Array<{ field: string | null; previousValue: string | null; replacementValue: string | null; by: string }> }>(`/directory/changes?resource=service&id=${listening.id}`);
    expect(log.body.items).toContainEqual(expect.objectContaining({ field: 'name', previousValue: 'Écoute (mise à jour)', replacementValue: 'Écoute', by: 'User reseau (Organisation AMANE)' }));
  });

  it('marks an entry verified 7 months ago as stale, lists it to verify, and clears it when verified', async () => {
    const sevenMonthsAgo = new Date(Date.now() - 213 * 86_400_000).toISOString();
    await sql`update directory_service set verified_at = ${sevenMonthsAgo}::timestamptz where id = ${emergency.id}`.execute(t.db.kysely);
    const page = await peer.get<{ items: DirectoryServiceSummary[] }>('/directory/services?need=medical_emergency');
    expect(page.body.items[0]).toMatchObject({ id: emergency.id, stale: true });
    const todo = await network.get<{ items: Array<{ resource: string; id: string }> }>('/directory/to-verify?territory=sale');
    expect(todo.body.items).toContainEqual(expect.objectContaining({ resource: 'service', id: emergency.id }));
    // Another organisation's administrator has nothing of it to verify, and may not verify it.
    expect((await otherAdmin.get<{ items: unknown[] }>('/directory/to-verify')).body.items).toEqual([]);
    expect((await otherAdmin.post(`/directory/service/${emergency.id}/verify`)).status).toBe(403);
    const ok = await network.post<{ verification: { stale: boolean; verifiedBy: string } }>(`/directory/service/${emergency.id}/verify`);
    expect(ok.status).toBe(200);
    expect(ok.body.verification).toMatchObject({ stale: false, verifiedBy: 'User reseau (Organisation AMANE)' });
    expect((await peer.get<DirectoryService>(`/directory/services/${emergency.id}`)).body.verification.stale).toBe(false);
    const after = await network.get<{ items: Array<{ id: string }> }>('/directory/to-verify?territory=sale');
    expect(after.body.items.map((i) => i.id)).not.toContain(emergency.id);
    // A shorter setting makes every entry stale at once; back to 6 months.
    expect((await network.put('/directory/settings', { staleAfterMonths: 6 })).status).toBe(200);
    expect((await ngoAdmin.put('/directory/settings', { staleAfterMonths: 1 })).status).toBe(403);
  });

  it('keeps the previous focal point in the history when she is replaced', async () => {
    const first = await network.post<DirectoryContact>('/directory/contacts', { serviceId: emergency.id, name: 'Dr Amal Bennani', title: 'Médecin référente', phones: [{ number: '+212 661 00 00 02', phoneType: 'cell' }] });
    expect(first.status).toBe(201);
    const since = new Date().toISOString().slice(0, 10);
    const next = await network.post<DirectoryContact>(`/directory/contacts/${first.body.id}/replace`, { name: 'Dr Karim Alaoui', title: 'Médecin référent', phones: [{ number: '+212 661 00 00 03' }], since });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const s = (await peer.get<DirectoryService>(`/directory/services/${emergency.id}`)).body;
    expect(s.contacts.map((c) => [c.name, c.since, c.until])).toEqual([['Dr Karim Alaoui', since, null]]);
    expect(s.previousContacts.map((c) => [c.name, c.until, c.phones.map((p) => p.number)])).toEqual([['Dr Amal Bennani', since, ['+212 661 00 00 02']]]);
    const summary = (await peer.get<{ items: DirectoryServiceSummary[] }>('/directory/services?need=medical_emergency')).body.items[0]!;
    expect(summary.focalPoints).toEqual([{ name: 'Dr Karim Alaoui', title: 'Médecin référent', phones: ['+212 661 00 00 03'] }]);
    // The service's log tells the replacement too (the focal points' changes are the service page's).
    const log = await peer.get<{ items: Array<{ resource: string; action: string; replacementValue: string | null }> }>(`/directory/changes?resource=service&id=${emergency.id}`);
    expect(log.body.items).toContainEqual(expect.objectContaining({ resource: 'contact', action: 'replace', replacementValue: since }));
    // A replaced focal point cannot be replaced again.
    expect((await network.post(`/directory/contacts/${first.body.id}/replace`, { name: 'X', since })).status).toBe(400);
  });

  it('refuses bad input with the field and the reason, and writes nothing', async () => {
    const id = randomUUID();
    const bad = await service(network, { id, organizationId: hospital.id, name: 'Pharmacie de garde', serviceType: 'pharmacy', locations: [{ locationId: hospitalSite, hours: [{ byDay: ['MO'], opensAt: '18:00', closesAt: '08:00' }] }] });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ApiErrorBody).error.fields).toContainEqual(expect.objectContaining({ field: 'locations.0.hours.0.closesAt', code: 'closes_before_opening' }));
    const unknownTerritory = await service(network, { id, organizationId: hospital.id, name: 'Pharmacie de garde', serviceType: 'pharmacy', territories: ['oujda'] });
    expect(unknownTerritory.status).toBe(400);
    expect((unknownTerritory.body as unknown as ApiErrorBody).error.fields).toContainEqual(expect.objectContaining({ field: 'territories.0', code: 'unknown_reference' }));
    expect((await peer.get(`/directory/services/${id}`)).status).toBe(404);
    // A retried creation is applied once.
    const body = { id, organizationId: hospital.id, name: 'Pharmacie de garde', serviceType: 'pharmacy' };
    expect((await service(network, body)).status).toBe(201);
    expect((await service(network, body)).status).toBe(200);
  });
});
