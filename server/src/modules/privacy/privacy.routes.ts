import { ErasureInput, ErasureResult, IdParams, SubjectAccess } from '@relais/core';
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
}
