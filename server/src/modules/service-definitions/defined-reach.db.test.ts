import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ApiErrorBody, ReportRow, Verification } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp } from '../../../test/harness.ts';
import { recordContact, registerBeneficiary } from '../../../test/factories.ts';

type VerificationBody = z.infer<typeof Verification>;

/**
 * A service the organisation defines counts in reach and in the paquet minimum as the built-in
 * ones do (issue 17, ADR 0028), once the program's settings list it. Hand-built, March 2025, TNG,
 * harm reduction (built-in reach: outreach contact, kits, OST dose; paquet: kits, condoms, talk):
 * - A on 03-03: a shower (`douche`, defined) only;
 * - B on 03-04: kits, condoms, talk (the built-in paquet);
 * - C on 03-05: kits, condoms, talk and a shower;
 * - D on 03-06: a shower, kits (reached, not the paquet either way).
 * Before: reached B, C, D (3); full paquet B, C (2). With the shower in reach and in the paquet:
 * reached A, B, C, D (4); full paquet C only (1); rate 1/4.
 */
describe(`a defined service in reach and paquet minimum (${engine})`, () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let tng: string;
  let pe: Client;
  const labels = (fr: string, ar: string, en: string) => ({ fr, ar, en });
  const douche = { code: 'douche', labels: labels('Douche', 'استحمام', 'Shower'), pictogram: 'shower', fields: [] };
  const builtIn = {
    services: ['outreach_contact', 'syringe_kits', 'syringes_returned', 'ost_dose', 'condoms', 'iec_session'],
    reach: ['outreach_contact', 'syringe_kits', 'ost_dose'],
    paquetMinimum: ['syringe_kits', 'condoms', 'iec_session'],
  };

  const report = async () => {
    const res = await org.admin.post<{ rows: ReportRow[] } & ApiErrorBody>('/reports/query', {
      program: 'harm_reduction',
      period: '2025-03',
      indicators: ['reached', 'persons_full_paquet', 'paquet_minimum_rate'],
      by: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return Object.fromEntries(res.body.rows.map((r) => [r.indicator, r.value]));
  };
  const settings = (body: Record<string, unknown>) => org.admin.request<ApiErrorBody>('PUT', '/catalogue/programs/harm_reduction', body);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AHSUD');
    tng = await createUnit(org.admin, org.rootUnitId, 'TNG');
    ({ client: pe } = await createUserClient(t, org.admin, 'AHSUD', 'pair.tng', 'peer_educator', tng));
    expect((await org.admin.post('/programs/harm_reduction/services', douche)).status).toBe(201);
    expect((await org.admin.post('/programs/prev_ps/services', { ...douche, code: 'repas_ps', labels: labels('Repas', 'وجبة', 'Meal') })).status).toBe(201);
    expect((await settings(builtIn)).status).toBe(200);
    const contact = (date: string, services: string[]) => async () =>
      recordContact(pe, { beneficiaryId: (await registerBeneficiary(pe, { orgUnitId: tng })).id, orgUnitId: tng, program: 'harm_reduction', date, services: services.map((service) => ({ service, ...(service === 'syringe_kits' || service === 'condoms' ? { quantity: 2 } : {}) })) });
    await contact('2025-03-03', ['douche'])();
    await contact('2025-03-04', ['syringe_kits', 'condoms', 'iec_session'])();
    await contact('2025-03-05', ['syringe_kits', 'condoms', 'iec_session', 'douche'])();
    await contact('2025-03-06', ['douche', 'syringe_kits'])();
  });
  afterAll(() => t.close());

  it('counts a person reached by a defined service, and holds contacts to a paquet minimum that includes it', async () => {
    expect(await report()).toEqual({ reached: 3, persons_full_paquet: 2, paquet_minimum_rate: 0.6667 });
    const saved = await settings({ ...builtIn, reach: [...builtIn.reach, 'douche'], paquetMinimum: [...builtIn.paquetMinimum, 'douche'] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const catalogue = await pe.get<{ programs: { code: string; reach: string[]; paquetMinimum: string[] }[] }>('/catalogue');
    expect(catalogue.body.programs.find((p) => p.code === 'harm_reduction')).toMatchObject({ reach: [...builtIn.reach, 'douche'], paquetMinimum: [...builtIn.paquetMinimum, 'douche'] });
    expect(await report()).toEqual({ reached: 4, persons_full_paquet: 1, paquet_minimum_rate: 0.25 });
    // The monthly verification holds A's shower-only contact to the paquet now, and flags B's without the shower (D misses more).
    const verification = await org.admin.get<VerificationBody>(`/verification?orgUnitId=${tng}&month=2025-03`);
    expect(verification.status, JSON.stringify(verification.body)).toBe(200);
    expect(verification.body.flags.filter((f) => f.kind === 'missing_paquet_minimum').map((f) => f.date).sort()).toEqual(['2025-03-03', '2025-03-04', '2025-03-06']);
  });

  it('lists the services behind "reached" as the reports screen asks for them: built-in and defined codes in one filter', async () => {
    const reach = [...builtIn.reach, 'douche'].join(',');
    const listed = await org.admin.get<{ items: { service: string; date: string }[] } & ApiErrorBody>(`/services?program=harm_reduction&orgUnitId=${tng}&service=${reach}&from=2025-03-01&to=2025-03-31&limit=50`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.filter((s) => s.service === 'douche').map((s) => s.date).sort()).toEqual(['2025-03-03', '2025-03-05', '2025-03-06']);
    // A code that is neither built in nor a defined code's form is still refused, naming the field.
    const refused = await org.admin.get<ApiErrorBody>(`/services?service=condoms,Not-A-Code`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('service');
  });

  it('refuses, naming the field, a service not defined for the program or retired from the paquet minimum', async () => {
    const codes = async (body: Record<string, unknown>) => {
      const res = await settings(body);
      expect(res.status).toBe(400);
      return res.body.error.fields?.map((f) => `${f.field}:${f.code}:${f.message}`);
    };
    expect(await codes({ ...builtIn, reach: [...builtIn.reach, 'baignade'] })).toEqual(['reach.3:invalid_choice:Compte comme atteinte « baignade » : valeur non autorisée.']);
    expect(await codes({ ...builtIn, paquetMinimum: ['repas_ps'] })).toEqual([expect.stringMatching(/^paquetMinimum\.0:invalid_choice:/)]);
    const { code: _code, ...rest } = douche;
    expect((await org.admin.put('/programs/harm_reduction/services/douche', { ...rest, retired: true })).status).toBe(200);
    expect(await codes({ ...builtIn, paquetMinimum: ['douche'] })).toEqual([expect.stringMatching(/^paquetMinimum\.0:invalid_choice:/)]);
    // Retired, it still counts its past records as reached.
    expect((await settings({ ...builtIn, reach: [...builtIn.reach, 'douche'] })).status).toBe(200);
    expect(await report()).toMatchObject({ reached: 4 });
  });
});
