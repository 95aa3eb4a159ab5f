import { z } from 'zod';
import { translate, type ErrorCode } from '@relais/core';
import { httpStatusOf } from './errors.ts';
import type { AnyRoute } from './router.ts';

/** Drops `readOnly` from a request schema: zod's `.readonly()` is a TypeScript immutability mark, not a field a client must leave out. */
function writable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(writable);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'readOnly') out[key] = writable(value);
  return out;
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return io === 'input' ? (writable(json) as Record<string, unknown>) : json;
}

/** `POST /users/:id/assignments` → `postUsersByIdAssignments`: stable, unique per method and path. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `By-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[-_.]/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** The JSON and file media types of a route's success. */
function successContent(route: AnyRoute): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (route.response) content['application/json'] = { schema: schemaOf(route.response, 'output') };
  for (const file of route.files ?? []) content[file.type] = { schema: file.binary ? { type: 'string', format: 'binary' } : { type: 'string' } };
  return content;
}

/** The error statuses a route answers, each with the domain codes behind it. */
function errorStatuses(route: AnyRoute): Map<number, ErrorCode[]> {
  const codes: ErrorCode[] = [];
  if (route.params || route.query || route.body || route.rawBody) codes.push('validation_failed');
  if (route.auth === 'session') codes.push('unauthenticated', 'session_expired', 'forbidden', ...(route.method === 'GET' ? [] : (['csrf_invalid'] as const)));
  if (route.params) codes.push('not_found');
  if (route.rawBody) codes.push('payload_too_large', 'unsupported_media_type');
  codes.push(...(route.errors ?? []));
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(httpStatusOf[code], [...(byStatus.get(httpStatusOf[code]) ?? []), code]);
  return byStatus;
}

/** The OpenAPI 3.1 document of the API, generated from the routes' core schemas. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
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
    const requestBody = route.rawBody?.types
      ? {
          required: true,
          description: `${route.rawBody.description ?? 'The file'}, up to ${route.rawBody.limit} bytes.`,
          content: Object.fromEntries(route.rawBody.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
        }
      : route.rawBody
      ? {
          required: true,
          description: `The file, up to ${route.rawBody.limit} bytes: CSV (UTF-8, header row) or XLSX.`,
          content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
        }
      : route.body
        ? { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } }
        : null;
    const responses: Record<string, unknown> = { [String(route.status ?? 200)]: { description: 'Success', content: successContent(route) } };
    if (route.otherStatus) responses[String(route.otherStatus.status)] = { description: route.otherStatus.description, content: successContent(route) };
    for (const [status, codes] of [...errorStatuses(route)].sort(([a], [b]) => a - b)) {
      responses[String(status)] = { description: codes.map((c) => `\`${c}\`: ${translate('en', `error.${c}`).replace(/\{\w+\}/g, '…')}`).join(' — '), content: errorContent };
    }
    responses.default = { description: 'Other error (the `code` says which; `message` translated)', content: errorContent };
    const operation: Record<string, unknown> = {
      operationId: operationIdOf(route.method, route.url),
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      // Cookie-authenticated writes also need the CSRF header: both schemes at once.
      security: route.auth === 'session' ? [route.method === 'GET' ? { session: [] } : { session: [], csrf: [] }] : [],
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
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      description:
        'JSON API of Relais. Session cookie `relais_session` from POST /auth/login; cookie-authenticated writes send the `X-CSRF-Token` header (csrfToken of POST /auth/login or GET /auth/me). Errors carry a stable `code` and a `message` in the language of Accept-Language (fr, ar, en).',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'relais_session', description: 'Session cookie set by POST /auth/login (and POST /setup).' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The session’s `csrfToken` (from POST /auth/login or GET /auth/me), required on every write with the session cookie.' },
      },
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
                    required: ['field', 'code', 'message'],
                    properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, params: { type: 'object' } },
                  },
                },
                params: { type: 'object' },
                conflict: { type: 'object', description: 'edit_conflict only: the record’s version and each field changed on both sides (ADR 0036)' },
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
