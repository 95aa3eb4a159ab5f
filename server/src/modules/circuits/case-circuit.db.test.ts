import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { wallClockNow, type ApiErrorBody, type Case, type CaseCircuit, type DirectoryOrganization, type DirectoryService, type OrgUnit } from '@relais/core';
import { createOrg, createTestApp, createUnit, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { registerBeneficiary } from '../../../test/factories.ts';

/** The organisation's wall clock (Africa/Casablanca by default), shifted by minutes. */
function wallShift(minutes: number): string {
  const now = wallClockNow('Africa/Casablanca');
  return new Date(Date.parse(`${now}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

describe(`a case's next steps in the circuit (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let social: Client;
  let otherSocial: Client;
  let region: string;
  let clinic: string;
  let elsewhere: string;
  let childCase: string;
  let adultCase: string;
  const thisYear = Number(wallClockNow('Africa/Casablanca').slice(0, 4));

  const openCase = async (orgUnitId: string, birthYear: number, incidentAt: string) => {
    const person = await registerBeneficiary(social, { orgUnitId, birthYear });
    const res = await social.post<Case>('/cases', { beneficiaryId: person.id, program: 'gbv', orgUnitId, openedAt: wallShift(-1), entryDoor: 'word_of_mouth', incident: { at: incidentAt } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  };
  const circuitOf = (client: Client, id: string, query = '') => client.get<CaseCircuit>(`/cases/${id}/circuit${query}`);

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t, 'AMANE');
    const other = await createOrg(t, 'AUTRE');
    const network = (await createUserClient(t, org.admin, 'AMANE', 'reseau', 'network_coordinator', org.rootUnitId)).client;
    await network.post('/directory/territories', { code: 'sale', name: { fr: 'Salé', ar: 'سلا' } });
    await network.post('/directory/territories', { code: 'kenitra', name: { fr: 'Kénitra', ar: 'القنيطرة' } });
    const hospital = (await network.post<DirectoryOrganization>('/directory/organizations', { name: 'Hôpital' })).body;
    const upec = (await network.post<DirectoryService>('/directory/services', { organizationId: hospital.id, name: 'UPEC', serviceType: 'medical_emergency', territories: ['sale'], phones: [{ number: '+212 537 00 00 01' }] })).body;
    await network.post('/directory/services', { organizationId: hospital.id, name: 'Cellule de police', serviceType: 'police', territories: ['sale'], phones: [{ number: '19' }] });
    const step = (fr: string, more: object) => ({ title: { fr, ar: null }, ...more });
    for (const [caseType, steps] of [
      [
        'child_sexual_violence',
        [
          step('Urgences', { serviceId: upec.id, conditions: [{ kind: 'within_hours', hours: 72 }], bring: [{ fr: 'Carnet de santé', ar: null }] }),
          step('Police', { serviceType: 'police', conditions: [{ kind: 'urban' }] }),
          step('Protection de l’enfance', { serviceType: 'child_protection', conditions: [{ kind: 'child' }] }),
          step('Aide juridique', { serviceType: 'legal_aid', conditions: [{ kind: 'adult' }] }),
        ],
      ],
      ['adult_survivor', [step('Écoute', { serviceType: 'psychosocial' })]],
    ] as const) {
      const res = await network.post('/circuits', { territory: 'sale', caseType, title: { fr: caseType, ar: null }, revision: { validatedOn: '2026-03-12', validatedBy: 'Atelier de Salé', steps } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // The region is in Salé; its clinic names no territory (it inherits); another section names none up to the root.
    region = await createUnit(org.admin, org.rootUnitId, 'RBT', 'region');
    clinic = await createUnit(org.admin, region, 'SALE1', 'clinic');
    elsewhere = await createUnit(org.admin, org.rootUnitId, 'OUJ', 'clinic');
    expect((await org.admin.patch<OrgUnit>(`/org-units/${region}`, { territory: 'sale' })).body.territory).toBe('sale');
    ({ client: social } = await createUserClient(t, org.admin, 'AMANE', 'as.sale', 'social_worker', org.rootUnitId));
    ({ client: otherSocial } = await createUserClient(t, other.admin, 'AUTRE', 'as.autre', 'social_worker', other.rootUnitId));
    childCase = await openCase(clinic, thisYear - 10, wallShift(-10 * 60));
    adultCase = await openCase(clinic, 1990, wallShift(-10 * 24 * 60).slice(0, 10));
  });
  afterAll(() => t.close());

  it('sets and clears a unit’s territory, naming an unknown one', async () => {
    const units = (await org.admin.get<{ items: OrgUnit[] }>('/org-units')).body.items;
    expect(units.filter((u) => [region, clinic].includes(u.id)).map((u) => [u.code, u.territory])).toEqual([['RBT', 'sale'], ['SALE1', null]]);
    const unknown = await org.admin.patch<ApiErrorBody>(`/org-units/${elsewhere}`, { territory: 'oujda' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toContainEqual(expect.objectContaining({ field: 'territory', code: 'unknown_reference', message: expect.stringContaining('oujda') }));
    expect((await org.admin.patch<OrgUnit>(`/org-units/${elsewhere}`, { territory: 'kenitra' })).body.territory).toBe('kenitra');
    expect((await org.admin.patch<OrgUnit>(`/org-units/${elsewhere}`, { territory: null })).body.territory).toBeNull();
    const created = await org.admin.post<OrgUnit>('/org-units', { code: 'KEN', name: 'Kénitra', level: 'clinic', parentId: org.rootUnitId, territory: 'kenitra' });
    expect([created.status, created.body.territory]).toEqual([201, 'kenitra']);
  });

  it('takes the territory from the nearest ancestor and lists its circuits, none chosen among two', async () => {
    const res = await circuitOf(social, childCase);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unitTerritory).toEqual({ code: 'sale', name: { fr: 'Salé', ar: 'سلا' } });
    expect(res.body.territory?.code).toBe('sale');
    expect(res.body.circuits.map((c) => c.caseType)).toEqual(['adult_survivor', 'child_sexual_violence']);
    expect(res.body.circuit).toBeNull();
  });

  it('checks each step against a child with a fresh incident: within 72 h and a child, the rest to judge', async () => {
    const res = await circuitOf(social, childCase, '?caseType=child_sexual_violence');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const steps = res.body.circuit!.revision.steps;
    expect(steps.map((s) => [s.title.fr, s.applies, s.conditionStatuses])).toEqual([
      ['Urgences', true, ['met']],
      ['Police', true, ['to_judge']],
      ['Protection de l’enfance', true, ['met']],
      ['Aide juridique', false, ['not_met']],
    ]);
    expect(steps[0]!.services.map((s) => [s.name, s.phones])).toEqual([['UPEC', ['+212 537 00 00 01']]]);
    expect(steps[0]!.bring).toEqual([{ fr: 'Carnet de santé', ar: null }]);
    expect(steps[1]!.services.map((s) => s.name)).toEqual(['Cellule de police']);
    // Reading it is reading the case: audited like the case page.
    const audit = await sql<{ action: string; details: Record<string, unknown> }>`select action, details from audit_event where entity_id = ${childCase} and action = 'case.read'`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.details.view)).toContain('circuit');
  });

  it('checks an adult whose incident (a date alone) is ten days old: past 72 h, an adult', async () => {
    const steps = (await circuitOf(social, adultCase, '?caseType=child_sexual_violence')).body.circuit!.revision.steps;
    expect(steps.map((s) => [s.applies, s.conditionStatuses])).toEqual([
      [false, ['not_met']],
      [true, ['to_judge']],
      [false, ['not_met']],
      [true, ['met']],
    ]);
  });

  it('shows another territory when asked, and a unit without one shows none', async () => {
    const none = await openCase(elsewhere, 1995, wallShift(-60));
    const res = await circuitOf(social, none);
    expect([res.body.unitTerritory, res.body.territory, res.body.circuits, res.body.circuit]).toEqual([null, null, [], null]);
    const asked = await circuitOf(social, none, '?territory=sale&caseType=adult_survivor');
    expect(asked.body.unitTerritory).toBeNull();
    expect(asked.body.circuit?.revision.steps.map((s) => [s.title.fr, s.applies])).toEqual([['Écoute', true]]);
    // Kénitra has no circuit: nothing to choose.
    expect((await circuitOf(social, childCase, '?territory=kenitra')).body).toMatchObject({ territory: { code: 'kenitra' }, circuits: [], circuit: null });
  });

  it('refuses an unknown territory or case type by name, and hides another organisation’s case', async () => {
    const territory = await social.get<ApiErrorBody>(`/cases/${childCase}/circuit?territory=oujda`);
    expect(territory.status).toBe(400);
    expect(territory.body.error.fields).toContainEqual(expect.objectContaining({ field: 'territory', code: 'unknown_reference', message: expect.stringContaining('oujda') }));
    const caseType = await social.get<ApiErrorBody>(`/cases/${childCase}/circuit?caseType=migrant_care`);
    expect(caseType.status).toBe(400);
    expect(caseType.body.error.fields).toContainEqual(expect.objectContaining({ field: 'caseType', code: 'unknown_reference' }));
    expect((await otherSocial.get(`/cases/${childCase}/circuit`)).status).toBe(404);
    expect((await otherSocial.get(`/cases/${childCase}`)).status).toBe(404);
  });
});
