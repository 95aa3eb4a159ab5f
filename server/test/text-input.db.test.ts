import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, ImportReport } from '@relais/core';
import { Client, createAppWithSection, createUserClient, engine, tableCounts, type TestApp, type TestOrg } from './harness.ts';

const NUL = 'a\u0000b';
const LONE = 'a\uD800b';

type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  /** The request with `bad` put in the field named. */
  body?: (bad: string) => unknown;
  field: string;
};

// NUL and lone surrogates once reached PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"): a 500.
// Every text the API takes is the core's one text type: a 400 naming the field, nothing written.
describe(`NUL and lone surrogates in text fields (${engine})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let section: string;
  let userId: string;
  let personId: string;
  let serviceId: string;

  beforeAll(async () => {
    ({ t, org, section } = await createAppWithSection('TXT'));
    userId = (await createUserClient(t, org.admin, 'TXT', 'someone', 'peer_educator', section)).id;
    const person = await org.admin.post<{ id: string }>('/beneficiaries', { code: 'FAMO1985F', orgUnitId: section, registeredOn: '2024-03-01', populations: ['PS'], sex: 'F' });
    personId = person.body.id;
    const contact = await org.admin.post<{ services: Array<{ id: string }> }>('/contacts', {
      beneficiaryId: personId,
      date: '2024-03-02',
      orgUnitId: section,
      program: 'prev_ps',
      services: [{ service: 'condoms', quantity: 10 }],
    });
    serviceId = contact.body.services[0]!.id;
  });
  afterAll(() => t.close());

  const cases = (): Case[] => [
    { method: 'POST', url: '/setup', field: 'organisation.name', body: (bad) => ({ organisation: { code: 'NEW', name: bad }, admin: { username: 'admin', displayName: 'A', password: 'long enough pass' } }) },
    { method: 'POST', url: '/org-units', field: 'name', body: (bad) => ({ code: 'NEWU', name: bad, level: 'site', parentId: section }) },
    { method: 'PATCH', url: `/org-units/${section}`, field: 'name', body: (bad) => ({ name: bad }) },
    { method: 'POST', url: '/users', field: 'displayName', body: (bad) => ({ username: 'newbie', displayName: bad, password: 'long enough pass', assignments: [{ role: 'viewer', orgUnitId: section }] }) },
    { method: 'PATCH', url: `/users/${userId}`, field: 'displayName', body: (bad) => ({ displayName: bad }) },
    { method: 'POST', url: '/auth/password', field: 'newPassword', body: (bad) => ({ currentPassword: 'correct horse battery', newPassword: `long enough ${bad}` }) },
    { method: 'POST', url: '/beneficiaries', field: 'notes', body: (bad) => ({ code: 'ZIKA1990F', orgUnitId: section, registeredOn: '2024-03-01', populations: ['PS'], sex: 'F', notes: bad }) },
    { method: 'PATCH', url: `/beneficiaries/${personId}`, field: 'notes', body: (bad) => ({ notes: bad }) },
    { method: 'POST', url: '/beneficiaries/claim', field: 'code', body: (bad) => ({ code: bad, orgUnitId: section }) },
    { method: 'POST', url: '/contacts', field: 'services.0.note', body: (bad) => ({ beneficiaryId: personId, date: '2024-03-03', orgUnitId: section, program: 'prev_ps', services: [{ service: 'condoms', quantity: 1, note: bad }] }) },
    { method: 'PATCH', url: `/services/${serviceId}`, field: 'note', body: (bad) => ({ note: bad }) },
    { method: 'POST', url: '/group-sessions', field: 'theme', body: (bad) => ({ date: '2024-03-03', orgUnitId: section, program: 'prev_ps', type: 'thematic', theme: bad }) },
    { method: 'POST', url: '/saved-lists', field: 'name', body: (bad) => ({ name: bad, filters: {} }) },
    { method: 'POST', url: '/indicators', field: 'labels.fr', body: (bad) => ({ code: 'own_txt', labels: { fr: bad, ar: 'س', en: 'x' }, measure: { kind: 'count_services', filter: {} } }) },
    { method: 'PUT', url: '/dhis2/mapping', field: 'dataElements.0.indicator', body: (bad) => ({ orgUnits: {}, dataElements: [{ indicator: bad, program: 'prev_ps', dataElement: 'ImspTQPwCqd' }] }) },
    { method: 'PUT', url: '/targets', field: 'indicator', body: (bad) => ({ indicator: bad, program: 'prev_ps', orgUnitId: section, period: '2024', value: 10 }) },
    { method: 'POST', url: '/reports/query', field: 'indicators.0', body: (bad) => ({ program: 'prev_ps', period: '2024', indicators: [bad] }) },
  ];

  it('refuses each in every text-accepting body: 400 naming the field, in words, nothing written', async () => {
    for (const c of cases()) {
      for (const bad of [NUL, LONE]) {
        const before = await tableCounts(t.db);
        const client = c.url === '/setup' ? new Client(t.app) : org.admin;
        const res = await client.request<ApiErrorBody>(c.method, c.url, c.body!(bad));
        const what = `${c.method} ${c.url} ${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`;
        expect(res.status, what).toBe(400);
        expect(res.body.error.fields, what).toEqual([expect.objectContaining({ field: c.field, code: 'invalid_characters' })]);
        expect(res.body.error.fields![0]!.message, what).toMatch(/caractère non autorisé/);
        expect(await tableCounts(t.db), what).toEqual(before);
      }
    }
  });

  it('refuses NUL in every text-accepting query string', async () => {
    const queries = [
      ['/users?q=a%00b', 'q'],
      ['/audit?action=a%00b', 'action'],
      ['/audit?entityId=a%00b', 'entityId'],
      ['/beneficiaries?code=FA%00', 'code'],
      ['/beneficiaries/check?code=FA%00MO1985F', 'code'],
    ] as const;
    for (const [url, field] of queries) {
      const res = await org.admin.get<ApiErrorBody>(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.fields, url).toEqual([expect.objectContaining({ field, code: 'invalid_characters' })]);
    }
  });

  it('rejects, per operation, an offline operation carrying NUL (the others applied)', async () => {
    const res = await org.admin.post<{ results: Array<{ status: string; error?: { fields?: Array<{ field: string; code: string }> } }> }>('/sync/push', {
      operations: [
        { id: '6c1f8a2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', kind: 'update_beneficiary', payload: { id: personId, changes: { notes: NUL } } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results[0]!.status).toBe('rejected');
    expect(res.body.results[0]!.error!.fields![0]!.code).toBe('invalid_characters');
  });

  it('refuses, per row, an import cell holding NUL: the line and the column, nothing written', async () => {
    const csv = `code,name,parent_code,level\nSITEA,Site A,SEC,site\nSITEB,Site${'\u0000'}B,SEC,site\n`;
    const before = await tableCounts(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=org-units',
      headers: { cookie: org.admin.cookie!, 'x-csrf-token': org.admin.csrf!, 'content-type': 'text/csv', 'accept-language': 'fr' },
      payload: csv,
    });
    expect(res.statusCode).toBeLessThan(500);
    const report = JSON.parse(res.body) as ImportReport;
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, column: 'name', code: 'invalid_characters' })]);
    expect(report.errors[0]!.message).toMatch(/caractère non autorisé/);
    expect(await tableCounts(t.db)).toEqual(before);
  });
});
