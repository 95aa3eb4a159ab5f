import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Me, TotpSetup, User } from '@relais/core';
import { Client, createOrg, createTestApp, createUserClient, engine, PASSWORD, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { totpCode, totpStep } from '../../lib/totp.ts';

const secretOf = (setup: TotpSetup) => setup.secret.replace(/\s/g, '');

describe(`second factor (TOTP) (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'TOTP');
  });
  afterAll(() => t.close());

  it('is turned on with a first code, then asked at login; a wrong or replayed code is refused and counted', async () => {
    const { client: worker } = await createUserClient(t, org.admin, 'TOTP', 'awa', 'peer_educator', org.rootUnitId);
    expect(worker.me!.secondFactor).toEqual({ enabled: false, required: false });
    const setup = await worker.post<TotpSetup>('/auth/second-factor');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{4}$/);
    expect(setup.body.otpauthUri).toContain('otpauth://totp/Relais%3Aawa%40TOTP?secret=');
    // Not on before a code confirms it: the login still needs the password only.
    expect((await new Client(t.app).post('/auth/login', { organisation: 'TOTP', username: 'awa', password: PASSWORD })).status).toBe(200);
    const secret = secretOf(setup.body);
    const wrong = await worker.post<ApiErrorBody>('/auth/second-factor/confirm', { code: String((Number(totpCode(secret, totpStep())) + 1) % 1_000_000).padStart(6, '0') });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.[0]?.field).toBe('code');
    const confirmedAt = totpStep();
    expect((await worker.post('/auth/second-factor/confirm', { code: totpCode(secret, confirmedAt) })).status).toBe(200);
    expect((await worker.get<Me>('/auth/me')).body.secondFactor.enabled).toBe(true);

    const en = new Client(t.app, 'en');
    const asked = await en.post<ApiErrorBody>('/auth/login', { organisation: 'TOTP', username: 'awa', password: PASSWORD });
    expect(asked.status).toBe(401);
    expect(asked.body.error.code).toBe('totp_required');
    expect(asked.body.error.message).toBe('Enter the 6-digit code of your authenticator application.');
    expect(en.cookie).toBeNull();
    // The code used to confirm cannot open a session.
    const replay = await en.post<ApiErrorBody>('/auth/login', { organisation: 'TOTP', username: 'awa', password: PASSWORD, totp: totpCode(secret, confirmedAt) });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('totp_invalid');
    const next = await en.post<Me>('/auth/login', { organisation: 'TOTP', username: 'awa', password: PASSWORD, totp: totpCode(secret, Math.max(totpStep(), confirmedAt + 1)) });
    expect(next.status).toBe(200);
    expect(next.body.secondFactor.enabled).toBe(true);
    en.csrf = next.body.csrfToken;
    // A wrong code is a failed login in the audit log (and counts for throttling like a wrong password).
    const failures = await t.db.kysely.selectFrom('audit_event').select('details').where('action', '=', 'login_failed').where('entity_id', '=', worker.me!.user.id).execute();
    expect(failures.map((f) => (f.details as { secondFactor?: boolean }).secondFactor)).toEqual([true]);
    // The secret is sealed at rest.
    const row = await t.db.kysely.selectFrom('app_user').select('totp_secret').where('id', '=', worker.me!.user.id).executeTakeFirstOrThrow();
    expect(row.totp_secret!.toString('latin1')).not.toContain(secret);

    // Off with her password only.
    expect((await en.post<ApiErrorBody>('/auth/second-factor/disable', { password: 'not mine at all' })).body.error.code).toBe('wrong_password');
    expect((await en.post('/auth/second-factor/disable', { password: PASSWORD })).status).toBe(200);
    expect((await new Client(t.app).post('/auth/login', { organisation: 'TOTP', username: 'awa', password: PASSWORD })).status).toBe(200);
  });

  it('when the organisation requires it, an administrator without one may only set it up, and cannot turn it off', async () => {
    const { client: worker } = await createUserClient(t, org.admin, 'TOTP', 'nour', 'peer_educator', org.rootUnitId);
    expect((await worker.put('/auth/settings', { secondFactorRequiredForAdministrators: true })).status).toBe(403);
    expect((await org.admin.put('/auth/settings', { secondFactorRequiredForAdministrators: true })).status).toBe(200);
    expect((await org.admin.get('/auth/settings')).body).toEqual({ secondFactorRequiredForAdministrators: true });
    // Not a peer educator.
    expect((await new Client(t.app).login('TOTP', 'nour', PASSWORD)).me!.secondFactor).toEqual({ enabled: false, required: false });

    const admin = await new Client(t.app, 'en').login('TOTP', 'admin', PASSWORD);
    expect(admin.me!.secondFactor).toEqual({ enabled: false, required: true });
    const blocked = await admin.get<ApiErrorBody>('/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('totp_setup_required');
    const setup = await admin.post<TotpSetup>('/auth/second-factor');
    expect(setup.status).toBe(200);
    expect((await admin.post('/auth/second-factor/confirm', { code: totpCode(secretOf(setup.body), totpStep()) })).status).toBe(200);
    // The same session is whole once the factor is on.
    expect((await admin.get('/users')).status).toBe(200);
    const off = await admin.post<ApiErrorBody>('/auth/second-factor/disable', { password: PASSWORD });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('totp_required_by_organisation');
  });

  it('her phone lost, an administrator turns her second factor off: her sessions end, she signs in with her password and may set it up again', async () => {
    const { client: worker } = await createUserClient(t, org.admin, 'TOTP', 'salma', 'peer_educator', org.rootUnitId);
    const setup = await worker.post<TotpSetup>('/auth/second-factor');
    expect((await worker.post('/auth/second-factor/confirm', { code: totpCode(secretOf(setup.body), totpStep()) })).status).toBe(200);
    const id = worker.me!.user.id;
    expect((await org.admin.get<User>(`/users/${id}`)).body.secondFactor).toBe(true);
    // Not one's own: her own factor goes off with her password (/auth/second-factor/disable).
    const own = await org.admin.patch<ApiErrorBody>(`/users/${org.admin.me!.user.id}`, { resetSecondFactor: true });
    expect(own.status, JSON.stringify(own.body)).toBe(409);
    const reset = await org.admin.patch<User>(`/users/${id}`, { resetSecondFactor: true });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.secondFactor).toBe(false);
    expect((await worker.get('/auth/me')).status).toBe(401); // her sessions ended
    const login = await new Client(t.app).post<Me>('/auth/login', { organisation: 'TOTP', username: 'salma', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.secondFactor).toEqual({ enabled: false, required: false });
    const audit = await t.db.kysely.selectFrom('audit_event').select('details').where('action', '=', 'user.update').where('entity_id', '=', id).execute();
    expect(audit.map((a) => (a.details as { changes: { resetSecondFactor?: boolean } }).changes.resetSecondFactor)).toContain(true);
  });
});

