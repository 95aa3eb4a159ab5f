import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, engine, PASSWORD, type TestApp } from '../../test/harness.ts';

describe(`X-Forwarded-For believed only from the configured proxies (${engine})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RELAIS_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' });
    await createOrg(t, 'PROXY');
  });
  afterAll(() => t.close());

  /** Logs in from a peer saying the client is `forwardedFor`; answers the address the login's audit line recorded. */
  async function addressSeen(peer: string, forwardedFor: string): Promise<string | null> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { organisation: 'PROXY', username: 'admin', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('audit_event').select('ip').where('action', '=', 'login').orderBy('at', 'desc').executeTakeFirstOrThrow();
    return row.ip;
  }

  it('takes the client address from a trusted proxy', async () => {
    expect(await addressSeen('10.20.30.40', '203.0.113.9')).toBe('203.0.113.9');
    // Through two trusted proxies: the first untrusted address from the right.
    expect(await addressSeen('127.0.0.1', '203.0.113.10, 10.1.1.1')).toBe('203.0.113.10');
  });

  it('ignores the header from any other peer, which could otherwise choose its address', async () => {
    expect(await addressSeen('192.0.2.50', '203.0.113.11')).toBe('192.0.2.50');
    // A trusted proxy relaying what a client claimed: the client's claim before it is not believed.
    expect(await addressSeen('10.20.30.40', '198.51.100.1, 192.0.2.51')).toBe('192.0.2.51');
  });
});
