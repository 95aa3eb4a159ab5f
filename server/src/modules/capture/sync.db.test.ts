import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { translate, type Beneficiary } from '@relais/core';
import type { Client} from '../../../test/harness.ts';
import { createOrg, createTestApp, createUnit, createUserClient, engine, tableCounts, type TestApp, type TestOrg } from '../../../test/harness.ts';

const today = new Date().toISOString().slice(0, 10);
type Outcome = { id: string; status: string; error?: { code: string; message: string; fields?: { field: string; code: string; message: string }[] } };
type Pull = {
  resyncRequired: boolean;
  nextCursor: number;
  hasMore: boolean;
  beneficiaries: { id: string; code: string }[];
  services: { id: string; service: string; beneficiaryId: string }[];
  tombstones: { type: string; id: string; mergedInto?: string }[];
  catalogue: { services: unknown[]; programs: unknown[]; registry: unknown } | null;
};

const uuid = (n: number) => `5a5a0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe(`sync API for the field app (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let sectionA: string;
  let sectionB: string;
  let ep: Client;
  let epB: Client;

  const batch = () => [
    { id: uuid(1), kind: 'register_beneficiary', payload: { id: uuid(101), code: 'SAHA1995F', orgUnitId: sectionA, registeredOn: today, populations: ['PS'], sex: 'F' } },
    { id: uuid(2), kind: 'record_contact', payload: { beneficiaryId: uuid(101), date: today, orgUnitId: sectionA, program: 'prev_ps', services: [{ id: uuid(201), service: 'condoms', quantity: 30 }, { id: uuid(202), service: 'iec_session' }] } },
    { id: uuid(3), kind: 'record_contact', payload: { beneficiaryId: uuid(101), date: '2999-12-31', orgUnitId: sectionA, program: 'prev_ps', services: [{ id: uuid(203), service: 'iec_session' }] } },
    { id: uuid(4), kind: 'record_contact', payload: { beneficiaryId: uuid(101), date: today, orgUnitId: sectionB, program: 'prev_ps', services: [{ id: uuid(204), service: 'iec_session' }] } },
    { id: uuid(5), kind: 'record_contact', payload: { beneficiaryId: uuid(101), date: today, orgUnitId: sectionA, program: 'prev_ps', services: [{ id: uuid(205), service: 'outreach_contact', modality: 'in_person' }] } },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'SYNC');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'SEC-A');
    sectionB = await createUnit(org.admin, org.rootUnitId, 'SEC-B');
    ep = (await createUserClient(t, org.admin, 'SYNC', 'ep.a', 'peer_educator', sectionA)).client;
    epB = (await createUserClient(t, org.admin, 'SYNC', 'ep.b', 'peer_educator', sectionB)).client;
  });
  afterAll(() => t.close());

  it('applies each operation once, in its own transaction; a rejected one does not block the others', async () => {
    const res = await ep.post<{ results: Outcome[] }>('/sync/push', { operations: batch() });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected', 'applied']);
    expect(res.body.results[2]!.error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'payload.date', code: 'future_date', message: 'Date : la date ne peut pas être dans le futur.' }] });
    expect(res.body.results[3]!.error!.fields![0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
    const services = await t.db.kysely.selectFrom('service_event').select('id').orderBy('id').execute();
    expect(services.map((s) => s.id)).toEqual([uuid(201), uuid(202), uuid(205)]);
  });

  it('words a rejection in the caller\'s language, at the edge (the service returns the domain error)', async () => {
    ep.locale = 'en';
    try {
      const res = await ep.post<{ results: Outcome[] }>('/sync/push', { operations: batch() });
      expect(res.body.results[2]!.error).toEqual({
        code: 'validation_failed',
        message: translate('en', 'error.validation_failed'),
        fields: [{ field: 'payload.date', code: 'future_date', message: 'Date: the date cannot be in the future.' }],
      });
    } finally {
      ep.locale = 'fr';
    }
  });

  it('changes nothing when the same batch is pushed again', async () => {
    const before = await tableCounts(t.db);
    const serviceCount = await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const res = await ep.post<{ results: Outcome[] }>('/sync/push', { operations: batch() });
    expect(res.body.results.map((r) => r.status)).toEqual(['already_applied', 'already_applied', 'rejected', 'rejected', 'already_applied']);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.db.kysely.selectFrom('service_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n).toBe(serviceCount.n);
  });

  it('pulls what changed since a cursor, pages, and sends deletions and merges as tombstones', async () => {
    const first = await ep.get<Pull>('/sync/pull?cursor=0');
    expect(first.body.resyncRequired).toBe(false);
    expect(first.body.catalogue?.services.length).toBeGreaterThan(20);
    expect(first.body.beneficiaries.map((b) => b.code)).toEqual(['SAHA1995F']);
    expect(first.body.services.map((s) => s.id).sort()).toEqual([uuid(201), uuid(202), uuid(205)]);
    for (const b of first.body.beneficiaries) expect(Object.keys(b)).not.toContain('phone'); // pseudonymous data only
    for (const b of first.body.beneficiaries) expect(Object.keys(b)).not.toContain('notes');
    const quiet = await ep.get<Pull>(`/sync/pull?cursor=${first.body.nextCursor}`);
    expect(quiet.body).toMatchObject({ beneficiaries: [], services: [], tombstones: [], catalogue: null, nextCursor: first.body.nextCursor });
    // Paging.
    const page1 = await ep.get<Pull>('/sync/pull?cursor=0&limit=2');
    expect(page1.body.hasMore).toBe(true);
    const page2 = await ep.get<Pull>(`/sync/pull?cursor=${page1.body.nextCursor}&limit=2`);
    const seen = [...page1.body.beneficiaries, ...page1.body.services, ...page2.body.beneficiaries, ...page2.body.services].map((x) => x.id);
    expect(seen.sort()).toEqual([uuid(101), uuid(201), uuid(202), uuid(205)].sort());
    // A deletion, then a merge.
    await ep.delete(`/services/${uuid(202)}`);
    const other = await ep.post<Beneficiary>('/beneficiaries', { code: 'SAHA1996F', orgUnitId: sectionA, registeredOn: today, populations: ['PS'], sex: 'F' });
    const coord = (await createUserClient(t, org.admin, 'SYNC', 'coord.a', 'coordinator', sectionA)).client;
    await coord.post('/merges', { keepId: uuid(101), mergeId: other.body.id });
    const after = await ep.get<Pull>(`/sync/pull?cursor=${first.body.nextCursor}`);
    expect(after.body.tombstones).toEqual(expect.arrayContaining([{ type: 'service', id: uuid(202) }, { type: 'beneficiary', id: other.body.id, mergedInto: uuid(101) }]));
  });

  it('shows another section nothing of these, until it serves the person', async () => {
    const b = await epB.get<Pull>('/sync/pull?cursor=0');
    expect(b.body.beneficiaries).toEqual([]);
    expect(b.body.services).toEqual([]);
    await epB.post('/beneficiaries/claim', { code: 'SAHA1995F', orgUnitId: sectionB });
    const after = await epB.get<Pull>(`/sync/pull?cursor=${b.body.nextCursor}`);
    expect(after.body.beneficiaries.map((p) => p.code)).toEqual(['SAHA1995F']);
    expect(after.body.services).toEqual([]); // section A's services stay in section A
  });

  it('asks for a full resync when the cursor is older than the kept history', async () => {
    const now = await ep.get<Pull>('/sync/pull?cursor=0');
    await sql`insert into organisation_setting (organisation_id, key, value) values (${org.organisationId}, 'sync_horizon', ${JSON.stringify(now.body.nextCursor)}::jsonb)`.execute(t.db.kysely);
    const old = await ep.get<Pull>('/sync/pull?cursor=1');
    expect(old.body.resyncRequired).toBe(true);
    expect((await ep.get<Pull>('/sync/pull?cursor=0')).body.resyncRequired).toBe(false);
  });
});
