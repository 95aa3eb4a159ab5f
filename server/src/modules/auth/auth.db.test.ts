import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, Me } from '@relais/core';
import { Client, createOrg, createTestApp, createUserClient, engine, PASSWORD, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { sha256 } from '../../lib/ids.ts';

describe(`login, sessions, CSRF and passwords (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp({ RELAIS_SESSION_IDLE_MINUTES: '30' });
    org = await createOrg(t, 'AUTH');
  });
  afterAll(() => t.close());

  it('sets an httpOnly SameSite=Strict session cookie and answers /auth/me', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { organisation: 'auth', username: 'ADMIN', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'relais_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.value.length).toBeGreaterThan(30);
    // Only the hash of the token is stored.
    const stored = await t.db.kysely.selectFrom('session').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === cookie.value)).toBe(false);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `relais_session=${cookie.value}` } });
    expect((JSON.parse(me.body) as Me).user.username).toBe('admin');
  });

  it('refuses a wrong password or unknown account with the same translated error', async () => {
    for (const [organisation, username] of [['AUTH', 'admin'], ['AUTH', 'nobody'], ['NOPE', 'admin']] as const) {
      const c = new Client(t.app, 'en');
      const res = await c.post<ApiErrorBody>('/auth/login', { organisation, username, password: 'wrong password!' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
      expect(res.body.error.message).toBe('Wrong organisation, username or password.');
    }
  });

  it('locks an account from an address after repeated failures, even for the right password, and says for how long', async () => {
    const { id } = await createUserClient(t, org.admin, 'AUTH', 'target', 'peer_educator', org.rootUnitId);
    const c = new Client(t.app, 'fr');
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/auth/login', { organisation: 'AUTH', username: 'target', password: 'not the password' })).status).toBe(401);
    }
    const locked = await c.post<ApiErrorBody>('/auth/login', { organisation: 'AUTH', username: 'target', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('login_throttled');
    expect(locked.body.error.message).toBe('Trop de tentatives. Réessayez dans 1 min.');
    // The failures are in the audit log.
    const failed = await t.db.kysely.selectFrom('audit_event').select('id').where('action', '=', 'login_failed').where('entity_id', '=', id).execute();
    expect(failed).toHaveLength(5);
    // Another account is not locked.
    expect((await new Client(t.app).post('/auth/login', { organisation: 'AUTH', username: 'admin', password: PASSWORD })).status).toBe(200);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const c = await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    const before = await t.db.kysely.selectFrom('org_unit').select('id').execute();
    const res = await c.request<ApiErrorBody>('POST', '/org-units', { code: 'CSRF', name: 'x', level: 'site', parentId: org.rootUnitId }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
    c.csrf = 'forged-token-of-the-same-length-as-a-real-one-xxxxx';
    expect((await c.put('/auth/locale', { locale: 'ar' })).status).toBe(403);
    expect(await t.db.kysely.selectFrom('org_unit').select('id').execute()).toHaveLength(before.length);
  });

  it('expires an idle session', async () => {
    const c = await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    const tokenHash = sha256(c.cookie!.replace('relais_session=', ''));
    await t.db.kysely.updateTable('session').set({ last_seen_at: sql`now() - interval '31 minutes'` }).where('token_hash', '=', tokenHash).execute();
    const res = await c.get<ApiErrorBody>('/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it('ends the session at logout', async () => {
    const c = await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    const cookie = c.cookie;
    expect((await c.post('/auth/logout')).status).toBe(200);
    c.cookie = cookie; // a stolen copy of the cookie no longer works either
    expect((await c.get('/auth/me')).status).toBe(401);
  });

  it('changes the password: checks the current one, ends the other sessions', async () => {
    const { client } = await createUserClient(t, org.admin, 'AUTH', 'changer', 'coordinator', org.rootUnitId);
    const other = await new Client(t.app).login('AUTH', 'changer', PASSWORD);
    const wrong = await client.post<ApiErrorBody>('/auth/password', { currentPassword: 'nope', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect((await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new password' })).status).toBe(200);
    expect((await client.get('/auth/me')).status).toBe(200);
    expect((await other.get('/auth/me')).status).toBe(401);
    expect((await new Client(t.app).post('/auth/login', { organisation: 'AUTH', username: 'changer', password: PASSWORD })).status).toBe(401);
    await new Client(t.app).login('AUTH', 'changer', 'a brand new password');
  });

  it('refuses common, repeated or sequential passwords and those holding the username, naming the field in the caller’s language', async () => {
    const en = await new Client(t.app, 'en').login('AUTH', 'admin', PASSWORD);
    const common = await en.post<ApiErrorBody>('/auth/password', { currentPassword: PASSWORD, newPassword: '1111111111' });
    expect(common.status).toBe(400);
    expect(common.body.error.fields).toEqual([expect.objectContaining({ field: 'newPassword', code: 'password_common' })]);
    expect(common.body.error.fields![0]!.message).toMatch(/one of the most common passwords/);
    const sequence = await en.post<ApiErrorBody>('/auth/password', { currentPassword: PASSWORD, newPassword: 'azertyuiopqsd' });
    expect(sequence.body.error.fields![0]!.code).toBe('password_sequence');
    const ar = await new Client(t.app, 'ar').login('AUTH', 'admin', PASSWORD);
    ar.csrf = ar.me!.csrfToken;
    const named = await ar.post<ApiErrorBody>('/users', { username: 'nadia.k', displayName: 'Nadia', password: 'nadia.k sur le terrain', assignments: [{ role: 'viewer', orgUnitId: org.rootUnitId }] });
    expect(named.status).toBe(400);
    expect(named.body.error.fields).toEqual([expect.objectContaining({ field: 'password', code: 'password_contains_name' })]);
    expect(named.body.error.fields![0]!.message).toContain('يجب ألا تحتوي على اسم المستخدم');
    // Nothing written: the password is unchanged, the user not created.
    await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    expect(await t.db.kysely.selectFrom('app_user').select('id').where('username', '=', 'nadia.k').execute()).toEqual([]);
  });

  it('keeps the chosen language per user', async () => {
    const c = await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    expect((await c.put('/auth/locale', { locale: 'ar' })).status).toBe(200);
    const again = await new Client(t.app).login('AUTH', 'admin', PASSWORD);
    expect(again.me!.user.locale).toBe('ar');
    // Without Accept-Language, errors come in the user's language.
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: { cookie: again.cookie! } });
    expect((JSON.parse(res.body) as ApiErrorBody).error.message).toBe('بعض الحقول غير صالحة.');
  });

  it('does not let a deactivated user log in, and ends her sessions', async () => {
    const { id, client } = await createUserClient(t, org.admin, 'AUTH', 'leaver', 'peer_educator', org.rootUnitId);
    expect((await org.admin.patch(`/users/${id}`, { active: false })).status).toBe(200);
    expect((await client.get('/auth/me')).status).toBe(401);
    const res = await new Client(t.app).post<ApiErrorBody>('/auth/login', { organisation: 'AUTH', username: 'leaver', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('account_inactive');
  });
});
