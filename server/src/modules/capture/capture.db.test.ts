import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { defaultProgramServices, serviceCodes, serviceDefinitions, type ApiErrorBody, type Beneficiary, type ServiceRecord } from '@relais/core';
import { Client, createOrg, createTestApp, createUnit, createUserClient, engine, tableCounts, type TestApp, type TestOrg } from '../../../test/harness.ts';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** A valid entry of a service: the fields it takes, filled with the first allowed value. */
function entryFor(service: (typeof serviceCodes)[number]) {
  const def = serviceDefinitions[service];
  return {
    service,
    ...(def.quantity ? { quantity: 12 } : {}),
    ...(def.result ? { result: def.result[0] } : {}),
    ...(def.strategy ? { strategy: def.strategy[1] } : {}),
    ...(def.modality ? { modality: def.modality[0] } : {}),
    ...(def.kind ? { kind: def.kind[def.kind.length - 1] } : {}),
    ...(def.treated ? { treated: true } : {}),
  };
}
const programOffering = (service: string) => Object.entries(defaultProgramServices).find(([, p]) => p.services.includes(service as never))![0];

describe(`service capture (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sectionA: string;
  let sectionB: string;
  let siteA: string;
  let ep: Client;
  let epId: string;
  let epB: Client;
  let person: Beneficiary;

  const contact = (client: Client, body: Record<string, unknown>) =>
    client.post<{ contactId: string; services: ServiceRecord[] } & ApiErrorBody>('/contacts', { beneficiaryId: person.id, date: today, orgUnitId: sectionA, program: 'prev_ps', ...body });

  const coordForbidden = async () => {
    const c = (await createUserClient(t, org.admin, 'CAP', 'coord.x', 'coordinator', sectionA)).client;
    return c.request('PUT', '/catalogue/programs/prev_hsh', { services: ['condoms'], reach: [], paquetMinimum: [] });
  };

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CAP');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'SEC-A');
    sectionB = await createUnit(org.admin, org.rootUnitId, 'SEC-B');
    siteA = await createUnit(org.admin, sectionA, 'PLAGE', 'site');
    const e = await createUserClient(t, org.admin, 'CAP', 'ep.a', 'peer_educator', sectionA);
    ep = e.client;
    epId = e.id;
    epB = (await createUserClient(t, org.admin, 'CAP', 'ep.b', 'peer_educator', sectionB)).client;
    person = (await ep.post<Beneficiary>('/beneficiaries', { code: 'FAMO1985F', orgUnitId: sectionA, registeredOn: daysAgo(200), populations: ['PS'], sex: 'F' })).body;
  });
  afterAll(() => t.close());

  it('records every service type with its fields and reads it back in the person’s history', async () => {
    for (const service of serviceCodes) {
      const program = programOffering(service);
      const entry = entryFor(service);
      const res = await contact(ep, { program, siteId: siteA, services: [entry] });
      expect(res.status, `${service}: ${JSON.stringify(res.body)}`).toBe(201);
      const saved = res.body.services[0]!;
      expect(saved).toMatchObject({ service, program, date: today, worker: { id: epId }, site: { code: 'PLAGE' }, beneficiary: { code: 'FAMO1985F' } });
      for (const field of ['quantity', 'result', 'strategy', 'modality', 'kind', 'treated'] as const) {
        expect(saved[field], `${service}.${field}`).toEqual((entry as Record<string, unknown>)[field] ?? null);
      }
    }
    const history = await ep.get<{ items: ServiceRecord[]; total: number }>(`/services?beneficiaryId=${person.id}&limit=200`);
    expect(history.body.total).toBe(serviceCodes.length);
    expect(new Set(history.body.items.map((s) => s.service))).toEqual(new Set(serviceCodes));
    // Several services at once (a report's drill-down asks for the services an indicator counts).
    const tests = await ep.get<{ items: ServiceRecord[]; total: number }>(`/services?beneficiaryId=${person.id}&service=hiv_test,syphilis_test&limit=200`);
    expect(tests.body.total).toBe(2);
    expect(tests.body.items.map((s) => s.service).sort()).toEqual(['hiv_test', 'syphilis_test']);
    const unknown = await ep.get<ApiErrorBody>(`/services?service=hiv_test,no_such_service`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields?.[0]).toMatchObject({ field: 'service', code: 'invalid_choice' });
    const seen = await ep.get<Beneficiary>(`/beneficiaries/${person.id}`);
    expect(seen.body.lastSeenOn).toBe(today);
  });

  it('records several services in one contact and applies a retried save once', async () => {
    const body = {
      contactId: '9c0a0000-0000-4000-8000-000000000001',
      date: daysAgo(3),
      services: [
        { id: '9c0a0000-0000-4000-8000-0000000000a1', service: 'outreach_contact', modality: 'online', platform: 'WhatsApp' },
        { id: '9c0a0000-0000-4000-8000-0000000000a2', service: 'condoms', quantity: 24 },
        { id: '9c0a0000-0000-4000-8000-0000000000a3', service: 'iec_session' },
      ],
    };
    const first = await contact(ep, body);
    expect(first.status).toBe(201);
    expect(first.body.services.map((s) => s.contactId)).toEqual([body.contactId, body.contactId, body.contactId]);
    expect(first.body.services.map((s) => s.id)).toEqual(body.services.map((s) => s.id)); // in the order sent
    const before = await tableCounts(t.db);
    const again = await contact(ep, body);
    expect(again.status).toBe(200);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('rejects bad services with their reason, writing nothing', async () => {
    const before = await tableCounts(t.db);
    const services = await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ date: '2999-01-01', services: [{ service: 'iec_session' }] }, 'date', 'future_date'],
      [{ services: [{ service: 'tarot_reading' }] }, 'services.0.service', 'invalid_choice'],
      [{ services: [{ service: 'hiv_test', result: 'maybe', strategy: 'fixed' }] }, 'services.0.result', 'invalid_choice'],
      [{ services: [{ service: 'condoms', quantity: -5 }] }, 'services.0.quantity', 'too_small'],
      [{ services: [{ service: 'condoms' }] }, 'services.0.quantity', 'required'],
      [{ services: [{ service: 'iec_session', result: 'negative' }] }, 'services.0.result', 'not_applicable'],
      [{ services: [{ service: 'socioeconomic_support', kind: 'yacht' }], program: 'mediation' }, 'services.0.kind', 'invalid_choice'],
      [{ services: [{ service: 'syringe_kits', quantity: 2 }] }, 'services.0.service', 'invalid_choice'], // not offered by prev_ps
      [{ orgUnitId: sectionB, services: [{ service: 'iec_session' }] }, 'orgUnitId', 'invalid_choice'],
      [{ beneficiaryId: '00000000-0000-4000-8000-000000000000', services: [{ service: 'iec_session' }] }, 'beneficiaryId', 'invalid_choice'],
    ];
    for (const [body, field, code] of cases) {
      const res = await contact(ep, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.fields?.map((f) => [f.field, f.code])).toContainEqual([field, code]);
      expect(res.body.error.fields?.find((f) => f.field === field)?.message).toMatch(/\S+ : /);
    }
    // Section B's educator cannot record for a person she does not see.
    const b = await epB.post<ApiErrorBody>('/contacts', { beneficiaryId: person.id, date: today, orgUnitId: sectionB, program: 'prev_ps', services: [{ service: 'iec_session' }] });
    expect(b.body.error.fields?.[0]).toMatchObject({ field: 'beneficiaryId', code: 'invalid_choice' });
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(services.n);
  });

  it('keeps a role granted for some programs to those programs, for writing and for reading', async () => {
    const res = await org.admin.post<{ id: string }>('/users', {
      username: 'ep.hsh',
      displayName: 'EP HSH',
      password: 'correct horse battery',
      assignments: [{ role: 'peer_educator', orgUnitId: sectionA, programs: ['prev_hsh'] }],
    });
    expect(res.status).toBe(201);
    const hsh = await new Client(t.app).login('CAP', 'ep.hsh', 'correct horse battery');
    const write = await hsh.post<ApiErrorBody>('/contacts', { beneficiaryId: person.id, date: today, orgUnitId: sectionA, program: 'prev_ps', services: [{ service: 'iec_session' }] });
    expect(write.body.error.fields?.[0]).toMatchObject({ field: 'program', code: 'invalid_choice' });
    expect((await hsh.post('/contacts', { beneficiaryId: person.id, date: today, orgUnitId: sectionA, program: 'prev_hsh', services: [{ service: 'iec_session' }] })).status).toBe(201);
    const seen = await hsh.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person.id}&limit=200`);
    expect(new Set(seen.body.items.map((s) => s.program))).toEqual(new Set(['prev_hsh']));
    const other = (await ep.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person.id}&program=prev_ps&limit=1`)).body.items[0]!;
    expect((await hsh.patch(`/services/${other.id}`, { note: 'x' })).status).toBe(404);
    expect((await hsh.delete(`/services/${other.id}`)).status).toBe(404);
  });

  it('lists a section’s services newest first, a page at a time, only where the user sees them', async () => {
    for (const n of [9, 7, 8]) expect((await contact(ep, { date: daysAgo(n), services: [{ service: 'iec_session' }] })).status).toBe(201);
    type Page = { items: ServiceRecord[]; total: number };
    const all = (await org.admin.get<Page>(`/services?orgUnitId=${sectionA}&limit=200`)).body;
    expect(all.total).toBe(all.items.length);
    expect(all.items.every((s) => s.orgUnit.id === sectionA)).toBe(true);
    const dates = all.items.map((s) => s.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const first = (await org.admin.get<Page>(`/services?orgUnitId=${sectionA}&limit=2`)).body;
    const second = (await org.admin.get<Page>(`/services?orgUnitId=${sectionA}&limit=2&offset=2`)).body;
    expect({ total: first.total, ids: [...first.items, ...second.items].map((s) => s.id) }).toEqual({ total: all.total, ids: all.items.slice(0, 4).map((s) => s.id) });
    expect((await ep.get<Page>(`/services?orgUnitId=${sectionA}&limit=200`)).body.total).toBe(all.total);
    // Section B's educator sees none of section A's; a site holds no services of its own here.
    expect((await epB.get<Page>(`/services?orgUnitId=${sectionA}`)).body).toEqual({ items: [], total: 0, totalCapped: false });
    expect((await ep.get<Page>(`/services?orgUnitId=${siteA}`)).body).toEqual({ items: [], total: 0, totalCapped: false });
    // The whole organisation from the root; a role for some programs sees those programs only.
    expect((await org.admin.get<Page>(`/services?orgUnitId=${org.rootUnitId}&limit=1`)).body.total).toBe(all.total);
    const hsh = await new Client(t.app).login('CAP', 'ep.hsh', 'correct horse battery');
    const mine = (await hsh.get<Page>(`/services?orgUnitId=${sectionA}&limit=200`)).body;
    expect(mine.total).toBe(all.items.filter((s) => s.program === 'prev_hsh').length);
    expect(mine.items.every((s) => s.program === 'prev_hsh')).toBe(true);
  });

  it('lets a root administrator set a program’s services, reach and paquet minimum (subsets of what it offers)', async () => {
    const bad = await org.admin.request<ApiErrorBody>('PUT', '/catalogue/programs/prev_hsh', { services: ['outreach_contact', 'condoms'], reach: ['outreach_contact', 'hiv_test'], paquetMinimum: ['condoms'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toMatchObject({ field: 'reach.1', code: 'invalid_choice' });
    const ok = await org.admin.request('PUT', '/catalogue/programs/prev_hsh', { services: ['outreach_contact', 'condoms', 'lubricant', 'iec_session'], reach: ['outreach_contact'], paquetMinimum: ['condoms', 'lubricant'] });
    expect(ok.status).toBe(200);
    const catalogue = await ep.get<{ programs: { code: string; paquetMinimum: string[] }[] }>('/catalogue');
    expect(catalogue.body.programs.find((p) => p.code === 'prev_hsh')!.paquetMinimum).toEqual(['condoms', 'lubricant']);
    expect((await coordForbidden()).status).toBe(403);
  });

  it('numbers HIV tests in each section’s register per year, uniquely, even concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => contact(ep, { services: [{ service: 'hiv_test', result: 'negative', strategy: 'mobile' }] })),
    );
    for (const r of results) expect(r.status).toBe(201);
    const numbers = results.map((r) => r.body.services[0]!.registerNo!).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(results.every((r) => r.body.services[0]!.registerYear === Number(today.slice(0, 4)))).toBe(true);
    // Transcribing a paper register: a number already used is refused; a free one is kept.
    const used = numbers[0]!;
    const taken = await contact(ep, { services: [{ service: 'hiv_test', result: 'negative', strategy: 'fixed', registerNo: used }] });
    expect(taken.body.error.fields?.[0]).toMatchObject({ field: 'services.0.registerNo', code: 'taken' });
    const paper = await contact(ep, { services: [{ service: 'hiv_test', result: 'positive', strategy: 'fixed', registerNo: 500 }] });
    expect(paper.body.services[0]!.registerNo).toBe(500);
    // Corrected once, then locked.
    const id = results[0]!.body.services[0]!.id;
    const fixed = await ep.request<ServiceRecord>('PUT', `/services/${id}/register-no`, { registerNo: 700 });
    expect(fixed.body.registerNo).toBe(700);
    const twice = await ep.request<ApiErrorBody>('PUT', `/services/${id}/register-no`, { registerNo: 701 });
    expect(twice.body.error.code).toBe('register_no_locked');
  });

  it('corrects and deletes a service, audited', async () => {
    const res = await contact(ep, { services: [{ service: 'condoms', quantity: 10 }] });
    const id = res.body.services[0]!.id;
    const patched = await ep.patch<ServiceRecord>(`/services/${id}`, { quantity: 20 });
    expect(patched.body.quantity).toBe(20);
    expect((await ep.patch<ApiErrorBody>(`/services/${id}`, { result: 'positive' })).body.error.fields?.[0]).toMatchObject({ field: 'result', code: 'not_applicable' });
    expect((await epB.delete(`/services/${id}`)).status).toBe(404);
    expect((await ep.delete(`/services/${id}`)).status).toBe(200);
    const history = await ep.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person.id}&limit=200`);
    expect(history.body.items.some((s) => s.id === id)).toBe(false);
    const audit = await org.admin.get<{ items: { action: string }[] }>(`/audit?entityId=${id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['service.delete', 'service.update']);
  });

  it('records a group session: each identified attendee gets the session’s service, anonymous attendees are counted', async () => {
    const other = (await ep.post<Beneficiary>('/beneficiaries', { code: 'NAHA1990F', orgUnitId: sectionA, registeredOn: today, populations: ['PS'], sex: 'F' })).body;
    const res = await ep.post<{ id: string }>('/group-sessions', {
      date: today,
      orgUnitId: sectionA,
      program: 'prev_ps',
      type: 'thematic',
      theme: 'Prévention combinée',
      facilitatorIds: [epId],
      attendees: [person.id, other.id],
      anonymous: [{ sex: 'F', ageBand: 'lt25', count: 7 }],
    });
    expect(res.status).toBe(201);
    const services = await ep.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${other.id}`);
    expect(services.body.items).toHaveLength(1);
    expect(services.body.items[0]).toMatchObject({ service: 'iec_session', groupSessionId: res.body.id });
    const session = await t.db.kysely.selectFrom('group_session').select(['anonymous']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    // Stored under the report's age band code; the group sessions' former code is still read as input.
    expect(session.anonymous).toEqual([{ sex: 'F', ageBand: '<25', count: 7 }]);
    const again = await ep.post<{ id: string }>('/group-sessions', { date: today, orgUnitId: sectionA, program: 'prev_ps', type: 'thematic', theme: 'Bandes', attendees: [], anonymous: [{ sex: 'M', ageBand: '>=25', count: 2 }] });
    expect(again.status).toBe(201);
    const second = await t.db.kysely.selectFrom('group_session').select(['anonymous']).where('id', '=', again.body.id).executeTakeFirstOrThrow();
    expect(second.anonymous).toEqual([{ sex: 'M', ageBand: '>=25', count: 2 }]);
  });

  it('refuses a group session with nobody in it (no attendee, no anonymous count), saying what to add', async () => {
    const before = await tableCounts(t.db);
    const sessions = await t.db.kysely.selectFrom('group_session').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const res = await ep.post<ApiErrorBody>('/group-sessions', { date: today, orgUnitId: sectionA, program: 'prev_ps', type: 'thematic', theme: 'Vide', attendees: [], anonymous: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]).toMatchObject({ field: 'attendees', code: 'no_participant' });
    expect(res.body.error.fields?.[0]?.message).toMatch(/au moins une personne par son code, ou un nombre de participant·e·s anonymes/);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.kysely.selectFrom('group_session').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(sessions.n);
  });
});
