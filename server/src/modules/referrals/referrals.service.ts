import { sql } from 'kysely';
import {
  consentHolds,
  DomainError,
  invalidField,
  mayGiveFeedback,
  mayTransition,
  referralTransitions,
  type FeedbackInput,
  type Referral,
  type ReferralAction,
  type ReferralInput,
  type ReferralQuery,
  type ReferralSettings,
} from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { holds, scope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { personFor } from '../capture/index.ts';
import { loadReferralSettings, settingsPolicy, storeReferralSettings } from '../settings/index.ts';
import { todayUtc } from './consents.service.ts';
import { presentReferral } from './referral-view.ts';
import * as repo from './referrals.repository.ts';

type Found = { row: repo.ReferralRow; side: 'sender' | 'receiver' };

/**
 * Referrals (issue 15): from a person's record (her case, optionally) to an organisation on the
 * instance or a directory service; refused without a consent covering that receiver for
 * `referral` (`consent_required`), unless a holder of `referral.override` gives the reason
 * (audited). A referral shares, it never transfers: the record stays the sender's.
 */
export function createReferralsService(db: Queryable, secrets: Secrets, today: () => string = todayUtc) {
  /** Where the sender reads referrals: where she reads persons, and those she sent. */
  const senderPaths = (ctx: RequestContext) => scope(ctx.actor, 'person.read');

  /** Days before an unanswered referral is flagged: the reader's organisation's setting. */
  const unansweredDays = async (trx: Queryable, ctx: RequestContext) => (await loadReferralSettings(trx, ctx.actor.organisationId)).unansweredAfterDays;

  async function find(trx: Queryable, ctx: RequestContext, id: string): Promise<Found> {
    const org = ctx.actor.organisationId;
    const days = await unansweredDays(trx, ctx);
    const [mine] = (await repo.selectOutgoing(trx, org, senderPaths(ctx), today(), days, { id })).rows;
    if (mine) return { row: mine, side: 'sender' };
    if (holds(ctx.actor, 'referral.receive')) {
      const [theirs] = (await repo.selectIncoming(trx, org, today(), days, { id })).rows;
      if (theirs) return { row: theirs, side: 'receiver' };
    }
    throw new DomainError('not_found');
  }

  /** A referral of the sender's, locked for a change; `not_found` for anyone else. */
  async function forChange(trx: Queryable, ctx: RequestContext, id: string): Promise<Found> {
    const { row } = await find(trx, ctx, id);
    await repo.lockReferral(trx, row.organisation_id, id);
    return find(trx, ctx, id);
  }

  async function consentFor(trx: Queryable, org: string, beneficiaryId: string, input: ReferralInput, receiver: { orgId: string | null; serviceId: string | null }): Promise<string | null> {
    const consents = await repo.selectConsents(trx, org, { beneficiaryId });
    const fits = consents.filter(
      (c) =>
        (!input.consentId || c.id === input.consentId) &&
        consentHolds({ givenOn: c.given_on, expiresOn: c.expires_on, withdrawn: c.withdrawn_at !== null }, today()) &&
        c.purposes.includes('referral') &&
        (receiver.orgId ? c.to_organisations.includes(receiver.orgId) : c.to_services.includes(receiver.serviceId!)),
    );
    return fits[0]?.id ?? null;
  }

  return {
    async send(ctx: RequestContext, input: ReferralInput): Promise<{ created: boolean; referral: Referral }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const again = (await repo.selectOutgoing(trx, org, senderPaths(ctx), today(), 0, { id })).rows[0];
        if (again) return { created: false, referral: presentReferral(again, 'sender', secrets) };
        const person = await personFor(trx, ctx, input.beneficiaryId);
        let unitId = person.registered_unit_id;
        let program: string | null = input.program ?? null;
        if (input.caseId) {
          const c = (await sql<{ beneficiary_id: string; org_unit_id: string; program: string }>`select beneficiary_id, org_unit_id, program from case_file where organisation_id = ${org} and id = ${input.caseId}`.execute(trx)).rows[0];
          if (!c || c.beneficiary_id !== person.id) throw invalidField('caseId', 'not_in_case');
          unitId = c.org_unit_id;
          program = c.program;
        }
        program ??= await repo.lastProgramOf(trx, org, person.id);
        if (input.serviceType && !(await repo.taxonomyTermExists(trx, input.serviceType))) throw invalidField('serviceType', 'unknown_reference', { value: input.serviceType });
        let receiver: { orgId: string | null; serviceId: string | null };
        if (input.toOrganisation) {
          const [o] = await repo.findOrganisationsByCode(trx, [input.toOrganisation.toUpperCase()]);
          if (!o) throw invalidField('toOrganisation', 'unknown_reference', { value: input.toOrganisation });
          if (o.id === org) throw invalidField('toOrganisation', 'invalid_choice');
          receiver = { orgId: o.id, serviceId: null };
        } else {
          const type = (await repo.serviceTypes(trx, [input.toService!])).get(input.toService!);
          if (!type) throw invalidField('toService', 'unknown_reference', { value: input.toService! });
          receiver = { orgId: null, serviceId: input.toService! };
          input = { ...input, serviceType: input.serviceType ?? type };
        }
        const consentId = await consentFor(trx, org, person.id, input, receiver);
        if (!consentId && !input.override) throw new DomainError('consent_required');
        if (!consentId && !holds(ctx.actor, 'referral.override')) throw new DomainError('forbidden');
        const day = today();
        await repo.insertReferral(trx, {
          organisation_id: org,
          id,
          reference: await repo.nextReference(trx, org, Number(day.slice(0, 4))),
          beneficiary_id: person.id,
          case_id: input.caseId ?? null,
          org_unit_id: unitId,
          to_organisation_id: receiver.orgId,
          to_service_id: receiver.serviceId,
          consent_id: consentId,
          override_reason: consentId ? null : input.override!.reason,
          need: input.need,
          stated_needs: input.statedNeeds,
          service_type: input.serviceType ?? null,
          program,
          urgency: input.urgency,
          accompanied: input.accompanied,
          interpretation: input.interpretation,
          note: input.note,
          sent_on: day,
          sent_by: ctx.actor.userId,
        });
        await repo.insertStep(trx, org, id, { status: 'sent', by_user: ctx.actor.userId, by_organisation_id: org, reason: consentId ? null : input.override!.reason });
        await recordAudit(trx, whoOf(ctx), {
          action: consentId ? 'referral.send' : 'referral.override',
          entityType: 'referral',
          entityId: id,
          details: { beneficiary: person.id, to: input.toOrganisation ?? input.toService, ...(consentId ? { consent: consentId } : { reason: input.override!.reason }) },
        });
        return { created: true, referral: presentReferral((await find(trx, ctx, id)).row, 'sender', secrets) };
      });
    },

    async list(ctx: RequestContext, query: ReferralQuery): Promise<{ items: Referral[]; total: number }> {
      const org = ctx.actor.organisationId;
      const unitPath = query.orgUnitId ? await repo.unitPath(db, org, query.orgUnitId) : undefined;
      if (query.orgUnitId && !unitPath) throw invalidField('orgUnitId', 'unknown_reference', { value: query.orgUnitId });
      const q = { ...query, unitPath };
      if (q.box === 'incoming') {
        if (!holds(ctx.actor, 'referral.receive')) return { items: [], total: 0 };
        const { rows, total } = await repo.selectIncoming(db, org, today(), await unansweredDays(db, ctx), q);
        return { items: rows.map((r) => presentReferral(r, 'receiver', secrets)), total };
      }
      const { rows, total } = await repo.selectOutgoing(db, org, senderPaths(ctx), today(), await unansweredDays(db, ctx), q);
      return { items: rows.map((r) => presentReferral(r, 'sender', secrets)), total };
    },

    /** One referral; a read of the receiver's view is audited (it shows person-level fields). */
    async get(ctx: RequestContext, id: string): Promise<Referral> {
      return withTransaction(db, async (trx) => {
        const { row, side } = await find(trx, ctx, id);
        await recordAudit(trx, whoOf(ctx), { action: 'referral.read', entityType: 'referral', entityId: id, details: { side } });
        return presentReferral(row, side, secrets);
      });
    },

    /** A step of the referral, by the side the transitions table allows (core `mayTransition`). */
    async transition(ctx: RequestContext, id: string, action: ReferralAction, detail: { reason?: string | null; deliveredOn?: string; note?: string | null } = {}): Promise<Referral> {
      return withTransaction(db, async (trx) => {
        const { row, side } = await forChange(trx, ctx, id);
        if (side === 'receiver' && !holds(ctx.actor, 'referral.receive')) throw new DomainError('forbidden');
        if (side === 'sender' && !holds(ctx.actor, 'referral.send')) throw new DomainError('forbidden');
        if (!mayTransition(action, row.status as Referral['status'], side, row.to_organisation_id !== null)) throw new DomainError('transition_not_allowed');
        if (action === 'deliver' && detail.deliveredOn! < row.sent_on) throw invalidField('deliveredOn', 'not_before', { value: row.sent_on });
        const to = referralTransitions[action].to;
        await repo.setReferralStatus(trx, row.organisation_id, id, {
          status: to,
          decline_reason: action === 'decline' ? (detail.reason ?? null) : null,
          delivered_on: action === 'deliver' ? (detail.deliveredOn ?? null) : null,
          delivery_note: action === 'deliver' || action === 'not_delivered' ? (detail.note ?? null) : null,
          not_delivered_reason: action === 'not_delivered' ? (detail.reason ?? null) : null,
        });
        await repo.insertStep(trx, row.organisation_id, id, { status: to, by_user: ctx.actor.userId, by_organisation_id: ctx.actor.organisationId, reason: detail.reason ?? null });
        await recordAudit(trx, whoOf(ctx), { action: 'referral.transition', entityType: 'referral', entityId: id, details: { action, to, side } });
        return presentReferral((await find(trx, ctx, id)).row, side, secrets);
      });
    },

    /** The person's feedback on the service (the sender records it; the receiver never reads it). */
    async feedback(ctx: RequestContext, id: string, input: FeedbackInput): Promise<Referral> {
      return withTransaction(db, async (trx) => {
        const { row, side } = await forChange(trx, ctx, id);
        if (side !== 'sender' || !holds(ctx.actor, 'referral.send')) throw new DomainError('forbidden');
        if (!mayGiveFeedback(row.status as Referral['status'])) throw new DomainError('transition_not_allowed');
        if (input.givenOn < row.sent_on) throw invalidField('givenOn', 'not_before', { value: row.sent_on });
        await repo.upsertFeedback(trx, row.organisation_id, id, { satisfied: input.satisfied, reasons: input.reasons, comment: input.comment, given_on: input.givenOn, recorded_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), { action: 'referral.feedback', entityType: 'referral', entityId: id, details: { satisfied: input.satisfied } });
        return presentReferral((await find(trx, ctx, id)).row, side, secrets);
      });
    },

    /**
     * The receiver registered the person in its own registry (the usual way, with the code it
     * chooses) and links that record to the referral — a link, not a copy. Only while a consent
     * for `care_coordination` holds: sharing ends where the consent ends.
     */
    async link(ctx: RequestContext, id: string, beneficiaryId: string): Promise<Referral> {
      return withTransaction(db, async (trx) => {
        const { row, side } = await forChange(trx, ctx, id);
        if (side !== 'receiver') throw new DomainError('not_found');
        const [consent] = row.consent_id ? await repo.selectConsents(trx, row.organisation_id, { id: row.consent_id }) : [];
        const holdsToday = consent && consentHolds({ givenOn: consent.given_on, expiresOn: consent.expires_on, withdrawn: consent.withdrawn_at !== null }, today());
        if (!holdsToday || !consent.purposes.includes('care_coordination')) throw new DomainError('consent_required');
        const own = await personFor(trx, ctx, beneficiaryId, 'beneficiaryId');
        await repo.linkReceiverBeneficiary(trx, ctx.actor.organisationId, row.organisation_id, id, own.id);
        await recordAudit(trx, whoOf(ctx), { action: 'referral.link', entityType: 'referral', entityId: id, details: { beneficiary: own.id } });
        return presentReferral((await find(trx, ctx, id)).row, side, secrets);
      });
    },

    settings: (ctx: RequestContext): Promise<ReferralSettings> => loadReferralSettings(db, ctx.actor.organisationId),

    async updateSettings(ctx: RequestContext, input: ReferralSettings): Promise<ReferralSettings> {
      if (!settingsPolicy.change(ctx.actor)) throw new DomainError('forbidden');
      return withTransaction(db, async (trx) => {
        await storeReferralSettings(trx, ctx.actor.organisationId, input);
        await recordAudit(trx, whoOf(ctx), { action: 'referral.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { ...input } });
        return loadReferralSettings(trx, ctx.actor.organisationId);
      });
    },
  };
}
export type ReferralsService = ReturnType<typeof createReferralsService>;
