import type { ErasureInput } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import { erasePerson } from './erasure.service.ts';
import { exportSubjectAccess } from './subject-access.service.ts';
import { createRetentionService } from './retention.service.ts';
import { processingRegister } from './register.service.ts';

/** The person's rights (issue 18, ADR 0026): erasure, subject access, retention, the register of processing. */
export function createPrivacyService(db: Queryable, secrets: Secrets) {
  return {
    erase: (ctx: RequestContext, id: string, input: ErasureInput) => erasePerson(db, ctx, id, input),
    subjectAccess: (ctx: RequestContext, id: string) => exportSubjectAccess(db, secrets, ctx, id),
    retention: createRetentionService(db),
    register: (ctx: RequestContext) => processingRegister(db, ctx),
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
