import { DomainError, type RetentionRun, type RetentionSettings } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf, type AuditWho } from '../audit/index.ts';
import { loadRetentionSettings, storeRetentionSettings } from '../settings/index.ts';
import { privacyPolicy } from './privacy.policy.ts';
import * as repo from './retention.repository.ts';

/** The date `months` months before `today` (YYYY-MM-DD). */
export function monthsBefore(today: string, months: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * Applies the organisation's retention periods (law 09-08, ADR 0026), in one transaction: clears
 * or deletes what is past each period and records what it did (numbers only). Report counts do
 * not change: no counted row or column is touched.
 */
export async function applyRetention(db: Queryable, who: AuditWho, today: string): Promise<RetentionRun> {
  const org = who.organisationId;
  return withTransaction(db, async (trx) => {
    const periods = await loadRetentionSettings(trx, org);
    const cutoff = (months: number | null) => (months === null ? null : monthsBefore(today, months));
    const phones = cutoff(periods.contact_phone);
    const notes = cutoff(periods.notes);
    const voiceNotes = cutoff(periods.voice_notes);
    const cases = cutoff(periods.closed_cases);
    const audit = cutoff(periods.audit_log);
    const run: RetentionRun = {
      ranAt: new Date().toISOString(),
      phonesCleared: phones ? await repo.clearPhones(trx, org, phones) : 0,
      notesCleared: notes ? await repo.clearNotes(trx, org, notes) : 0,
      voiceNotesDeleted: voiceNotes ? await repo.deleteVoiceNotes(trx, org, voiceNotes) : 0,
      casesAnonymised: cases ? await repo.anonymiseClosedCases(trx, org, cases) : 0,
      auditEventsDeleted: audit ? await repo.deleteAuditEvents(trx, org, audit) : 0,
    };
    await recordAudit(trx, who, { action: 'retention.run', entityType: 'organisation', entityId: org, details: { ...run, periods } });
    return run;
  });
}

/** The daily job: every organisation of the instance (or `only` one), one transaction each. */
export async function applyRetentionEverywhere(db: Queryable, today: string, only: string | null = null): Promise<Array<{ organisationId: string; run: RetentionRun }>> {
  const out: Array<{ organisationId: string; run: RetentionRun }> = [];
  const ids = only ? [only] : await repo.organisationIds(db);
  for (const organisationId of ids) out.push({ organisationId, run: await applyRetention(db, { organisationId, actorId: null }, today) });
  return out;
}

export function createRetentionService(db: Queryable, today: () => string = () => new Date().toISOString().slice(0, 10)) {
  const check = (ctx: RequestContext) => {
    if (!privacyPolicy.organisation(ctx.actor)) throw new DomainError('forbidden');
  };
  return {
    async settings(ctx: RequestContext): Promise<RetentionSettings> {
      check(ctx);
      return loadRetentionSettings(db, ctx.actor.organisationId);
    },
    async updateSettings(ctx: RequestContext, input: RetentionSettings): Promise<RetentionSettings> {
      check(ctx);
      return withTransaction(db, async (trx) => {
        await storeRetentionSettings(trx, ctx.actor.organisationId, input);
        await recordAudit(trx, whoOf(ctx), { action: 'retention.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { ...input } });
        return loadRetentionSettings(trx, ctx.actor.organisationId);
      });
    },
    async run(ctx: RequestContext): Promise<RetentionRun> {
      check(ctx);
      return applyRetention(db, whoOf(ctx), today());
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
