import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Beneficiary, ReportRow, ServiceRecord } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';

/**
 * Where a worker records, by the level of her assignment (ADR 0013): a section or clinic in
 * itself, a site at the site (counted in its section), a region in a unit under it.
 */
describe(`recording places by assignment level (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let region: string;
  let section: string;
  let clinic: string;
  let site: string;
  let otherSection: string;
  const workers: Record<'section' | 'clinic' | 'site' | 'region', Client> = {} as never;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'PLC');
    region = await createUnit(org.admin, org.rootUnitId, 'REG-CS', 'region');
    section = await createUnit(org.admin, region, 'CASA', 'section');
    clinic = await createUnit(org.admin, section, 'CSSR', 'clinic');
    site = await createUnit(org.admin, section, 'CORNICHE', 'site');
    otherSection = await createUnit(org.admin, org.rootUnitId, 'AGA', 'section');
    const at = { section, clinic, site, region } as const;
    for (const level of ['section', 'clinic', 'site', 'region'] as const) {
      workers[level] = (await createUserClient(t, org.admin, 'PLC', `ep.${level}`, 'peer_educator', at[level])).client;
      const person = await workers[level].post<Beneficiary>('/beneficiaries', { code: `${level.slice(0, 4).toUpperCase()}1990F`, orgUnitId: at[level] === region ? section : at[level], registeredOn: '2024-01-01', populations: ['PS'], sex: 'F' });
      expect(person.status, JSON.stringify(person.body)).toBe(201);
      people[level] = person.body.id;
    }
  });
  afterAll(() => t.close());

  const record = (level: keyof typeof workers, orgUnitId: string, siteId: string | null = null) =>
    workers[level].post<{ services: ServiceRecord[] } & ApiErrorBody>('/contacts', {
      beneficiaryId: people[level],
      date: '2024-03-01',
      orgUnitId,
      siteId,
      program: 'prev_ps',
      services: [{ service: 'outreach_contact', modality: 'in_person' }, { service: 'condoms', quantity: 10 }],
    });

  it('a site worker records at her site, which is the site of the record; not in the section above', async () => {
    const ok = await record('site', site);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.services[0]).toMatchObject({ orgUnit: { id: site }, site: { id: site } });
    expect((await record('site', section, site)).body.error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
    // She reads back what she recorded.
    const mine = await workers.site.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${people.site}`);
    expect(mine.body.items).toHaveLength(2);
    // A group session at her site too.
    const session = await workers.site.post('/group-sessions', { date: '2024-03-02', orgUnitId: site, program: 'prev_ps', type: 'thematic', theme: 'PrEP', attendees: [people.site] });
    expect(session.status).toBe(201);
  });

  it('a section worker records in her section (its sites chosen apart) and its clinics, not at a site as a unit', async () => {
    expect((await record('section', section, site)).status).toBe(201);
    expect((await record('section', clinic)).status).toBe(201);
    expect((await record('section', site)).body.error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
  });

  it('a clinic worker records in her clinic', async () => {
    expect((await record('clinic', clinic)).status).toBe(201);
    expect((await record('clinic', section)).body.error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
  });

  it('a region worker picks a unit under her region, not the region itself nor a unit outside it', async () => {
    expect((await record('region', section)).status).toBe(201);
    expect((await record('region', region)).body.error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
    expect((await record('region', otherSection)).body.error.fields?.[0]).toMatchObject({ field: 'orgUnitId', code: 'invalid_choice' });
  });

  it('a service given at a site counts in its section, at its site', async () => {
    const res = await org.admin.post<{ rows: ReportRow[] }>('/reports/query', { program: 'prev_ps', period: '2024', indicators: ['condoms_distributed'], by: ['org_unit', 'site'], orgUnitLevel: 'section' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.rows.map((r) => [r.org_unit, r.site, r.value]);
    // Site worker (10) at CORNICHE, section worker (10) at CORNICHE: both in CASA, at the site.
    expect(rows).toContainEqual(['CASA', 'CORNICHE', 20]);
  });
});
