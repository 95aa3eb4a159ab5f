import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinedService, ServiceRecord } from '@relais/core';
import { createAppWithSection, createOrg, createUserClient, engine, type Client, type TestApp, type TestOrg } from '../../../test/harness.ts';
import { createIndicator, recordContact, registerBeneficiary, today, uploadImport } from '../../../test/factories.ts';

type Failure = { error: { code: string; message: string; fields?: { field: string; code: string; message: string }[] } };
const labels = (fr: string, ar: string, en: string) => ({ fr, ar, en });
const douche = {
  code: 'douche',
  labels: labels('Douche', 'استحمام', 'Shower'),
  pictogram: 'shower',
  fields: [
    { key: 'kits', type: 'quantity', labels: labels('Kits d’hygiène', 'أطقم النظافة', 'Hygiene kits'), required: true, direction: 'out', unit: labels('kit', 'طقم', 'kit') },
    { key: 'temperature', type: 'number', labels: labels('Température', 'درجة الحرارة', 'Temperature'), min: 20, max: 45 },
    { key: 'lieu', type: 'choice', labels: labels('Lieu', 'المكان', 'Place'), options: [{ code: 'local', labels: labels('Local', 'المقر', 'Premises') }, { code: 'mobile', labels: labels('Unité mobile', 'وحدة متنقلة', 'Mobile unit') }] },
    { key: 'premiere', type: 'yes_no', labels: labels('Première fois', 'أول مرة', 'First time') },
  ],
};

describe(`services an organisation defines itself (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let section: string;
  let ep: Client;
  let person: string;
  let personCode: string;

  beforeAll(async () => {
    ({ t, org, section } = await createAppWithSection('DEF', 'SEC-D'));
    ep = (await createUserClient(t, org.admin, 'DEF', 'ep.d', 'peer_educator', section)).client;
    const p = await registerBeneficiary(ep, { orgUnitId: section });
    person = p.id;
    personCode = p.code;
  });
  afterAll(() => t.close());

  it('lets an administrator define a service; a peer educator may not; codes of built-in services are refused', async () => {
    const created = await org.admin.post<DefinedService>('/programs/prev_ps/services', douche);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'douche', program: 'prev_ps', version: 1, retired: false, pictogram: 'shower' });
    expect((await ep.post('/programs/prev_ps/services', { ...douche, code: 'autre' })).status).toBe(403);
    const builtIn = await org.admin.post<Failure>('/programs/prev_ps/services', { ...douche, code: 'condoms' });
    expect(builtIn.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['code:taken']);
    const twice = await org.admin.post<Failure>('/programs/prev_ps/services', douche);
    expect(twice.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['code:taken']);
    const badFields = await org.admin.post<Failure>('/programs/prev_ps/services', {
      ...douche,
      code: 'repas',
      fields: [douche.fields[0], { ...douche.fields[0], key: 'kits' }, { key: 'choix', type: 'choice', labels: labels('a', 'b', 'c') }],
    });
    expect(badFields.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['fields.1.key:taken', 'fields.1.type:invalid_choice', 'fields.2.options:required']);
    const listed = await ep.get<{ items: DefinedService[] }>('/programs/prev_ps/services');
    expect(listed.body.items.map((d) => d.code)).toEqual(['douche']);
    const catalogue = await ep.get<{ definedServices: DefinedService[] }>('/catalogue');
    expect(catalogue.body.definedServices.map((d) => d.code)).toEqual(['douche']);
  });

  it('records a defined service online with its fields; its quantity is the one reports sum', async () => {
    const saved = await recordContact(ep, { beneficiaryId: person, orgUnitId: section, program: 'prev_ps', services: [{ service: 'douche', fields: { kits: 2, temperature: 37, lieu: 'local', premiere: true } }] });
    expect(saved.services[0]).toMatchObject({ service: 'douche', quantity: 2, fields: { kits: 2, temperature: 37, lieu: 'local', premiere: true }, definitionVersion: 1 });
  });

  it('refuses bad values with the field named as the organisation named it, in the user’s language', async () => {
    const post = (fields: Record<string, unknown>, program = 'prev_ps') =>
      ep.post<Failure>('/contacts', { beneficiaryId: person, date: today(), orgUnitId: section, program, services: [{ service: 'douche', fields }] });
    const bad = await post({ kits: 2, temperature: 80, lieu: 'plage', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map(({ field, code, message }) => ({ field, code, message }))).toEqual([
      { field: 'services.0.fields.extra', code: 'unknown_field', message: expect.any(String) },
      { field: 'services.0.fields.temperature', code: 'too_big', message: 'Température : au plus 45.' },
      { field: 'services.0.fields.lieu', code: 'invalid_choice', message: 'Lieu : valeur non autorisée.' },
    ]);
    expect((await post({ temperature: 30 })).body.error.fields?.map((f) => f.message)).toEqual(['Kits d’hygiène : champ obligatoire.']);
    ep.locale = 'ar';
    try {
      expect((await post({ kits: 2, temperature: 10 })).body.error.fields?.[0]?.message).toContain('درجة الحرارة');
    } finally {
      ep.locale = 'fr';
    }
    // Another program does not offer it; a built-in detail does not apply to it.
    expect((await post({ kits: 1 }, 'mediation')).body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['services.0.service:invalid_choice']);
    const withQuantity = await ep.post<Failure>('/contacts', { beneficiaryId: person, date: today(), orgUnitId: section, program: 'prev_ps', services: [{ service: 'douche', quantity: 3, fields: { kits: 3 } }] });
    expect(withQuantity.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['services.0.quantity:not_applicable']);
  });

  it('records it by sync and by import, checked the same way', async () => {
    const id = (n: number) => `6b6b0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const push = await ep.post<{ results: { status: string; error?: Failure['error'] }[] }>('/sync/push', {
      operations: [
        { id: id(1), kind: 'record_contact', payload: { beneficiaryId: person, date: today(), orgUnitId: section, program: 'prev_ps', services: [{ id: id(11), service: 'douche', fields: { kits: 1 } }] } },
        { id: id(2), kind: 'record_contact', payload: { beneficiaryId: person, date: today(), orgUnitId: section, program: 'prev_ps', services: [{ id: id(12), service: 'douche', fields: { kits: 0 } }] } },
      ],
    });
    expect(push.body.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(push.body.results[1]!.error!.fields?.map(({ field, code, message }) => ({ field, code, message }))).toEqual([{ field: 'services.0.fields.kits', code: 'too_small', message: 'Kits d’hygiène : au moins 1.' }]);
    const csv = `code,date,section,program,service,quantity,temperature,lieu,premiere\n${personCode},${today()},SEC-D,prev_ps,douche,3,30,mobile,non\n${personCode},${today()},SEC-D,prev_ps,douche,,99,plage,peut-être\n`;
    const refused = await uploadImport(org.admin, 'services', csv);
    expect(refused.body.applied).toBe(false);
    expect(refused.body.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'kits', 'required'],
      [3, 'temperature', 'too_big'],
      [3, 'lieu', 'invalid_choice'],
      [3, 'premiere', 'invalid_type'],
    ]);
    expect(refused.body.errors.find((e) => e.column === 'temperature')?.message).toBe('Ligne 3, colonne « temperature » : Température : au plus 45.'); // named as the organisation named it
    const good = await uploadImport(org.admin, 'services', csv.split('\n').slice(0, 2).join('\n'));
    expect(good.body).toMatchObject({ created: 1, applied: true });
    const list = await org.admin.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person}&limit=50`);
    expect(list.body.items.filter((s) => s.service === 'douche').map((s) => s.quantity).sort()).toEqual([1, 2, 3]);
    expect(list.body.items.find((s) => s.quantity === 3)?.fields).toEqual({ kits: 3, temperature: 30, lieu: 'mobile', premiere: false });
  });

  it('is counted by an indicator built on it; a change of its definition leaves past records as they were', async () => {
    await createIndicator(org.admin, { code: 'douches', measure: { kind: 'count_services', filter: { services: ['douche'] } } });
    await createIndicator(org.admin, { code: 'kits_douche', measure: { kind: 'sum_quantity', filter: { services: ['douche'] } } });
    const unknown = await org.admin.post<Failure>('/indicators', { code: 'inconnu', labels: labels('a', 'b', 'c'), measure: { kind: 'count_services', filter: { services: ['baignade'] } } });
    expect(unknown.body.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['measure.filter.services.0:invalid_choice']);
    const year = today().slice(0, 4);
    const report = async () =>
      (await org.admin.post<{ rows: { indicator: string; value: number | null }[] }>('/reports/query', { program: 'prev_ps', period: year, indicators: ['douches', 'kits_douche'] })).body.rows;
    expect(await report()).toEqual([expect.objectContaining({ indicator: 'douches', value: 3 }), expect.objectContaining({ indicator: 'kits_douche', value: 6 })]);
    // The DHIS2 export of the indicators built on it, through the mapping (one recorded online, one by sync, one by import).
    const mapping = {
      dataSet: 'DSdefined01',
      orgUnits: { 'SEC-D': 'OUsecD00001' },
      dataElements: [
        { indicator: 'douches', program: 'prev_ps', dataElement: 'DEdouche001', disaggregation: {} },
        { indicator: 'kits_douche', program: 'prev_ps', dataElement: 'DEkitsDch01', disaggregation: {} },
      ],
    };
    expect((await org.admin.put('/dhis2/mapping', mapping)).status).toBe(200);
    const dhis2 = async () =>
      Object.fromEntries((await org.admin.post<{ dataValues: { dataElement: string; orgUnit: string; value: string }[] }>('/reports/dhis2', { program: 'prev_ps', period: year })).body.dataValues.map((v) => [`${v.dataElement}/${v.orgUnit}`, v.value]));
    expect(await dhis2()).toEqual({ 'DEdouche001/OUsecD00001': '3', 'DEkitsDch01/OUsecD00001': '6' });

    const { code: _code, ...rest } = douche;
    const changed = await org.admin.put<DefinedService>('/programs/prev_ps/services/douche', {
      ...rest,
      labels: labels('Douche chaude', 'حمام ساخن', 'Hot shower'),
      fields: [{ ...douche.fields[1], key: 'temperature', min: 30, max: 40, required: true }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, labels: { fr: 'Douche chaude' } });
    const list = await org.admin.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person}&limit=50`);
    const past = list.body.items.filter((s) => s.service === 'douche');
    expect(past.map((s) => s.definitionVersion)).toEqual([1, 1, 1]);
    expect(past.find((s) => s.quantity === 2)?.fields).toEqual({ kits: 2, temperature: 37, lieu: 'local', premiere: true });
    expect(await report()).toEqual([expect.objectContaining({ indicator: 'douches', value: 3 }), expect.objectContaining({ indicator: 'kits_douche', value: 6 })]);
    expect(await dhis2()).toEqual({ 'DEdouche001/OUsecD00001': '3', 'DEkitsDch01/OUsecD00001': '6' });
    // New records follow the new version.
    const now = await recordContact(ep, { beneficiaryId: person, orgUnitId: section, program: 'prev_ps', services: [{ service: 'douche', fields: { temperature: 35 } }] });
    expect(now.services[0]).toMatchObject({ definitionVersion: 2, quantity: null, fields: { temperature: 35 } });

    const retired = await org.admin.put<DefinedService>('/programs/prev_ps/services/douche', { ...rest, labels: changed.body.labels, fields: changed.body.fields, retired: true });
    expect(retired.body).toMatchObject({ version: 3, retired: true });
    expect((await org.admin.put('/programs/prev_ps/services/baignade', { ...rest, retired: true })).status).toBe(404);
  });

  it('corrects a defined service by its fields, checked against its definition in force', async () => {
    const list = await org.admin.get<{ items: ServiceRecord[] }>(`/services?beneficiaryId=${person}&limit=50`);
    const old = list.body.items.find((s) => s.service === 'douche' && s.quantity === 2)!;
    const bad = await ep.patch<Failure>(`/services/${old.id}`, { fields: { temperature: 50 } });
    expect(bad.body.error.fields?.map((f) => f.message)).toEqual(['Température : au plus 40.']);
    const fixed = await ep.patch<ServiceRecord>(`/services/${old.id}`, { fields: { temperature: 35 } });
    expect(fixed.body).toMatchObject({ fields: { temperature: 35 }, definitionVersion: 3, quantity: null });
    const noteOnly = await ep.patch<ServiceRecord>(`/services/${old.id}`, { note: 'eau chaude' });
    expect(noteOnly.body).toMatchObject({ fields: { temperature: 35 }, definitionVersion: 3 });
  });
  it('takes a defined quantity’s stock item from the unit’s stock, and gives it back when the service is deleted', async () => {
    const kit = { ...douche, code: 'kit_hygiene', fields: [{ ...douche.fields[0], key: 'kits', stockItem: 'injection_kits' }] };
    expect((await org.admin.post('/programs/prev_ps/services', kit)).status).toBe(201);
    const onHand = async () => (await org.admin.get<{ rows: Array<{ orgUnitId: string; item: string; onHand: number }> }>('/stock/on-hand')).body.rows.find((r) => r.orgUnitId === section && r.item === 'injection_kits')?.onHand ?? 0;
    const before = await onHand();
    const saved = await recordContact(ep, { beneficiaryId: person, orgUnitId: section, program: 'prev_ps', services: [{ service: 'kit_hygiene', fields: { kits: 3 } }] });
    expect(await onHand()).toBe(before - 3);
    expect((await ep.delete(`/services/${saved.services[0]!.id}`)).status).toBe(200);
    expect(await onHand()).toBe(before);
  });

  it('counts a quantity collected from the person (`in`) as its records say, and leaves the stock as it was', async () => {
    const collecte = {
      code: 'seringues_collectees',
      labels: labels('Seringues collectées', 'حقن مجموعة', 'Syringes collected'),
      pictogram: 'drop',
      fields: [{ key: 'seringues', type: 'quantity', labels: labels('Seringues usagées', 'حقن مستعملة', 'Used syringes'), required: true, direction: 'in', unit: labels('seringue', 'حقنة', 'syringe') }],
    };
    expect((await org.admin.post('/programs/prev_ps/services', collecte)).status).toBe(201);
    const ledger = async () => (await org.admin.get<{ rows: Array<{ orgUnitId: string; item: string; onHand: number }> }>('/stock/on-hand')).body.rows.filter((r) => r.orgUnitId === section);
    const before = await ledger();
    const saved = await recordContact(ep, { beneficiaryId: person, orgUnitId: section, program: 'prev_ps', services: [{ service: 'seringues_collectees', fields: { seringues: 12 } }] });
    expect(saved.services[0]).toMatchObject({ quantity: 12, fields: { seringues: 12 } });
    await recordContact(ep, { beneficiaryId: person, orgUnitId: section, program: 'prev_ps', services: [{ service: 'seringues_collectees', fields: { seringues: 3 } }] });
    await createIndicator(org.admin, { code: 'seringues_collectees', measure: { kind: 'sum_quantity', filter: { services: ['seringues_collectees'] } } });
    const report = await org.admin.post<{ rows: { indicator: string; value: number | null }[] }>('/reports/query', { program: 'prev_ps', period: today().slice(0, 4), indicators: ['seringues_collectees'] });
    expect(report.body.rows).toEqual([expect.objectContaining({ indicator: 'seringues_collectees', value: 15 })]);
    expect(await ledger()).toEqual(before);
  });

  it('checks the stock item of a definition when it is saved: of the organisation, counted in the field’s unit, never on a collected quantity', async () => {
    const { code: _code, ...rest } = douche;
    const field = { ...douche.fields[0], key: 'kits' };
    const messages = async (fields: unknown[], locale: 'fr' | 'ar' = 'fr') => {
      org.admin.locale = locale;
      try {
        const res = await org.admin.post<Failure>('/programs/prev_ps/services', { ...rest, code: 'kit_verifie', fields });
        expect(res.status).toBe(400);
        return res.body.error.fields?.map((f) => `${f.field}: ${f.message}`);
      } finally {
        org.admin.locale = 'fr';
      }
    };
    expect(await messages([{ ...field, stockItem: 'gants' }])).toEqual(['fields.0.stockItem: Article de stock — Kits d’hygiène : « gants » est inconnu.']);
    expect(await messages([{ ...field, stockItem: 'condoms' }])).toEqual([
      'fields.0.unit: Unité — Kits d’hygiène : l’article de stock « condoms » se compte en pièce ; donnez cette unité au champ, ou un autre article.',
    ]);
    expect((await messages([{ ...field, stockItem: 'condoms' }], 'ar'))?.[0]).toContain('أطقم النظافة');
    // Another organisation's own item is not this one's.
    const other = await createOrg(t, 'AUTRE');
    expect((await other.admin.put('/stock/items/gants', { labels: labels('Gants', 'قفازات', 'Gloves'), unit: 'box', lowThreshold: null })).status).toBe(200);
    expect(await messages([{ ...field, stockItem: 'gants' }])).toEqual(['fields.0.stockItem: Article de stock — Kits d’hygiène : « gants » est inconnu.']);
    // Collected from the person: used material, never back to stock.
    expect(await messages([{ ...field, direction: 'in', stockItem: 'syringes', unit: labels('seringue', 'حقنة', 'syringe') }])).toEqual([
      'fields.0.stockItem: Article de stock — Kits d’hygiène : une quantité collectée auprès de la personne (seringues usagées…) ne revient pas au stock ; laissez l’article vide.',
    ]);
    // The same unit in another language, or a plural, is the item's unit; the new version is checked too.
    const ok = await org.admin.post<DefinedService>('/programs/prev_ps/services', { ...rest, code: 'kit_verifie', fields: [{ ...field, stockItem: 'condoms', unit: labels('Pièces', 'قطعة', 'pieces') }] });
    expect(ok.status).toBe(201);
    const again = await org.admin.put<Failure>('/programs/prev_ps/services/kit_verifie', { ...rest, fields: [{ ...field, stockItem: 'naloxone', unit: labels('flacon', 'قارورة', 'bottle') }] });
    expect(again.body.error.fields?.map((f) => f.field)).toEqual(['fields.0.unit']);
  });
});
