import type { SubjectAccess } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { presentBeneficiary } from '../registry/index.ts';
import { personConsents } from '../referrals/index.ts';
import { personWithRights } from './erasure.service.ts';
import { selectPersonRecords } from './erasure.repository.ts';
import * as repo from './subject-access.repository.ts';

// A voice note's playback is a read of her record.
const READ = /\.(read|list|subject_access|play)$/;

/**
 * Everything Relais holds about one person (law 09-08 art. 7, issue 18, ADR 0026), for her: her
 * record whole (phone and notes included: it is hers), her services, cases, referrals,
 * consents, insertion pathway and OST episodes, and from the audit log who read her record and when, and every change made to it
 * (her corrections' trail). The export itself is audited.
 */
export async function exportSubjectAccess(db: Queryable, secrets: Secrets, ctx: RequestContext, id: string): Promise<SubjectAccess> {
  const org = ctx.actor.organisationId;
  return withTransaction(db, async (trx) => {
    const row = await personWithRights(trx, ctx, id);
    const ids = (await selectPersonRecords(trx, org, id)).map((r) => r.id);
    const person = await presentBeneficiary(trx, ctx, row, secrets);
    person.phone = row.phone_encrypted ? secrets.tryDecrypt(row.phone_encrypted) : null;
    person.notes = row.notes;
    const [services, cases, referrals, insertion, ost, consents, stories, voiceNotes, organisation] = await Promise.all([
      repo.servicesOf(trx, org, ids),
      repo.casesOf(trx, org, ids),
      repo.referralsOf(trx, org, ids),
      repo.insertionOf(trx, org, ids),
      repo.ostOf(trx, org, ids),
      personConsents(trx, org, ids),
      repo.storyCount(trx, org, ids),
      repo.voiceNoteCount(trx, org, ids),
      repo.organisationOf(trx, org),
    ]);
    const events = await repo.eventsAbout(trx, org, ids, cases.map((c) => c.id), referrals.map((r) => r.id));
    const at = (d: Date) => new Date(d).toISOString();
    const reads = events.filter((e) => READ.test(e.action)).map((e) => ({ at: at(e.at), action: e.action, by: e.by }));
    const changes = events
      .filter((e) => !READ.test(e.action))
      .map((e) => ({ at: at(e.at), action: e.action, by: e.by, fields: Array.isArray(e.details.fields) ? e.details.fields.map(String) : [] }));
    await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.subject_access', entityType: 'beneficiary', entityId: id, details: { code: row.code, ...(person.phone ? { phoneShown: true } : {}) } });
    return {
      generatedAt: new Date().toISOString(),
      organisation,
      person,
      erasedAt: row.erased_at ? at(row.erased_at) : null,
      services,
      cases,
      consents,
      referrals: referrals.map(({ id: _id, ...r }) => r),
      insertion,
      ost,
      stories,
      voiceNotes,
      reads,
      changes,
    };
  });
}
