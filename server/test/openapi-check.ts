import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * One compiler and its validators for the whole worker: every test app serves the same document, and
 * compiling a response schema costs far more than checking a body (a worker runs many files, each
 * with its apps: `isolate: false`). Keyed by the schema itself, inlined, so a changed document compiles anew.
 */
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
function validatorOf(schema: unknown): ValidateFunction {
  const text = JSON.stringify(schema);
  let validate = compiled.get(text);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(text, validate);
  }
  return validate;
}

/** Puts the document's shared schemas (`#/components/schemas/…`) in place, so each response schema stands alone. */
function inline(node: unknown, doc: Doc): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, doc));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return inline(doc.components.schemas[ref.slice('#/components/schemas/'.length)], doc);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, doc)]));
}

/**
 * Checks every response of the app against the OpenAPI document it serves: the status is
 * declared by the operation (a success explicitly), the media type is one it declares, and
 * a JSON body matches the declared schema. Requests to undocumented paths (unknown
 * routes, static files, the document itself) are not checked.
 */
export class OpenApiCheck {
  readonly violations: string[] = [];
  private doc: Doc | null = null;
  private readonly routes: Array<{ method: string; pattern: RegExp; operation: Operation; params: number }> = [];
  private readonly validators = new Map<string, ValidateFunction>();

  /** Hooks the check on the app's responses; call before `ready()`, then `load()` after it. */
  attach(app: FastifyInstance): void {
    app.addHook('onSend', async (request, reply, payload) => {
      // A compressed body (the client asked for it) is checked for its status and media type only.
      const body = reply.getHeader('content-encoding') ? undefined : payload;
      this.check(request.method, request.url, reply.statusCode, String(reply.getHeader('content-type') ?? ''), body);
      return payload;
    });
  }

  async load(app: FastifyInstance): Promise<void> {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    this.doc = JSON.parse(res.body) as Doc;
    for (const [path, operations] of Object.entries(this.doc.paths)) {
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(operations)) this.routes.push({ method: method.toUpperCase(), pattern, operation, params: path.split('{').length - 1 });
    }
    // A static path wins over a parameter, as in the router: `/referrals/settings` is not `/referrals/{id}`.
    this.routes.sort((a, b) => a.params - b.params);
  }

  /** Checks one response (the hook calls it; tests may too). */
  check(method: string, url: string, status: number, contentType: string, payload: unknown): void {
    if (!this.doc) return;
    const path = url.split('?')[0]!;
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return;
    const where = `${method} ${path} → ${status}`;
    const declared = route.operation.responses[String(status)] ?? (status >= 400 ? route.operation.responses.default : undefined);
    if (!declared) return void this.violations.push(`${where}: status not declared`);
    const type = contentType.split(';')[0]!.trim();
    const media = declared.content?.[type];
    if (!media) return void this.violations.push(`${where}: media type "${type}" not declared (${Object.keys(declared.content ?? {}).join(', ')})`);
    if (type !== 'application/json' || media.schema === undefined) return;
    const key = `${method} ${route.pattern.source} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = validatorOf(inline(media.schema, this.doc));
      this.validators.set(key, validate);
    }
    if (payload === undefined) return;
    const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : typeof payload === 'string' ? payload : null;
    if (text === null) return void this.violations.push(`${where}: JSON body not readable`);
    if (!validate(JSON.parse(text))) {
      this.violations.push(`${where}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
    }
  }
}
