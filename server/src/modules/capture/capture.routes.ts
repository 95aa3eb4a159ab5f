import { z } from 'zod';
import {
  ProgramServices,
  ServiceCatalogue,
  ContactResult,
  IdParams,
  Ok,
  RecordContact,
  RecordGroupSession,
  ServicePage,
  ServiceQuery,
  ServiceRecord,
  SetRegisterNo,
  SyncPullQuery,
  SyncPullResult,
  SyncPush,
  SyncPushResult,
  UpdateService,
  Verification,
  VerificationQuery,
  programCodes,
  type DomainError,
  type Locale,
} from '@relais/core';
import { errorBody } from '../../http/errors.ts';
import { ok, type Router } from '../../http/router.ts';
import type { CaptureService } from './capture.service.ts';
import type { CatalogueService } from './catalogue.service.ts';
import type { SyncService } from './sync.service.ts';
import type { VerificationService } from './verification.service.ts';

/** A rejected sync operation's error as the API gives it: code, fields, and messages in the caller's language. */
function rejection(error: DomainError, locale: Locale) {
  const body = errorBody(error, locale);
  return {
    code: body.error.code,
    message: body.error.message,
    ...(body.error.fields ? { fields: body.error.fields.map((f) => ({ field: f.field, code: f.code, message: f.message })) } : {}),
    ...(body.error.conflict ? { conflict: body.error.conflict } : {}),
  };
}

export function registerCaptureRoutes(router: Router, capture: CaptureService, catalogue: CatalogueService, sync: SyncService, verification: VerificationService): void {
  router.session({
    method: 'GET',
    url: '/catalogue',
    summary: 'Services with the fields each takes, and the enabled programs’ services, reach and paquet minimum',
    tag: 'capture',
    response: ServiceCatalogue,
    handler: ({ ctx }) => catalogue.getCatalogue(ctx),
  });
  router.session({
    method: 'PUT',
    url: '/catalogue/programs/:code',
    summary: 'Set a program’s services, what counts as reached and its paquet minimum',
    tag: 'capture',
    permission: 'settings.manage',
    params: z.object({ code: z.enum(programCodes) }),
    body: ProgramServices,
    response: z.object({ code: z.string(), services: z.array(z.string()).readonly(), reach: z.array(z.string()).readonly(), paquetMinimum: z.array(z.string()).readonly() }),
    handler: ({ ctx, params, body }) => catalogue.updateProgram(ctx, params.code, body),
  });
  router.create({
    method: 'POST',
    url: '/contacts',
    summary: 'Record one or several services for one person (idempotent on the services’ ids)',
    tag: 'capture',
    permission: 'service.write',
    body: RecordContact,
    response: ContactResult,
    handler: async ({ ctx, body }) => {
      const { created, ...record } = await capture.recordContact(ctx, body);
      return { created, record };
    },
  });
  router.session({
    method: 'GET',
    url: '/services',
    summary: 'Services of the user’s units: a person’s history, a worker’s or a section’s list',
    tag: 'capture',
    permission: 'person.read',
    query: ServiceQuery,
    response: ServicePage,
    handler: ({ ctx, query }) => capture.listServices(ctx, query),
  });
  router.session({
    method: 'PATCH',
    url: '/services/:id',
    summary: 'Correct a service',
    tag: 'capture',
    permission: 'service.write',
    params: IdParams,
    body: UpdateService,
    response: ServiceRecord,
    handler: ({ ctx, params, body }) => capture.updateService(ctx, params.id, body),
  });
  router.session({
    method: 'DELETE',
    url: '/services/:id',
    summary: 'Delete a service',
    tag: 'capture',
    permission: 'service.write',
    params: IdParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(capture.deleteService(ctx, params.id)),
  });
  router.session({
    method: 'PUT',
    url: '/services/:id/register-no',
    summary: 'Correct an HIV test’s register number once (paper register transcription)',
    tag: 'capture',
    permission: 'service.write',
    params: IdParams,
    body: SetRegisterNo,
    response: ServiceRecord,
    handler: ({ ctx, params, body }) => capture.setRegisterNo(ctx, params.id, body.registerNo),
  });
  router.create({
    method: 'POST',
    url: '/group-sessions',
    summary: 'Record a group session: identified attendees (each gets the session’s service) and anonymous counts',
    tag: 'capture',
    permission: 'service.write',
    body: RecordGroupSession,
    response: z.object({ id: z.uuid() }),
    handler: async ({ ctx, body }) => {
      const { id, created } = await capture.recordGroupSession(ctx, body);
      return { created, record: { id } };
    },
  });
  router.session({
    method: 'POST',
    url: '/sync/push',
    summary: 'Apply operations made offline: each at most once, each in its own transaction, an outcome per operation',
    tag: 'sync',
    permission: 'service.write',
    body: SyncPush,
    response: SyncPushResult,
    handler: async ({ ctx, body, locale }) => ({ results: (await sync.push(ctx, body.operations)).map(({ error, ...outcome }) => (error ? { ...outcome, error: rejection(error, locale) } : outcome)) }),
  });
  router.session({
    method: 'GET',
    url: '/sync/pull',
    summary: 'Changes after a cursor (persons, services, tombstones; the catalogue at cursor 0), or resyncRequired',
    tag: 'sync',
    permission: 'person.read',
    query: SyncPullQuery,
    response: SyncPullResult,
    handler: ({ ctx, query }) => sync.pull(ctx, query.cursor, query.limit),
  });
  router.session({
    method: 'GET',
    url: '/verification',
    background: true,
    summary: 'Monthly data verification of a unit: counts by worker and service, and flagged records',
    tag: 'capture',
    permission: 'data.verify',
    query: VerificationQuery,
    response: Verification,
    handler: ({ ctx, query }) => verification.verify(ctx, query.orgUnitId, query.month),
  });
}
