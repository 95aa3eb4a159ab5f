import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Circuit, CircuitSummary, DirectoryOrganization, DirectoryService } from '@relais/core';
import { createOrg, createTestApp, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';

describe(`care circuits (${engine})`, () => {
  let t: TestApp;
  let network: Client;
  let otherNetwork: Client;
  let peer: Client;
  let emergency: DirectoryService;
  let circuit: Circuit;

  const steps = (emergencyId: string) => [
    { title: { fr: 'Urgences médicales', ar: 'المستعجلات الطبية' }, serviceId: emergencyId, conditions: [{ kind: 'within_hours', hours: 72 }], bring: [{ fr: 'Pièce d’identité', ar: 'بطاقة التعريف' }] },
    { title: { fr: 'Police', ar: 'الشرطة' }, serviceType: 'police', conditions: [{ kind: 'urban' }] },
    { title: { fr: 'Gendarmerie', ar: 'الدرك الملكي' }, serviceType: 'gendarmerie', conditions: [{ kind: 'rural' }], accompaniedBy: { fr: 'L’assistante sociale', ar: 'المساعدة الاجتماعية' } },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const amane = await createOrg(t, 'AMANE');
    const other = await createOrg(t, 'AUTRE');
    network = (await createUserClient(t, amane.admin, 'AMANE', 'reseau', 'network_coordinator', amane.rootUnitId)).client;
    otherNetwork = (await createUserClient(t, other.admin, 'AUTRE', 'reseau2', 'network_coordinator', other.rootUnitId)).client;
    peer = (await createUserClient(t, amane.admin, 'AMANE', 'paire', 'peer_educator', amane.rootUnitId)).client;
    await network.post('/directory/territories', { code: 'sale', name: { fr: 'Salé', ar: 'سلا' } });
    const hospital = (await network.post<DirectoryOrganization>('/directory/organizations', { name: 'Hôpital' })).body;
    const police = (await network.post<DirectoryOrganization>('/directory/organizations', { name: 'DGSN' })).body;
    emergency = (await network.post<DirectoryService>('/directory/services', { organizationId: hospital.id, name: 'UPEC', serviceType: 'medical_emergency', territories: ['sale'], phones: [{ number: '+212 537 00 00 01' }] })).body;
    await network.post('/directory/services', { organizationId: police.id, name: 'Cellule de police', serviceType: 'police', territories: ['sale'], phones: [{ number: '19' }] });
  });
  afterAll(() => t.close());

  it('draws a circuit whose steps show the directory’s services now, with phones', async () => {
    const res = await network.post<Circuit>('/circuits', {
      territory: 'sale',
      caseType: 'child_sexual_violence',
      title: { fr: 'Enfant victime de violence sexuelle', ar: 'طفل ضحية عنف جنسي' },
      revision: { validatedOn: '2026-03-12', validatedBy: 'Atelier de coordination de Salé', steps: steps(emergency.id) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    circuit = res.body;
    const read = (await peer.get<Circuit>(`/circuits/${circuit.id}`)).body;
    expect(read.revision.steps.map((s) => [s.title.fr, s.services.map((x) => x.name), s.services.flatMap((x) => x.phones)])).toEqual([
      ['Urgences médicales', ['UPEC'], ['+212 537 00 00 01']],
      ['Police', ['Cellule de police'], ['19']],
      ['Gendarmerie', [], []],
    ]);
    expect(read.revision).toMatchObject({ number: 1, validatedOn: '2026-03-12', validatedBy: 'Atelier de coordination de Salé' });
    expect(read.editable).toBe(false);
    const list = (await peer.get<{ items: CircuitSummary[] }>('/circuits?territory=sale')).body.items;
    expect(list.map((c) => [c.caseType, c.steps, c.revision.number])).toEqual([['child_sexual_violence', 3, 1]]);
  });

  it('keeps every revision with its steps, date and validator', async () => {
    const next = await network.post<Circuit>(`/circuits/${circuit.id}/revisions`, { validatedOn: '2026-10-01', validatedBy: 'Atelier d’actualisation', steps: steps(emergency.id).slice(0, 2) });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.revision.number).toBe(2);
    expect(next.body.revisions.map((r) => [r.number, r.validatedOn])).toEqual([[2, '2026-10-01'], [1, '2026-03-12']]);
    const first = (await peer.get<Circuit>(`/circuits/${circuit.id}/revisions/1`)).body;
    expect(first.revision.steps).toHaveLength(3);
    expect((await peer.get<Circuit>(`/circuits/${circuit.id}`)).body.revision.steps).toHaveLength(2);
  });

  it('lets only the territory’s network coordinators change it, and checks the steps', async () => {
    const denied = await otherNetwork.post<ApiErrorBody>(`/circuits/${circuit.id}/revisions`, { validatedOn: '2026-10-02', validatedBy: 'X', steps: steps(emergency.id) });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('directory_read_only');
    expect((await peer.post(`/circuits/${circuit.id}/revisions`, { validatedOn: '2026-10-02', validatedBy: 'X', steps: steps(emergency.id) })).status).toBe(403);
    const both = await network.post<ApiErrorBody>(`/circuits/${circuit.id}/revisions`, { validatedOn: '2026-10-02', validatedBy: 'X', steps: [{ title: { fr: 'A' }, serviceId: emergency.id, serviceType: 'police' }] });
    expect(both.status).toBe(400);
    expect(both.body.error.fields).toContainEqual(expect.objectContaining({ field: 'steps.0.serviceId', code: 'service_or_type' }));
    const unknown = await network.post<ApiErrorBody>(`/circuits/${circuit.id}/revisions`, { validatedOn: '2026-10-02', validatedBy: 'X', steps: [{ title: { fr: 'A' }, serviceType: 'astrology' }] });
    expect(unknown.body.error.fields).toContainEqual(expect.objectContaining({ field: 'steps.0.serviceType', code: 'invalid_choice' }));
    expect((await peer.get<Circuit>(`/circuits/${circuit.id}`)).body.revisions).toHaveLength(2);
  });
});
