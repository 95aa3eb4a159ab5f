import { randomBytes } from 'node:crypto';
import { DomainError, type ErasureInput, type ErasureResult } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findBeneficiary, visibleIds } from '../registry/index.ts';
import { privacyPolicy } from './privacy.policy.ts';
import * as repo from './erasure.repository.ts';

/** A random code standing for an erased person: it says nothing of her and matches no code scheme. */
const pseudonym = () => `ANON-${randomBytes(6).toString('hex').toUpperCase()}`;

/** The person's record, if the actor holds `person.rights` where she is known; else `not_found`. */
export async function personWithRights(trx: Queryable, ctx: RequestContext, id: string) {
  const org = ctx.actor.organisationId;
  const row = await findBeneficiary(trx, org, id);
  if (!row || !(await visibleIds(trx, org, [id], privacyPolicy.personUnits(ctx.actor))).has(id)) throw new DomainError('not_found');
  return row;
}

/**
 * Erasure on the person's request (law 09-08 art. 8, issue 18, ADR 0026), in one transaction:
 * her identifying data goes (codes of her record and of those merged into it, profile, phone,
 * notes, free texts, stories, case notes), her services stay under a random code so that past
 * reports do not change, her consents are withdrawn and her referrals closed (receivers lose
 * them), her old codes leave the audit log; one audit line says what was done, without them.
 */
export async function erasePerson(db: Queryable, ctx: RequestContext, id: string, input: ErasureInput): Promise<ErasureResult> {
  const org = ctx.actor.organisationId;
  return withTransaction(db, async (trx) => {
    const row = await personWithRights(trx, ctx, id);
    if (row.merged_into) throw new DomainError('merge_invalid');
    const records = await repo.selectPersonRecords(trx, org, id);
    if (records.find((r) => r.id === id)?.erased_at) throw new DomainError('person_erased');
    const renamed = records.map((r) => ({ id: r.id, from: r.code, to: pseudonym() }));
    for (const r of renamed) await repo.eraseRecord(trx, org, r.id, r.to);
    const ids = renamed.map((r) => r.id);
    const around = await repo.scrubAround(trx, org, ids);
    const sharing = await repo.closeSharing(trx, org, ids, ctx.actor.userId);
    await repo.replaceCodes(trx, org, renamed);
    const counts = { records: ids.length, ...around, ...sharing };
    const kept = renamed.find((r) => r.id === id)!;
    await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.erase', entityType: 'beneficiary', entityId: id, details: { code: kept.to, reason: input.reason, ...counts } });
    const erased = await findBeneficiary(trx, org, id);
    return { beneficiaryId: id, pseudonym: kept.to, erasedAt: (erased?.erased_at ?? new Date()).toISOString(), counts };
  });
}
