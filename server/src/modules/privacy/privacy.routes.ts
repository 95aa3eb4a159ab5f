import { ErasureInput, ErasureResult, IdParams, ProcessingRegister, RetentionRun, RetentionSettings, SubjectAccess } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { PrivacyService } from './privacy.service.ts';

const tag = 'privacy';

/** The person's rights under law 09-08 (ADR 0026). */
export function registerPrivacyRoutes(router: Router, privacy: PrivacyService): void {
  router.session({
    method: 'POST',
    url: '/beneficiaries/:id/erase',
    summary: 'Erase the person’s identifying data on her request (administrators): her services stay under a random code, her consents and referrals close',
    tag,
    permission: 'person.rights',
    params: IdParams,
    body: ErasureInput,
    response: ErasureResult,
    errors: ['person_erased', 'merge_invalid'],
    handler: ({ ctx, params, body }) => privacy.erase(ctx, params.id, body),
  });
  router.session({
    method: 'GET',
    url: '/beneficiaries/:id/subject-access',
    summary: 'Everything held about the person, for her (administrators): record, services, cases, referrals and consents, who read her record and when, the changes made to it (audited)',
    tag,
    permission: 'person.rights',
    params: IdParams,
    response: SubjectAccess,
    handler: ({ ctx, params }) => privacy.subjectAccess(ctx, params.id),
  });
  const root = 'root administrators (settings.manage at the root)';
  router.session({ method: 'GET', url: '/privacy/retention', summary: `The organisation’s retention periods, months per data category (${root})`, tag, permission: 'settings.manage', response: RetentionSettings, handler: ({ ctx }) => privacy.retention.settings(ctx) });
  router.session({ method: 'PUT', url: '/privacy/retention', summary: `Set the retention periods; the daily job applies them (${root}; audited)`, tag, permission: 'settings.manage', body: RetentionSettings, response: RetentionSettings, handler: ({ ctx, body }) => privacy.retention.updateSettings(ctx, body) });
  router.session({ method: 'POST', url: '/privacy/retention/run', summary: `Apply the retention periods now, as the daily job does: what was cleared or deleted, in numbers (${root}; audited)`, tag, permission: 'settings.manage', response: RetentionRun, handler: ({ ctx }) => privacy.retention.run(ctx) });
  router.session({ method: 'GET', url: '/privacy/register', summary: `The register of processing, as the CNDP declaration asks: categories of data and persons, purposes, recipients, retention, security measures, generated from the configuration (${root})`, tag, permission: 'settings.manage', response: ProcessingRegister, handler: ({ ctx }) => privacy.register(ctx) });
}
