import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness.ts';

describe('OpenAPI document', () => {
  it('describes every API route with its schemas, generated from the core contracts', async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>> };
      expect(doc.openapi).toBe('3.1.0');
      const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
      expect(operations).toEqual(
        expect.arrayContaining([
          'POST /api/v1/auth/login',
          'GET /api/v1/users/{id}',
          'DELETE /api/v1/users/{id}/assignments/{assignmentId}',
          'PATCH /api/v1/org-units/{id}',
          'GET /api/v1/audit',
          'GET /api/v1/health',
          'POST /api/v1/indicators',
          'PUT /api/v1/indicators/{code}',
          'DELETE /api/v1/indicators/{code}',
        ]),
      );
      expect(operations).toHaveLength(58);
      expect(doc.paths['/api/v1/users']!.post!.requestBody!.content['application/json']!.schema.required).toEqual(
        expect.arrayContaining(['username', 'displayName', 'password', 'assignments']),
      );
    } finally {
      await t.close();
    }
  });
});
