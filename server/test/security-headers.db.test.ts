import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createOrg, createTestApp, engine, PASSWORD, type TestApp } from './harness.ts';

describe(`security headers (${engine})`, () => {
  let t: TestApp;
  let secure: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await createOrg(t, 'HDR')).admin;
    secure = await createTestApp({ RELAIS_SECURE_COOKIES: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await secure.close();
  });

  it('keeps every API answer out of caches: persons, the session with its CSRF token, errors', async () => {
    const login = await new Client(t.app).post('/auth/login', { organisation: 'HDR', username: 'admin', password: PASSWORD });
    expect(login.headers['cache-control']).toBe('no-store');
    for (const url of ['/auth/me', '/beneficiaries', '/audit', '/no-such-thing']) {
      const res = await admin.get(url);
      expect([res.status, res.headers['cache-control']]).toEqual([url === '/no-such-thing' ? 404 : 200, 'no-store']);
    }
    expect((await new Client(t.app).get('/auth/me')).headers['cache-control']).toBe('no-store');
  });

  it('allows the camera and the microphone to the app itself and nothing else', async () => {
    const policy = String((await admin.get('/auth/me')).headers['permissions-policy']);
    expect(policy).toContain('camera=(self)');
    expect(policy).toContain('microphone=(self)');
    expect(policy).toContain('geolocation=()');
    expect(policy).toContain('payment=()');
  });

  it('asks browsers to keep to HTTPS only when the cookies are secure (served over HTTPS)', async () => {
    expect((await admin.get('/auth/me')).headers['strict-transport-security']).toBeUndefined();
    const res = await secure.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
