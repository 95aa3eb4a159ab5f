import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, fieldIssuesOf, negotiateLocale, type ErrorCode, type Locale, type Permission } from '@relais/core';
import { holds, type Actor, type RequestContext } from '../context/index.ts';
import { forRequest } from '../db/priority.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  locale: Locale;
}

interface RouteBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Path under /api/v1, Fastify syntax (`/users/:id`). */
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON body of a success; absent when a success is only one of the `files`. */
  response?: R;
  /** Files a success may answer instead of JSON (exports): their media type; text unless `binary`. */
  files?: ReadonlyArray<{ type: string; binary?: boolean }>;
  /** Status of a success (200 unless said). */
  status?: number;
  /** Another success status the handler answers with the same body, and when (e.g. 200 for a create replayed with the same id). */
  otherStatus?: { status: number; description: string };
  /** Domain errors this route answers beyond those of its parsing, session and permission gate (documented in OpenAPI). */
  errors?: readonly ErrorCode[];
  /** A file upload: the body is the raw bytes, up to this many bytes (CSV or XLSX unless `types` says otherwise, with what it is). */
  rawBody?: { limit: number; types?: readonly string[]; description?: string };
  /** Long work (reports, exports, imports): its queries let field work's through first (`inBackground`). */
  background?: true;
  /** Also answered at the same path outside /api/v1, where a standard fixes it (the HSDS API: `/hsds/services`). */
  alsoAtRoot?: true;
  /**
   * A reader without the permission gets 404, not 403: the route names one person's record, and
   * even whether it exists is not for her (a receiving organisation's partner on the sender's person).
   */
  unseenWithoutPermission?: true;
  /** Open to a session restricted to setting up a second factor (ADR 0031): her account, the setup, logging out. */
  whileRestricted?: true;
}

/** A route open to anyone (health, setup, login). */
export interface PublicRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>
  extends RouteBase<P, Q, B, R> {
  auth: 'none';
  handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

/** A route for a logged-in user; `permission` must be held somewhere before any data access. */
export interface SessionRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>
  extends RouteBase<P, Q, B, R> {
  auth: 'session';
  permission?: Permission;
  handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>> & { ctx: RequestContext }) => Promise<z.input<R>>;
}

export type AnyRoute = RouteBase<z.ZodType, z.ZodType, z.ZodType, z.ZodType> & { auth: 'none' | 'session'; permission?: Permission };

/** Finds the actor of a request from its session cookie, or fails with unauthenticated / session_expired. */
export type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Promise<Actor>;

/** The answer of a route whose success has nothing to say (`Ok`), once its work is done. */
export async function ok(work: Promise<unknown>): Promise<{ ok: true }> {
  await work;
  return { ok: true };
}

const empty = z.object({});
const unsafe = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Registers contract-typed routes: each parses params, query and body with its
 * core schema, authenticates, checks CSRF and the permission gate, then calls
 * its handler. The list of routes feeds the OpenAPI document.
 */
export class Router {
  readonly routes: AnyRoute[] = [];
  constructor(
    private readonly app: FastifyInstance,
    private readonly authenticate: Authenticate,
  ) {}

  public<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty, R extends z.ZodType = z.ZodType>(
    spec: Omit<PublicRoute<P, Q, B, R>, 'auth'>,
  ): void {
    this.add({ ...spec, auth: 'none' } as PublicRoute<P, Q, B, R>);
  }

  session<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty, R extends z.ZodType = z.ZodType>(
    spec: Omit<SessionRoute<P, Q, B, R>, 'auth'>,
  ): void {
    this.add({ ...spec, auth: 'session' } as SessionRoute<P, Q, B, R>);
  }

  /**
   * A session route creating one thing, idempotent on a client-generated id: 201 with the record,
   * or 200 with the record as it stands when the id was already created (`created: false`).
   * The handler is usually the use case itself: it answers `created` and the record under the
   * name given by `record` (`{ created, unit }` with `record: 'unit'`; `record` by default).
   */
  create<P extends z.ZodType = typeof empty, Q extends z.ZodType = typeof empty, B extends z.ZodType = typeof empty, R extends z.ZodType = z.ZodType, K extends string = 'record'>(
    spec: Omit<SessionRoute<P, Q, B, R>, 'auth' | 'status' | 'otherStatus' | 'handler'> & {
      /** What a replay answers, when it is not "the record as it stands". */
      replayed?: string;
      /** The name of the created record in the handler's answer. */
      record?: K;
      handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>> & { ctx: RequestContext }) => Promise<{ created: boolean } & Record<NoInfer<K>, z.input<R>>>;
    },
  ): void {
    const { replayed, record: key = 'record', handler, ...rest } = spec;
    this.session<P, Q, B, R>({
      ...rest,
      status: 201,
      otherStatus: { status: 200, description: replayed ?? 'Replayed: the same id was already created; the record as it stands' },
      handler: async (input) => {
        const result = await handler(input);
        if (!result.created) input.reply.status(200);
        return (result as Record<string, z.input<R>>)[key]!;
      },
    });
  }

  private add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    spec: PublicRoute<P, Q, B, R> | SessionRoute<P, Q, B, R>,
  ): void {
    this.routes.push(spec as unknown as AnyRoute);
    const handle = async (request: FastifyRequest, reply: FastifyReply) => {
      const headerLocale = request.headers['accept-language'];
      let locale: Locale = negotiateLocale(headerLocale);
      let ctx: RequestContext | null = null;
      if (spec.auth === 'session') {
        const actor = await this.authenticate(request, reply);
        if (!headerLocale) locale = actor.locale;
        (request as FastifyRequest & { locale?: Locale }).locale = locale;
        if (unsafe.has(spec.method)) checkCsrf(request, actor);
        if (actor.session.restricted && !spec.whileRestricted) throw new DomainError('totp_setup_required');
        if (spec.permission && !holds(actor, spec.permission)) throw new DomainError(spec.unseenWithoutPermission ? 'not_found' : 'forbidden');
        ctx = { actor, requestId: request.id, ip: request.ip };
      }
      const params = parsePart(spec.params ?? empty, request.params, 'params');
      const query = parsePart(spec.query ?? empty, request.query, 'query');
      const body = spec.rawBody ? (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)) : parsePart(spec.body ?? empty, spec.body ? request.body : {}, 'body');
      const input = { params, query, body, request, reply, locale } as HandlerInput<z.output<P>, z.output<Q>, z.output<B>>;
      reply.status(spec.status ?? 200); // a handler may still say otherwise (e.g. 200 for a replayed create)
      return spec.auth === 'session' ? await spec.handler({ ...input, ctx: ctx! }) : await spec.handler(input);
    };
    for (const url of spec.alsoAtRoot ? [`/api/v1${spec.url}`, spec.url] : [`/api/v1${spec.url}`]) {
      this.app.route({
        method: spec.method,
        url,
        ...(spec.rawBody ? { bodyLimit: spec.rawBody.limit } : {}),
        handler: (request, reply) => forRequest(spec.background ? 'background' : 'field', () => request.raw.socket?.destroyed === true, () => handle(request, reply)),
      });
    }
  }
}

function parsePart<S extends z.ZodType>(schema: S, value: unknown, _where: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { fields: fieldIssuesOf(parsed.error.issues, value ?? {}) });
}

function checkCsrf(request: FastifyRequest, actor: Actor): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, actor.session.csrfToken)) throw new DomainError('csrf_invalid');
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
