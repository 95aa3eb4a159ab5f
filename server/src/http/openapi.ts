import { z } from 'zod';
import type { AnyRoute } from './router.ts';

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** The OpenAPI 3.1 document of the API, generated from the routes' core schemas. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const route of routes) {
    const path = `/api/v1${route.url}`.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
      }
    }
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
      responses: {
        [status]: { description: 'Success', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } },
        default: { description: 'Error (code translated in `message`)', content: { 'application/json': { schema: errorRef } } },
      },
      ...(route.auth === 'session' ? { security: [{ session: [] }] } : {}),
      ...(route.permission ? { 'x-permission': route.permission } : {}),
    };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relais API',
      version,
      description:
        'JSON API of Relais. Session cookie `relais_session` from POST /auth/login; cookie-authenticated writes send the `X-CSRF-Token` header (csrfToken of GET /auth/me). Errors carry a stable `code` and a `message` in the language of Accept-Language (fr, ar, en).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'relais_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, params: { type: 'object' } },
                  },
                },
                params: { type: 'object' },
                requestId: { type: 'string' },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
