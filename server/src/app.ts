import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { DomainError, directionOf, formatIssue, negotiateLocale, translate, type Locale } from '@relais/core';
import type { Config } from './config.ts';
import { isIdConflict, type Db } from './db/index.ts';
import { errorBody, httpStatusOf } from './http/errors.ts';
import { Router } from './http/router.ts';
import { RequestAbandonedError } from './db/priority.ts';
import { openApiDocument } from './http/openapi.ts';
import { createAuditService, registerAuditRoutes } from './modules/audit/index.ts';
import { createAuthService, createSecondFactorService, registerAuthRoutes, SESSION_COOKIE } from './modules/auth/index.ts';
import { createSetupService, registerSetupRoutes } from './modules/setup/index.ts';
import { registerHealthRoutes } from './modules/health/index.ts';
import { createOrgUnitsService, registerOrgUnitRoutes } from './modules/org-units/index.ts';
import { createProgramsService, registerProgramRoutes } from './modules/programs/index.ts';
import { createServiceDefinitionsService, registerServiceDefinitionRoutes } from './modules/service-definitions/index.ts';
import { createUsersService, registerUserRoutes } from './modules/users/index.ts';
import { createRegistryService, createDuplicatesService, createSavedListsService, registerRegistryRoutes } from './modules/registry/index.ts';
import { createCasesService, registerCaseRoutes } from './modules/cases/index.ts';
import { createRoundsService, createStoriesService, registerStoryRoutes } from './modules/stories/index.ts';
import { createDirectoryService, registerDirectoryRoutes, registerHsdsRoutes } from './modules/directory/index.ts';
import { createCaseCircuitService, createCircuitsService, registerCircuitRoutes } from './modules/circuits/index.ts';
import { createConsentsService, createReferralsService, registerReferralRoutes } from './modules/referrals/index.ts';
import { createPrivacyService, registerPrivacyRoutes } from './modules/privacy/index.ts';
import { createDisclosuresService, createTrainingsService, registerCascadeRoutes } from './modules/cascades/index.ts';
import { createStockService, registerStockRoutes } from './modules/stock/index.ts';
import { createAnonymousService, createInsertionService, createOstService, registerHarmReductionRoutes } from './modules/harm-reduction/index.ts';
import { Secrets } from './lib/secrets.ts';
import { createCaptureService, createCatalogueService, createSyncService, createVerificationService, createVoiceNotesService, registerCaptureRoutes, registerVoiceNoteRoutes } from './modules/capture/index.ts';
import { createImportService, registerImportRoutes } from './modules/imports/index.ts';
import { createReportsService, registerReportRoutes, createSemesterService, registerSemesterRoutes, createDhis2Service, createIndicatorsService, createReportFactsBuilder, syncReportFacts, type ReportFactsBuilder } from './modules/reports/index.ts';
import { prettyLogStream } from './lib/log-format.ts';
import { version } from './version.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Where JSON logs go with `logger: true` (stdout, synchronously, when absent). */
  logDestination?: DestinationStream;
}

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // The camera (scanning a QR code) and the microphone (voice notes) for the app itself; nothing else.
  'permissions-policy':
    'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), midi=(), display-capture=(), screen-wake-lock=(), accelerometer=(), gyroscope=(), magnetometer=(), fullscreen=(self)',
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Builds report facts in the background; tests wait for it with `idle()`. */
    reportFacts: ReportFactsBuilder;
  }
}

/** Builds the HTTP application (API and, when built, the web app). Tests import this. */
export async function buildApp({ config, db, logger = false, logDestination }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === true
        ? { level: config.logLevel, ...(config.logFormat === 'pretty' ? { stream: prettyLogStream() } : logDestination ? { stream: logDestination } : {}) }
        : logger,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  await app.register(fastifyCookie);
  // API responses compressed when the client accepts it (gzip or brotli at a fast level: the default
  // brotli level costs tens of milliseconds of CPU per response); the web app's files are sent
  // from the copies compressed at build time (below).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  // File uploads (imports) arrive as raw bytes.
  app.addContentTypeParser(['text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Voice notes arrive as raw audio (the service checks which formats it keeps).
  app.addContentTypeParser(/^audio\//, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const kysely = db.kysely;
  const secrets = Secrets.load({ envKey: config.encryptionKey, dataDir: config.dataDir });
  const auth = createAuthService(kysely, config, secrets);
  const router = new Router(app, (request) => auth.resolveSession(request.cookies[SESSION_COOKIE]));

  registerHealthRoutes(router, db.engine, version);
  registerSetupRoutes(router, createSetupService(kysely), auth, config);
  registerAuthRoutes(router, auth, createSecondFactorService(kysely, secrets), config);
  registerOrgUnitRoutes(router, createOrgUnitsService(kysely));
  registerProgramRoutes(router, createProgramsService(kysely));
  registerServiceDefinitionRoutes(router, createServiceDefinitionsService(kysely));
  registerUserRoutes(router, createUsersService(kysely));
  registerAuditRoutes(router, createAuditService(kysely));
  const registry = createRegistryService(kysely, secrets);
  registerRegistryRoutes(router, registry, createDuplicatesService(kysely, registry), createSavedListsService(kysely));
  registerImportRoutes(router, createImportService(kysely));
  const cases = createCasesService(kysely, secrets);
  registerCaseRoutes(router, cases);
  const rounds = createRoundsService(kysely, secrets);
  registerStoryRoutes(router, createStoriesService(kysely, secrets), rounds);
  const directory = createDirectoryService(kysely);
  registerDirectoryRoutes(router, directory);
  const circuits = createCircuitsService(kysely, directory);
  registerCircuitRoutes(router, circuits, createCaseCircuitService(cases, directory, circuits));
  registerHsdsRoutes(router, kysely);
  registerReferralRoutes(router, createConsentsService(kysely), createReferralsService(kysely, secrets));
  registerPrivacyRoutes(router, createPrivacyService(kysely, secrets));
  registerCascadeRoutes(router, createTrainingsService(kysely), createDisclosuresService(kysely, secrets));
  registerStockRoutes(router, createStockService(kysely));
  registerHarmReductionRoutes(router, createAnonymousService(kysely), createOstService(kysely), createInsertionService(kysely));
  // Report facts of changed rules are built in the background (ADR 0010).
  const reportFacts = createReportFactsBuilder(kysely, app.log);
  app.decorate('reportFacts', reportFacts);
  app.addHook('onClose', () => reportFacts.close());
  registerReportRoutes(router, createReportsService(kysely), createDhis2Service(kysely), createIndicatorsService(kysely, reportFacts));
  registerSemesterRoutes(router, createSemesterService(kysely, (ctx, q) => rounds.selected(ctx, q)));
  // The catalogue tells the report facts of a change of program services (reach and paquet minimum decide who counts).
  const catalogue = createCatalogueService(kysely, {
    changed: async (trx, organisationId) => {
      await syncReportFacts(trx, organisationId);
    },
    committed: () => reportFacts.kick(),
  });
  registerCaptureRoutes(router, createCaptureService(kysely), catalogue, createSyncService(kysely, secrets), createVerificationService(kysely));
  registerVoiceNoteRoutes(router, createVoiceNotesService(kysely, secrets));

  const openapi = openApiDocument(router.routes, version);
  app.get('/api/v1/openapi.json', async () => openapi);

  const strictTransport = config.session.secureCookies ? 'max-age=31536000; includeSubDomains' : null;
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(securityHeaders)) reply.header(name, value);
    // Served over HTTPS (secure cookies): browsers keep to HTTPS for a year.
    if (strictTransport) reply.header('strict-transport-security', strictTransport);
    // API answers carry person-level data (and /auth/me the CSRF token): no cache, shared or the browser's, keeps them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    // Its client is gone (nobody reads this answer): dropped before reaching the database.
    if (error instanceof RequestAbandonedError) return reply.status(503).send();
    const locale = localeOf(request);
    const domain = toDomainError(error);
    if (domain.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    reply.status(httpStatusOf[domain.code]).send(errorBody(domain, locale, domain.code === 'internal' ? request.id : undefined));
  });

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      // The build writes brotli and gzip copies (web/field-assets.ts): sent by Accept-Encoding, with
      // `Vary: accept-encoding`, instead of compressing the same file on every request (ADR 0025).
      preCompressed: true,
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (hasWeb && isPage) {
      // The web app routes on the client: unknown pages get the app shell.
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    // Without its web app the server still answers a page saying how to build it, never a blank one.
    if (!hasWeb && isPage) return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(webNotBuiltPage(localeOf(request)));
    return reply.status(404).send(errorBody(new DomainError('not_found'), localeOf(request)));
  });

  return app;
}

/** The page served instead of the web app when it has not been built. */
export function webNotBuiltPage(locale: Locale): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const title = escape(translate(locale, 'web.notBuilt.title'));
  const body = escape(translate(locale, 'web.notBuilt.body'));
  return `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Relais — ${title}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2933}h1{font-size:1.5rem}</style></head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
}

function localeOf(request: FastifyRequest): Locale {
  return (request as FastifyRequest & { locale?: Locale }).locale ?? negotiateLocale(request.headers['accept-language']);
}

/** Any thrown value as a domain error: framework and database errors get their code here, once. */
function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const e = error as { code?: string; statusCode?: number };
  if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new DomainError('payload_too_large');
  if (e.statusCode === 415 || e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new DomainError('unsupported_media_type');
  if (typeof e.code === 'string' && e.code.startsWith('FST_ERR_CTP') && e.statusCode === 400) {
    return new DomainError('validation_failed', { fields: [formatIssue('body', 'json')] });
  }
  if (e.code === '40001' || e.code === '40P01' || e.code === '55P03') return new DomainError('database_busy');
  if (isIdConflict(error)) return new DomainError('id_conflict');
  return new DomainError('internal');
}
