import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody, LoginLockouts } from '@relais/core';
import { createOrg, createUnit, createUserClient, createTestApp, engine, PASSWORD, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { PAIR_RULE } from './login-throttle.ts';

// Lower limits than the defaults (100 and 20): every failure costs a password hash.
const ADDRESS_LIMIT = 12;
const ACCOUNT_LIMIT = 8;

describe(`login throttling that another address cannot abuse (${engine})`, { timeout: 180_000 }, () => {
  let t: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    t = await createTestApp({ RELAIS_LOGIN_ADDRESS_LIMIT: String(ADDRESS_LIMIT), RELAIS_LOGIN_ACCOUNT_LIMIT: String(ACCOUNT_LIMIT) });
    org = await createOrg(t, 'LOCK');
  });
  afterAll(() => t.close());

  /** A login attempt from an address, with a device cookie or none; answers the device cookie set. */
  async function attempt(from: string, username: string, password: string, device?: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from,
      headers: { 'accept-language': 'fr', ...(device ? { cookie: `relais_device=${device}` } : {}) },
      payload: { organisation: 'LOCK', username, password },
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as ApiErrorBody, device: res.cookies.find((c) => c.name === 'relais_device')?.value };
  }
  async function failTimes(n: number, from: string, username: string) {
    for (let i = 0; i < n; i++) expect((await attempt(from, username, 'not the password')).status).toBe(401);
  }
  /** Ends the locks of keys starting with `prefix` now, as if their time had passed. */
  async function expireLocks(prefix: string) {
    await sql`update login_throttle set locked_until = now() - interval '1 second' where left(key, ${prefix.length}::int) = ${prefix}`.execute(t.db.kysely);
  }

  it('a device that logged in before still logs in while another address fails on its account, past every limit', async () => {
    await createUserClient(t, org.admin, 'LOCK', 'known', 'peer_educator', org.rootUnitId);
    const first = await attempt('10.0.0.1', 'known', PASSWORD);
    expect(first.status).toBe(200);
    expect(first.device).toBeTruthy();
    // An attacker from other addresses: past the pair limit and past the account's limit for unknown devices.
    await failTimes(PAIR_RULE.limit, '203.0.113.7', 'known');
    expect((await attempt('203.0.113.7', 'known', 'not the password')).status).toBe(429);
    for (let i = PAIR_RULE.limit; i < ACCOUNT_LIMIT; i++) await failTimes(1, `198.51.100.${i}`, 'known');
    // An unknown device is refused now, even with the right password…
    const unknown = await attempt('192.0.2.9', 'known', PASSWORD);
    expect(unknown.status).toBe(429);
    expect(unknown.body.error.code).toBe('login_throttled');
    // …the known device is not, from its usual address or from the attacker's.
    expect((await attempt('10.0.0.1', 'known', PASSWORD, first.device)).status).toBe(200);
    expect((await attempt('203.0.113.7', 'known', PASSWORD, first.device)).status).toBe(200);
    // A cookie this server did not sign counts for nothing.
    const forged = `${first.device!.split('.')[0]}.AAAA`;
    expect((await attempt('203.0.113.7', 'known', PASSWORD, forged)).status).toBe(429);
    // A device known for another account (a colleague's tablet) does not vouch for this one.
    await createUserClient(t, org.admin, 'LOCK', 'colleague', 'peer_educator', org.rootUnitId);
    const colleague = await attempt('192.0.2.9', 'colleague', PASSWORD);
    expect(colleague.status).toBe(200);
    expect((await attempt('192.0.2.9', 'known', PASSWORD, colleague.device)).status).toBe(429);
  });

  it('backs off exponentially per account and address, and logs each lock for the administrators', async () => {
    const { id } = await createUserClient(t, org.admin, 'LOCK', 'backoff', 'peer_educator', org.rootUnitId);
    await failTimes(PAIR_RULE.limit, '10.0.0.2', 'backoff');
    const locked = await attempt('10.0.0.2', 'backoff', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('Trop de tentatives. Réessayez dans 1 min.');
    // Another address of the same account is not locked.
    expect((await attempt('10.0.0.3', 'backoff', PASSWORD)).status).toBe(200);
    await expireLocks('pair:LOCK:backoff:10.0.0.2');
    await failTimes(1, '10.0.0.2', 'backoff');
    expect((await attempt('10.0.0.2', 'backoff', PASSWORD)).body.error.message).toBe('Trop de tentatives. Réessayez dans 2 min.');
    await expireLocks('pair:LOCK:backoff:10.0.0.2');
    await failTimes(1, '10.0.0.2', 'backoff');
    expect((await attempt('10.0.0.2', 'backoff', PASSWORD)).body.error.message).toBe('Trop de tentatives. Réessayez dans 4 min.');

    const audit = await t.db.kysely.selectFrom('audit_event').select(['details', 'ip']).where('action', '=', 'login_locked').where('entity_id', '=', id).orderBy('at').execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]!.ip).toBe('10.0.0.2');
    expect(audit.map((a) => (a.details as { scope: string; failures: number }).failures)).toEqual([5, 6, 7]);

    const seen = await org.admin.get<LoginLockouts>('/auth/lockouts');
    expect(seen.status).toBe(200);
    expect(seen.body.items).toContainEqual(expect.objectContaining({ scope: 'pair', username: 'backoff', address: '10.0.0.2', failures: 7 }));
    expect(seen.body.items).toContainEqual(expect.objectContaining({ scope: 'account', username: 'known', address: null }));
    const viaAudit = await org.admin.get<{ items: Array<{ action: string }> }>('/audit?action=login_locked');
    expect(viaAudit.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('locks an address failing on many accounts for unknown devices only: an office behind it keeps working', async () => {
    await createUserClient(t, org.admin, 'LOCK', 'office-in', 'peer_educator', org.rootUnitId);
    await createUserClient(t, org.admin, 'LOCK', 'office-new', 'peer_educator', org.rootUnitId);
    const device = (await attempt('10.9.9.9', 'office-in', PASSWORD)).device;
    // Failures on many accounts, none past its own limit, up to the address's limit.
    for (let i = 0; i < ADDRESS_LIMIT; i++) await failTimes(1, '10.9.9.9', `office${i % 3}`);
    const refused = await attempt('10.9.9.9', 'office-new', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe('Trop de tentatives. Réessayez dans 15 min.');
    expect((await attempt('10.9.9.9', 'office-in', PASSWORD, device)).status).toBe(200);
    expect((await attempt('10.9.9.10', 'office-new', PASSWORD)).status).toBe(200);
  });

  it('shows lockouts only to administrators of the whole organisation, and only their own', async () => {
    const section = await createUnit(org.admin, org.rootUnitId, 'SECL');
    const { client: sectionAdmin } = await createUserClient(t, org.admin, 'LOCK', 'secadmin', 'administrator', section);
    const res = await sectionAdmin.get<ApiErrorBody>('/auth/lockouts');
    expect(res.status).toBe(403);
    const { client: worker } = await createUserClient(t, org.admin, 'LOCK', 'worker', 'peer_educator', org.rootUnitId);
    expect((await worker.get('/auth/lockouts')).status).toBe(403);
    const other = await createOrg(t, 'LOCK2');
    expect((await other.admin.get<LoginLockouts>('/auth/lockouts')).body.items).toEqual([]);
  });
});
