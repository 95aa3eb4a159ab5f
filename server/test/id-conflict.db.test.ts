import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '@relais/core';
import { Client, createOrg, createTestApp, createUnit, createUserClient, engine, PASSWORD, type TestApp, type TestOrg } from './harness.ts';
import { codeOf, registerBeneficiary } from './factories.ts';

// Ids chosen by the client are unique across the instance, not only within an organisation
// (issue 18): referrals look records up by id across organisations.
describe(`client-chosen ids across organisations (${engine})`, () => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createOrg(t, 'IDA');
    b = await createOrg(t, 'IDB');
  });
  afterAll(() => t.close());

  function expectConflict(res: { status: number; body: unknown }) {
    expect(res.status).toBe(409);
    expect((res.body as ApiErrorBody).error.code).toBe('id_conflict');
    expect((res.body as ApiErrorBody).error.message).toBe('Cet identifiant existe déjà avec un contenu différent.');
  }

  it('answers 409 id_conflict to another organisation creating with a taken id, and leaves the replay idempotent', async () => {
    const person = await registerBeneficiary(a.admin, { orgUnitId: a.rootUnitId, code: codeOf(901) });
    const before = await t.db.kysely.selectFrom('beneficiary').select('id').execute();
    expectConflict(await b.admin.post('/beneficiaries', { id: person.id, code: codeOf(902), sex: 'F', registeredOn: person.registeredOn, populations: ['PS'], orgUnitId: b.rootUnitId }));
    expect(await t.db.kysely.selectFrom('beneficiary').select('id').execute()).toHaveLength(before.length);
    // The same organisation's retry still gets its record back.
    const replay = await a.admin.post<{ id: string }>('/beneficiaries', { id: person.id, code: person.code, sex: 'F', registeredOn: person.registeredOn, populations: ['PS'], orgUnitId: a.rootUnitId });
    expect([replay.status, replay.body.id]).toEqual([200, person.id]);

    // Units and users: the same rule.
    const unitId = randomUUID();
    expect((await a.admin.post('/org-units', { id: unitId, code: 'IDSEC', name: 'Section', level: 'section', parentId: a.rootUnitId })).status).toBe(201);
    expectConflict(await b.admin.post('/org-units', { id: unitId, code: 'IDSEC', name: 'Section', level: 'section', parentId: b.rootUnitId }));
    expect((await a.admin.post('/org-units', { id: unitId, code: 'IDSEC', name: 'Section', level: 'section', parentId: a.rootUnitId })).status).toBe(200);
    const userId = randomUUID();
    const user = (parentId: string) => ({ id: userId, username: 'twin', displayName: 'Twin', password: PASSWORD, assignments: [{ role: 'peer_educator', orgUnitId: parentId }] });
    expect((await a.admin.post('/users', user(a.rootUnitId))).status).toBe(201);
    expectConflict(await b.admin.post('/users', user(b.rootUnitId)));
    expect((await new Client(t.app).post('/auth/login', { organisation: 'IDB', username: 'twin', password: PASSWORD })).status).toBe(401);
  });

  it('refuses, in a sync push, a service id another organisation took, and applies the rest', async () => {
    const siteA = await createUnit(a.admin, a.rootUnitId, 'IDSA');
    const siteB = await createUnit(b.admin, b.rootUnitId, 'IDSB');
    const epA = (await createUserClient(t, a.admin, 'IDA', 'ep.a', 'peer_educator', siteA)).client;
    const epB = (await createUserClient(t, b.admin, 'IDB', 'ep.b', 'peer_educator', siteB)).client;
    const pa = await registerBeneficiary(epA, { orgUnitId: siteA, code: codeOf(903) });
    const pb = await registerBeneficiary(epB, { orgUnitId: siteB, code: codeOf(904) });
    const serviceId = randomUUID();
    const contact = (person: string, unit: string, id: string) => ({
      id: randomUUID(),
      kind: 'record_contact',
      payload: { contactId: randomUUID(), beneficiaryId: person, orgUnitId: unit, date: pa.registeredOn, program: 'prev_ps', services: [{ id, service: 'iec_session' }] },
    });
    const first = await epA.post<{ results: Array<{ status: string }> }>('/sync/push', { operations: [contact(pa.id, siteA, serviceId)] });
    expect(first.body.results).toEqual([expect.objectContaining({ status: 'applied' })]);
    const pushed = await epB.post<{ results: Array<{ status: string; error?: { code: string } }> }>('/sync/push', {
      operations: [contact(pb.id, siteB, serviceId), contact(pb.id, siteB, randomUUID())],
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((r) => [r.status, r.error?.code])).toEqual([['rejected', 'id_conflict'], ['applied', undefined]]);
    const owners = await t.db.kysely.selectFrom('service_event').select('organisation_id').where('id', '=', serviceId).execute();
    expect(owners).toEqual([{ organisation_id: a.organisationId }]);
  });

  it('claims the ids of a statement of many rows at once: one taken by another organisation refuses the statement, its own skipped rows do not', async () => {
    const taken = await registerBeneficiary(a.admin, { orgUnitId: a.rootUnitId, code: codeOf(905) });
    // Many rows in one statement, as an import writes them.
    const insert = (org: TestOrg, rows: { id: string; code: string }[]) => sql`
      insert into beneficiary (organisation_id, id, code, populations, sex, registered_unit_id, registered_on, last_seen_on)
      select ${org.organisationId}::uuid, r.id, r.code, '{PS}', 'F', ${org.rootUnitId}::uuid, current_date, current_date
      from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.code)}::text[]) as r(id, code)
      on conflict do nothing`.execute(t.db.kysely);
    const fresh = [0, 1, 2].map((i) => ({ id: randomUUID(), code: codeOf(906 + i) }));
    await expect(insert(b, [fresh[0]!, { id: taken.id, code: codeOf(909) }, fresh[1]!])).rejects.toMatchObject({ code: 'RL409' });
    const written = () => t.db.kysely.selectFrom('beneficiary').select('id').where('id', 'in', [taken.id, ...fresh.map((f) => f.id)]).execute();
    expect(await written()).toEqual([{ id: taken.id }]);
    // The same organisation's statement: its record already there is skipped, the new ones are written and theirs.
    await insert(a, [{ id: taken.id, code: taken.code }, ...fresh]);
    expect((await written()).length).toBe(4);
    const claims = await t.db.kysely.selectFrom('claimed_id').select(['id', 'organisation_id']).where('id', 'in', fresh.map((f) => f.id)).execute();
    expect(claims.map((c) => c.organisation_id)).toEqual([a.organisationId, a.organisationId, a.organisationId]);
    await expect(insert(b, [{ id: fresh[2]!.id, code: codeOf(910) }])).rejects.toMatchObject({ code: 'RL409' });
  });
});
