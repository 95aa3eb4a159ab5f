import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupChecklist } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type TestApp, type TestOrg } from '../../../test/harness.ts';

describe(`the administrator's first steps (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;

  const importUnits = (dryRun: boolean) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?kind=org-units&dryRun=${dryRun}`,
      headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'content-type': 'text/csv' },
      payload: 'code,name,parent_code,level\nPLAGE,Plage,SEC,site\n',
    });

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'CHK');
    other = await createOrg(t, 'OTHER');
  });
  afterAll(() => t.close());

  it('ticks each step from the organisation’s own data, as it is done', async () => {
    const checklist = async () => (await org.admin.get<SetupChecklist>('/setup/checklist')).body;
    expect(await checklist()).toEqual({ orgUnits: false, programs: false, users: false, imports: false });

    // Another organisation's first steps tick nothing here.
    const elsewhere = await createUnit(other.admin, other.rootUnitId, 'ELSE');
    await createUserClient(t, other.admin, 'OTHER', 'someone', 'viewer', elsewhere);
    expect(await checklist()).toEqual({ orgUnits: false, programs: false, users: false, imports: false });

    const section = await createUnit(org.admin, org.rootUnitId, 'SEC');
    expect(await checklist()).toMatchObject({ orgUnits: true, programs: false });
    expect((await org.admin.patch('/programs/gbv', { enabled: false })).status).toBe(200);
    expect(await checklist()).toMatchObject({ programs: true, users: false });
    const peer = await createUserClient(t, org.admin, 'CHK', 'ep.chk', 'peer_educator', section);
    expect(await checklist()).toMatchObject({ users: true, imports: false });
    expect((await importUnits(true)).statusCode).toBe(200);
    expect((await checklist()).imports).toBe(false); // a check is not an import
    expect((await importUnits(false)).statusCode).toBe(200);
    expect(await checklist()).toEqual({ orgUnits: true, programs: true, users: true, imports: true });

    // The checklist is the administrator's.
    expect((await peer.client.get('/setup/checklist')).status).toBe(403);
  });
});
