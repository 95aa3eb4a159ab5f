import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Me } from '@relais/core';
import { Client, createOrg, createTestApp, createUserClient, engine, PASSWORD, type TestApp, type TestOrg } from '../../../test/harness.ts';

// The low-literacy mode (issue 16, ADR 0042): a preference of each user, hers to change, in her `Me`.
describe(`her own preferences: the low-literacy mode (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'PREF');
  });
  afterAll(() => t.close());

  const lowLiteracyOf = async (userId: string) =>
    (await t.db.kysely.selectFrom('app_user').select('low_literacy').where('id', '=', userId).executeTakeFirstOrThrow()).low_literacy;

  it('is off by default, set by the user herself, kept at the next login and audited; another user keeps hers', async () => {
    const { id, client } = await createUserClient(t, org.admin, 'PREF', 'reader', 'peer_educator', org.rootUnitId);
    const other = await createUserClient(t, org.admin, 'PREF', 'other', 'peer_educator', org.rootUnitId);
    expect(client.me!.user.lowLiteracy).toBe(false);
    expect((await client.get<Me>('/auth/me')).body.user.lowLiteracy).toBe(false);

    const set = await client.put('/auth/preferences', { lowLiteracy: true });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ok: true });
    expect((await client.get<Me>('/auth/me')).body.user.lowLiteracy).toBe(true);
    expect((await new Client(t.app).login('PREF', 'reader', PASSWORD)).me!.user.lowLiteracy).toBe(true);
    expect((await other.client.get<Me>('/auth/me')).body.user.lowLiteracy).toBe(false);
    expect(await lowLiteracyOf(other.id)).toBe(false);

    const audit = await t.db.kysely.selectFrom('audit_event').select(['actor_id', 'entity_type', 'details']).where('action', '=', 'preferences_change').where('entity_id', '=', id).execute();
    expect(audit).toEqual([{ actor_id: id, entity_type: 'user', details: { lowLiteracy: true } }]);

    expect((await client.put('/auth/preferences', { lowLiteracy: false })).status).toBe(200);
    expect((await client.get<Me>('/auth/me')).body.user.lowLiteracy).toBe(false);
    expect(await lowLiteracyOf(id)).toBe(false);
  });

  it('refuses a value that is not a boolean and a missing one, naming the field in her language; nothing written', async () => {
    const { id, client } = await createUserClient(t, org.admin, 'PREF', 'careful', 'peer_educator', org.rootUnitId);
    client.locale = 'en';
    for (const [body, field, code] of [
      [{ lowLiteracy: 'yes' }, 'lowLiteracy', 'invalid_type'],
      [{}, 'lowLiteracy', 'required'],
    ] as const) {
      const res = await client.put<ApiErrorBody>('/auth/preferences', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.fields).toEqual([expect.objectContaining({ field, code })]);
      expect(res.body.error.fields![0]!.message).toMatch(/\w/);
    }
    expect(await lowLiteracyOf(id)).toBe(false);
    expect(await t.db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'preferences_change').where('entity_id', '=', id).execute()).toEqual([]);
  });

  it('needs a session and the CSRF token', async () => {
    const anonymous = await new Client(t.app).put<ApiErrorBody>('/auth/preferences', { lowLiteracy: true });
    expect(anonymous.status).toBe(401);
    const { id, client } = await createUserClient(t, org.admin, 'PREF', 'forged', 'peer_educator', org.rootUnitId);
    const forged = await client.request<ApiErrorBody>('PUT', '/auth/preferences', { lowLiteracy: true }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_invalid');
    expect(await lowLiteracyOf(id)).toBe(false);
  });
});
