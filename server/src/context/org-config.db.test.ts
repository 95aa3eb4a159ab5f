import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiErrorBody } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../test/harness.ts';
import { registerBeneficiary } from '../../test/factories.ts';

/**
 * What the field's reads keep of an organisation's configuration (ADR 0046) is read again at the
 * first request after a change: a peer educator records contacts (her unit, her program, its
 * services, the defined ones kept), the administrator changes them between two of her requests,
 * and the very next contact follows the change. Each change gives the organisation a new version.
 */
describe(`an organisation's configuration kept in the process follows its changes (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let tng: string;
  let pe: Client;
  let person: string;
  const version = async () =>
    (await sql<{ v: string }>`select config_version::text as v from organisation where id = ${org.organisationId}`.execute(t.db.kysely)).rows[0]!.v;
  const contact = (services: Array<Record<string, unknown>>, day: number, siteId?: string) =>
    pe.post<ApiErrorBody>('/contacts', { beneficiaryId: person, orgUnitId: tng, ...(siteId ? { siteId } : {}), program: 'harm_reduction', date: `2025-04-${String(day).padStart(2, '0')}`, services });
  const catalogue = (services: string[]) =>
    org.admin.request<ApiErrorBody>('PUT', '/catalogue/programs/harm_reduction', { services, reach: ['outreach_contact'], paquetMinimum: [] });

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUD');
    tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    ({ client: pe } = await createUserClient(t, org.admin, 'AHSUD', 'pair.tng', 'peer_educator', tng));
    person = (await registerBeneficiary(pe, { orgUnitId: tng })).id;
  });
  afterAll(() => t.close());

  it('a service taken out of the program, a service defined, a new site: the next contact knows', async () => {
    expect((await contact([{ service: 'syringe_kits', quantity: 2 }], 1)).status).toBe(201);
    const before = await version();
    // A contact changes no configuration.
    expect((await contact([{ service: 'condoms', quantity: 5 }], 2)).status).toBe(201);
    expect(await version()).toBe(before);

    expect((await catalogue(['outreach_contact', 'condoms'])).status).toBe(200);
    const afterCatalogue = await version();
    expect(afterCatalogue).not.toBe(before);
    const refused = await contact([{ service: 'syringe_kits', quantity: 2 }], 3);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.[0]).toMatchObject({ field: 'services.0.service' });

    const douche = { code: 'douche', labels: { fr: 'Douche', ar: 'استحمام', en: 'Shower' }, pictogram: 'shower', fields: [] };
    expect((await org.admin.post('/programs/harm_reduction/services', douche)).status).toBe(201);
    expect(await version()).not.toBe(afterCatalogue);
    expect((await contact([{ service: 'douche' }], 4)).status).toBe(201);

    // A mobile unit made under TNG is a place at once.
    const mob = await createUnit(org.admin, tng, 'MOB', 'site');
    expect((await contact([{ service: 'condoms', quantity: 1 }], 5, mob)).status).toBe(201);
    // The program disabled: refused at once.
    expect((await org.admin.request('PATCH', '/programs/harm_reduction', { enabled: false })).status).toBe(200);
    const refusedProgram = await contact([{ service: 'condoms', quantity: 1 }], 6);
    expect(refusedProgram.status).toBe(400);
    expect(refusedProgram.body.error.fields?.[0]).toMatchObject({ field: 'program' });
  });
});
