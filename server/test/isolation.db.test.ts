import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Me, OrgUnit, User } from '@relais/core';
import { Client, createOrg, createTestApp, createUnit, createUserClient, engine, type TestApp, type TestOrg } from './harness.ts';

// Two sections of one organisation, and a second organisation: what each user may list, read and change.
describe(`isolation between sections and organisations (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let sectionA: string;
  let sectionB: string;
  let siteB: string;
  let coordA: Client;
  let adminA: Client;
  let userB: { id: string; client: Client };
  let viewer: Client;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'ASSO');
    other = await createOrg(t, 'OTHER');
    sectionA = await createUnit(org.admin, org.rootUnitId, 'SEC-A');
    sectionB = await createUnit(org.admin, org.rootUnitId, 'SEC-B');
    siteB = await createUnit(org.admin, sectionB, 'SITE-B1', 'site');
    coordA = (await createUserClient(t, org.admin, 'ASSO', 'coord.a', 'coordinator', sectionA)).client;
    adminA = (await createUserClient(t, org.admin, 'ASSO', 'admin.a', 'administrator', sectionA)).client;
    userB = await createUserClient(t, org.admin, 'ASSO', 'ep.b', 'peer_educator', sectionB);
    viewer = (await createUserClient(t, org.admin, 'ASSO', 'viewer', 'viewer', org.rootUnitId)).client;
  });
  afterAll(() => t.close());

  it('refuses every API call without a session with 401', async () => {
    const anonymous = new Client(t.app);
    for (const url of ['/auth/me', '/org-units', '/users', '/programs', '/audit', `/users/${userB.id}`]) {
      const res = await anonymous.get<{ error: { code: string } }>(url);
      expect(res.status, url).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    expect((await anonymous.post('/org-units', { code: 'X', name: 'X', level: 'site', parentId: sectionA })).status).toBe(401);
  });

  it('lists only the units of the user’s own subtree', async () => {
    const a = await coordA.get<{ items: OrgUnit[] }>('/org-units');
    expect(a.body.items.map((u) => u.code).sort()).toEqual(['SEC-A']);
    const root = await org.admin.get<{ items: OrgUnit[] }>('/org-units');
    expect(root.body.items.map((u) => u.code).sort()).toEqual(['ASSO', 'SEC-A', 'SEC-B', 'SITE-B1']);
  });

  it('lists only the users assigned in the user’s subtree', async () => {
    const res = await coordA.get<{ items: User[]; total: number }>('/users');
    expect(res.status).toBe(200);
    const names = res.body.items.map((u) => u.username).sort();
    expect(names).toEqual(['admin.a', 'coord.a']);
    expect(res.body.total).toBe(2);
  });

  it('does not let a section A user read or change a section B user', async () => {
    expect((await coordA.get(`/users/${userB.id}`)).status).toBe(404);
    expect((await adminA.get(`/users/${userB.id}`)).status).toBe(404);
    expect((await adminA.patch(`/users/${userB.id}`, { displayName: 'Hacked' })).status).toBe(404);
    expect((await adminA.post(`/users/${userB.id}/assignments`, { role: 'viewer', orgUnitId: sectionA })).status).toBe(404);
    const still = await org.admin.get<User>(`/users/${userB.id}`);
    expect(still.body.displayName).toBe('User ep.b');
    expect(still.body.assignments).toHaveLength(1);
  });

  it('does not let a section A administrator create or change units of section B, nor grant roles there', async () => {
    const create = await adminA.post<{ error: { code: string } }>('/org-units', { code: 'SITE-X', name: 'X', level: 'site', parentId: sectionB });
    expect(create.status).toBe(400);
    expect(create.body.error.code).toBe('org_unit_parent_invalid');
    expect((await adminA.patch(`/org-units/${siteB}`, { name: 'Renamed' })).status).toBe(404);
    const grant = await adminA.post<{ error: { code: string; fields: { field: string }[] } }>('/users', {
      username: 'sneaky',
      displayName: 'Sneaky',
      password: 'long enough password',
      assignments: [{ role: 'administrator', orgUnitId: sectionB, programs: null }],
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error.fields[0]!.field).toBe('assignments.0.orgUnitId');
    const units = await org.admin.get<{ items: OrgUnit[] }>('/org-units');
    expect(units.body.items.find((u) => u.id === siteB)!.name).toBe('Unit SITE-B1');
  });

  it('lets the section A administrator manage her own section', async () => {
    const site = await createUnit(adminA, sectionA, 'SITE-A1', 'site');
    expect((await adminA.patch<OrgUnit>(`/org-units/${site}`, { name: 'Plage' })).body.name).toBe('Plage');
  });

  it('never shows anything of another organisation', async () => {
    const otherUnits = await other.admin.get<{ items: OrgUnit[] }>('/org-units');
    expect(otherUnits.body.items.map((u) => u.code)).toEqual(['OTHER']);
    expect((await other.admin.get(`/users/${userB.id}`)).status).toBe(404);
    expect((await other.admin.patch(`/org-units/${sectionA}`, { name: 'x' })).status).toBe(404);
    const create = await other.admin.post('/org-units', { code: 'IN-ASSO', name: 'x', level: 'site', parentId: sectionA });
    expect(create.status).toBe(400);
    const users = await other.admin.get<{ items: User[] }>('/users');
    expect(users.body.items.map((u) => u.username)).toEqual(['admin']);
    const audit = await other.admin.get<{ items: AuditEvent[] }>('/audit?limit=200');
    expect(audit.body.items.every((e) => e.entityId !== userB.id && e.orgUnitId !== sectionA)).toBe(true);
    // Same username in two organisations: two different people.
    expect((await new Client(t.app).login('OTHER', 'admin', 'correct horse battery')).me!.organisation.code).toBe('OTHER');
  });

  it('keeps the audit log of section B away from the section A administrator', async () => {
    const res = await adminA.get<{ items: AuditEvent[] }>('/audit?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.some((e) => e.entityId === userB.id)).toBe(false);
    expect(res.body.items.some((e) => e.orgUnitId === siteB || e.orgUnitId === sectionB)).toBe(false);
    const root = await org.admin.get<{ items: AuditEvent[] }>('/audit?limit=200');
    expect(root.body.items.some((e) => e.entityId === userB.id)).toBe(true);
  });

  it('gives a viewer aggregates only: no person-level data, no user list, no audit', async () => {
    const me = await viewer.get<Me>('/auth/me');
    expect(me.body.permissions).not.toContain('person.read');
    expect(me.body.permissions).toContain('report.read');
    const person = await org.admin.post<{ id: string }>('/beneficiaries', { code: 'VIVI1990F', orgUnitId: sectionA, registeredOn: '2025-01-01', populations: ['PS'], sex: 'F' });
    expect(person.status).toBe(201);
    for (const url of ['/users', `/users/${userB.id}`, '/audit', '/beneficiaries', '/beneficiaries/check?code=VIVI1990F', '/duplicates']) {
      const res = await viewer.get<{ error: { code: string } }>(url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    // One person's record by id: not even whether it exists (404, as for another organisation's person).
    expect((await viewer.get<{ error: { code: string } }>(`/beneficiaries/${person.body.id}`)).body.error.code).toBe('not_found');
    expect((await viewer.post('/org-units', { code: 'V', name: 'V', level: 'site', parentId: sectionA })).status).toBe(403);
  });

  it('does not let a peer educator manage users or units', async () => {
    expect((await userB.client.get('/users')).status).toBe(403);
    expect((await userB.client.patch(`/org-units/${sectionB}`, { name: 'x' })).status).toBe(403);
    expect((await userB.client.patch('/programs/prev_ps', { enabled: false })).status).toBe(403);
  });
});
