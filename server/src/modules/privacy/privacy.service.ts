import type { ErasureInput } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { erasePerson } from './erasure.service.ts';

/** The person's rights (issue 18, ADR 0026): erasure, subject access, retention, the register of processing. */
export function createPrivacyService(db: Queryable) {
  return {
    erase: (ctx: RequestContext, id: string, input: ErasureInput) => erasePerson(db, ctx, id, input),
  };
}
export type PrivacyService = ReturnType<typeof createPrivacyService>;
