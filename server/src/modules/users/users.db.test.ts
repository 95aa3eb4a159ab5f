import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, AuditEvent, User } from '@relais/core';
import { Client, createAppWithSection, engine, PASSWORD, tableCounts, type TestApp, type TestOrg } from '../../../test/harness.ts';

describe(`users and role assignments (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let section: string;

  beforeAll(async () => {
    ({ t, org, section } = await createAppWithSection('USR'));
  });
  afterAll(() => t.close());

  it('creates a user with a role on a subtree and programs; she logs in with those rights', async () => {
    const res = await org.admin.post<User>('/users', {
      username: 'EP.Casa',
      displayName: 'Éducatrice Casa',
      password: PASSWORD,
      locale: 'ar',
      assignments: [{ role: 'peer_educator', orgUnitId: section, programs: ['prev_ps', 'prev_hsh'] }],
    });
    expect(res.status).toBe(201);
    expect(res.body.username).toBe('ep.casa');
    expect(res.body.assignments).toEqual([
      { id: expect.any(String), role: 'peer_educator', orgUnit: { id: section, code: 'SEC', name: 'Unit SEC' }, programs: ['prev_ps', 'prev_hsh'] },
    ]);
    const ep = await new Client(t.app).login('USR', 'ep.casa', PASSWORD);
    expect(ep.me!.user.locale).toBe('ar');
    expect(ep.me!.permissions).toContain('person.write');
    expect(ep.me!.permissions).not.toContain('user.manage');
  });

  it('applies a retried create with the same client id once', async () => {
    const body = { id: '3f0e7c6a-5b4d-4e3f-8a2b-1c0d9e8f7a6b', username: 'retry', displayName: 'Retry', password: PASSWORD, assignments: [{ role: 'viewer', orgUnitId: section }] };
    const first = await org.admin.post<User>('/users', body);
    expect(first.status).toBe(201);
    const before = await tableCounts(t.db);
    const second = await org.admin.post<User>('/users', body);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(await tableCounts(t.db)).toEqual(before);
    const clash = await org.admin.post<ApiErrorBody>('/users', { ...body, username: 'someone-else' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('id_conflict');
  });

  it('refuses a username already used in the organisation', async () => {
    const res = await org.admin.post<ApiErrorBody>('/users', { username: 'ADMIN', displayName: 'Dup', password: PASSWORD, assignments: [{ role: 'viewer', orgUnitId: section }] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('username_taken');
  });

  it('adds and withdraws assignments, audited', async () => {
    const created = await org.admin.post<User>('/users', { username: 'multi', displayName: 'Multi', password: PASSWORD, assignments: [{ role: 'viewer', orgUnitId: org.rootUnitId }] });
    const added = await org.admin.post<User>(`/users/${created.body.id}/assignments`, { role: 'social_worker', orgUnitId: section, programs: ['mediation'] });
    expect(added.status).toBe(200);
    expect(added.body.assignments.map((a) => a.role).sort()).toEqual(['social_worker', 'viewer']);
    const social = added.body.assignments.find((a) => a.role === 'social_worker')!;
    const removed = await org.admin.delete<User>(`/users/${created.body.id}/assignments/${social.id}`);
    expect(removed.body.assignments.map((a) => a.role)).toEqual(['viewer']);
    const audit = await org.admin.get<{ items: AuditEvent[] }>(`/audit?entityId=${created.body.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['assignment.delete', 'assignment.create', 'user.create']);
    expect(audit.body.items[0]!.actor!.username).toBe('admin');
  });

  it('audits every read of a user record', async () => {
    const created = await org.admin.post<User>('/users', { username: 'readme', displayName: 'Read me', password: PASSWORD, assignments: [{ role: 'viewer', orgUnitId: section }] });
    await org.admin.get(`/users/${created.body.id}`);
    await org.admin.get(`/users/${created.body.id}`);
    const audit = await org.admin.get<{ items: AuditEvent[] }>(`/audit?entityId=${created.body.id}&action=user.read`);
    expect(audit.body.items).toHaveLength(2);
  });

  it('does not let an administrator lock herself out, nor remove the last administrator', async () => {
    const self = org.admin.me!.user.id;
    const own = org.admin.me!.assignments[0]!.id;
    for (const res of [
      await org.admin.patch<ApiErrorBody>(`/users/${self}`, { active: false }),
      await org.admin.delete<ApiErrorBody>(`/users/${self}/assignments/${own}`),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('cannot_change_own_access');
    }
    // A second root administrator may not remove the first if she is the only other one… until there are two.
    const second = await org.admin.post<User>('/users', { username: 'admin2', displayName: 'Admin 2', password: PASSWORD, assignments: [{ role: 'administrator', orgUnitId: org.rootUnitId }] });
    const admin2 = await new Client(t.app).login('USR', 'admin2', PASSWORD);
    expect((await admin2.patch(`/users/${self}`, { active: false })).status).toBe(200);
    const last = await admin2.patch<ApiErrorBody>(`/users/${second.body.id}`, { active: false });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('cannot_change_own_access');
    await admin2.patch(`/users/${self}`, { active: true });
    // Her deactivation ended her sessions: she logs in again.
    expect((await org.admin.get('/auth/me')).status).toBe(401);
    await org.admin.login('USR', 'admin', PASSWORD);
  });

  it('resets a password: the old one stops working and her sessions end', async () => {
    const created = await org.admin.post<User>('/users', { username: 'forgot', displayName: 'Forgot', password: PASSWORD, assignments: [{ role: 'viewer', orgUnitId: section }] });
    const session = await new Client(t.app).login('USR', 'forgot', PASSWORD);
    expect((await org.admin.patch(`/users/${created.body.id}`, { password: 'a temporary password' })).status).toBe(200);
    expect((await session.get('/auth/me')).status).toBe(401);
    await new Client(t.app).login('USR', 'forgot', 'a temporary password');
    const audit = await org.admin.get<{ items: AuditEvent[] }>(`/audit?entityId=${created.body.id}&action=user.update`);
    expect(audit.body.items[0]!.details).toEqual({ changes: {}, passwordReset: true }); // never the password itself
  });

  it('searches and pages the user list', async () => {
    const page = await org.admin.get<{ items: User[]; total: number }>('/users?limit=2&offset=0');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(4);
    const found = await org.admin.get<{ items: User[]; total: number }>('/users?q=casa');
    expect(found.body.items.map((u) => u.username)).toEqual(['ep.casa']);
  });
});
