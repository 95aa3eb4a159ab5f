import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { operationIdOf } from './openapi.ts';

type Operation = {
  operationId: string;
  security: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
};

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes every API route with its schemas, generated from the core contracts, and passes a standard validator', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; info: { license?: unknown }; components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/auth/lockouts',
        'GET /api/v1/users/{id}',
        'DELETE /api/v1/users/{id}/assignments/{assignmentId}',
        'PATCH /api/v1/org-units/{id}',
        'GET /api/v1/audit',
        'GET /api/v1/health',
        'GET /api/v1/setup/checklist',
        'POST /api/v1/indicators',
        'PUT /api/v1/indicators/{code}',
        'DELETE /api/v1/indicators/{code}',
        'POST /api/v1/cases',
        'GET /api/v1/cases/{id}',
        'PATCH /api/v1/cases/{id}/actions/{actionId}',
        'GET /api/v1/stories/selected',
        'PUT /api/v1/change-rounds/{id}/selection',
        'GET /api/v1/reports/semester',
        'GET /api/v1/reports/semester.xlsx',
        'GET /api/v1/directory/services',
        'GET /api/v1/directory/map',
        'POST /api/v1/directory/{resource}/{id}/verify',
        'POST /api/v1/directory/contacts/{id}/replace',
        'GET /api/v1/hsds/services/{id}',
        'POST /api/v1/directory/hsds/import',
        'POST /api/v1/circuits/{id}/revisions',
        'GET /api/v1/cases/{id}/circuit',
      ]),
    );
    expect(operations).toHaveLength(183);
    const op = (path: string, method: string) => doc.paths[`/api/v1${path}`]![method]!;
    expect(op('/users', 'post').requestBody!.content['application/json']!.schema.required).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'assignments']));

    // `redocly lint` (recommended rules): no error. The only warnings left are the two
    // public reads that cannot answer a 4XX (no input, no session).
    const problems = await lintFromString({ source: res.body, absoluteRef: '/openapi.json', config: await createConfig({ extends: ['recommended'] }) });
    const shown = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(shown.filter((p) => p.startsWith('error'))).toEqual([]);
    expect(shown).toEqual([
      'warn operation-4xx-response #/paths/~1api~1v1~1health/get/responses: Operation must have at least one `4XX` response.',
      'warn operation-4xx-response #/paths/~1api~1v1~1setup/get/responses: Operation must have at least one `4XX` response.',
    ]);

    // What a generated client needs: public operations open, writes with the CSRF header, ids, statuses, media types.
    expect(op('/health', 'get').security).toEqual([]);
    expect(op('/auth/login', 'post').security).toEqual([]);
    expect(op('/users', 'get').security).toEqual([{ session: [] }]);
    expect(op('/users', 'post').security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(doc.info.license).toMatchObject({ identifier: 'AGPL-3.0-only' });
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(183);
    expect(operationIdOf('DELETE', '/users/:id/assignments/:assignmentId')).toBe('deleteUsersByIdAssignmentsByAssignmentId');
    expect(Object.keys(op('/indicators', 'post').responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', 'default']));
    expect(Object.keys(op('/beneficiaries', 'post').responses)).toEqual(expect.arrayContaining(['201', '200']));
    expect(Object.keys(op('/reports/export', 'post').responses['200']!.content!)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']);
    expect(Object.keys(op('/reports/semester.xlsx', 'get').responses['200']!.content!)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const dhis2 = op('/reports/dhis2', 'post').responses['200']!.content!;
    expect(Object.keys(dhis2)).toEqual(['application/json', 'application/adx+xml']);
    expect(dhis2['application/json']!.schema!.required).toEqual(expect.arrayContaining(['idScheme', 'period', 'dataValues']));
    expect(Object.keys(op('/imports', 'post').requestBody!.content)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    // zod's `.readonly()` (a TypeScript mark) must not tell clients to drop request fields.
    const requests = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => JSON.stringify(o.requestBody ?? {})));
    expect(requests.filter((r) => r.includes('"readOnly"'))).toEqual([]);
  }, 180_000);

  it('checks the responses of the API tests against the document: an undeclared status, media type or a body off its schema fails the file', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { organisation: 'NONE', username: 'x', password: 'y' } });
    expect(t.openApi.violations).toEqual([]);
    t.openApi.check('GET', '/api/v1/health', 200, 'application/json; charset=utf-8', JSON.stringify({ status: 'ok' }));
    t.openApi.check('GET', '/api/v1/health', 201, 'application/json', '{}');
    t.openApi.check('POST', '/api/v1/reports/export', 200, 'application/pdf', '');
    expect(t.openApi.violations).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/health → 200: .*must have required property 'version'/),
      'GET /api/v1/health → 201: status not declared',
      expect.stringMatching(/^POST \/api\/v1\/reports\/export → 200: media type "application\/pdf" not declared/),
    ]);
    t.openApi.violations.length = 0;
  });
});
