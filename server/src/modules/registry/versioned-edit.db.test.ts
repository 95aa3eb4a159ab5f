import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Beneficiary, EditConflict } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';

const today = new Date().toISOString().slice(0, 10);
type Conflict = ApiErrorBody & { error: { conflict: EditConflict } };
type Outcome = { id: string; status: string; error?: { code: string; conflict?: EditConflict } };

/** Versioned edits of a person's record (ADR 0036): merged when disjoint, a 409 per field when not. */
describe(`versioned edits of a person (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let section: string;
  let ep: Client;
  let sw: Client;
  let n = 0;

  const register = async (extra: Record<string, unknown> = {}) => {
    n++;
    const res = await ep.post<Beneficiary>('/beneficiaries', { code: `VERS${1980 + n}F`, orgUnitId: section, registeredOn: today, populations: ['PS'], sex: 'F', birthYear: 1980 + n, ...extra });
    expect(res.status).toBe(201);
    return res.body;
  };
  const patch = <T = Beneficiary>(client: Client, id: string, body: Record<string, unknown>) => client.patch<T>(`/beneficiaries/${id}`, body);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'VER');
    section = await createUnit(org.admin, org.rootUnitId, 'SEC-V');
    ep = (await createUserClient(t, org.admin, 'VER', 'ep.v', 'peer_educator', section)).client;
    sw = (await createUserClient(t, org.admin, 'VER', 'sw.v', 'social_worker', section)).client;
  }, 120_000);
  afterAll(() => t.close());

  it('starts at version 1, and raises it only when a field changes', async () => {
    const b = await register({ phone: '0600000001', contactConsent: true });
    expect(b.version).toBe(1);
    const same = await patch(sw, b.id, { baseVersion: 1, populations: ['PS'], phone: '0600000001', contactConsent: true });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    const changed = await patch(sw, b.id, { baseVersion: 1, profile: { housing: 'tenant' } });
    expect(changed.body.version).toBe(2);
    expect(changed.body.profile.housing).toBe('tenant');
    // A service moving her last-seen day, a new unit: not a change of her fields.
    const read = await ep.get<Beneficiary>(`/beneficiaries/${b.id}`);
    expect(read.body.version).toBe(2);
  });

  it('merges an edit based on an old version when the server changed other fields only', async () => {
    const b = await register();
    expect((await patch(sw, b.id, { baseVersion: 1, profile: { schooling: 'primary' } })).body.version).toBe(2);
    const mine = await patch(ep, b.id, { baseVersion: 1, entryDoor: 'outreach', profile: { housing: 'owner' } });
    expect(mine.status).toBe(200);
    expect(mine.body.version).toBe(3);
    expect(mine.body.entryDoor).toBe('outreach');
    expect(mine.body.profile).toMatchObject({ schooling: 'primary', housing: 'owner' });
  });

  it('refuses a field changed on both sides with a 409 naming each, the server’s value, hers, who and when; nothing written', async () => {
    const b = await register({ populations: ['PS'] });
    await patch(sw, b.id, { baseVersion: 1, birthYear: b.birthYear, populations: ['PS', 'PVVIH'], profile: { occupation: 'employed' } });
    const mine = await patch<Conflict>(ep, b.id, { baseVersion: 1, populations: ['PS', 'MIGRANT'], profile: { occupation: 'unemployed', housing: 'owner' } });
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe('edit_conflict');
    expect(mine.body.error.message).toContain('choisissez la valeur à garder');
    const { conflict } = mine.body.error;
    expect(conflict.version).toBe(2);
    expect(conflict.fields.map((f) => [f.field, f.server, f.mine, f.changedBy?.displayName])).toEqual([
      ['populations', ['PS', 'PVVIH'], ['PS', 'MIGRANT'], 'User sw.v'],
      ['profile.occupation', 'employed', 'unemployed', 'User sw.v'],
    ]);
    expect(Date.parse(conflict.fields[0]!.changedAt!)).toBeGreaterThan(Date.now() - 600_000);
    const after = await ep.get<Beneficiary>(`/beneficiaries/${b.id}`);
    expect(after.body.profile.housing).toBeNull();
    expect(after.body.version).toBe(2);
    // She settles it: keeps the server's populations, her occupation, on the version the conflict gave.
    const settled = await patch(ep, b.id, { baseVersion: conflict.version, profile: { occupation: 'unemployed', housing: 'owner' } });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ populations: ['PS', 'PVVIH'], version: 3, profile: { occupation: 'unemployed', housing: 'owner' } });
  });

  it('hides the server’s phone in a conflict from whoever may not see it', async () => {
    const b = await register({ phone: '0600000002', contactConsent: true });
    await patch(sw, b.id, { baseVersion: 1, phone: '0600000003' });
    const mine = await patch<Conflict>(ep, b.id, { baseVersion: 1, phone: '0600000004' });
    expect(mine.status).toBe(409);
    const f = mine.body.error.conflict.fields[0]!;
    expect(f).toMatchObject({ field: 'phone', mine: '0600000004' });
    const seesPhone = (await ep.get<Beneficiary>(`/beneficiaries/${b.id}`)).body.phone !== null;
    expect(f.server).toBe(seesPhone ? '0600000003' : null);
    expect(f.hidden ?? false).toBe(!seesPhone);
  });

  it('applies an edit without a version as it stands (the fields it names), and refuses a version from the future', async () => {
    const b = await register();
    await patch(sw, b.id, { baseVersion: 1, profile: { housing: 'tenant' } });
    const unversioned = await patch(ep, b.id, { profile: { housing: 'owner' } });
    expect(unversioned.status).toBe(200);
    expect(unversioned.body.profile.housing).toBe('owner');
    const future = await patch<ApiErrorBody>(ep, b.id, { baseVersion: 99, entryDoor: 'outreach' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields?.[0]).toMatchObject({ field: 'baseVersion', code: 'too_big' });
  });

  it('through the sync push: a conflicting offline edit is rejected with its fields, a retried one is applied once, the pull carries the version', async () => {
    const b = await register();
    await patch(sw, b.id, { baseVersion: 1, birthYear: b.birthYear, entryDoor: 'partner' });
    const op = (id: string, changes: Record<string, unknown>) => ({ id, kind: 'update_beneficiary', payload: { id: b.id, baseVersion: 1, changes } });
    const opA = '5a5a0000-0000-4000-8000-0000000a0001';
    const opB = '5a5a0000-0000-4000-8000-0000000a0002';
    const first = await ep.post<{ results: Outcome[] }>('/sync/push', { operations: [op(opA, { entryDoor: 'walk_in' }), op(opB, { profile: { housing: 'homeless' } })] });
    expect(first.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(first.body.results[0]!.error).toMatchObject({ code: 'edit_conflict', conflict: { version: 2, fields: [{ field: 'entryDoor', server: 'partner', mine: 'walk_in' }] } });
    const again = await ep.post<{ results: Outcome[] }>('/sync/push', { operations: [op(opB, { profile: { housing: 'homeless' } })] });
    expect(again.body.results[0]!.status).toBe('already_applied');
    const record = (await ep.get<Beneficiary>(`/beneficiaries/${b.id}`)).body;
    expect(record.version).toBe(3);
    expect(record.profile.housing).toBe('homeless');
    const pulled = await ep.get<{ beneficiaries: { id: string; version: number }[] }>('/sync/pull?cursor=0&limit=5000');
    expect(pulled.body.beneficiaries.find((p) => p.id === b.id)?.version).toBe(3);
  });
});
