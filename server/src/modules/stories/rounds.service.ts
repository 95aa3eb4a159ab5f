import { DomainError, invalidField, parsePeriod, type ChangeRound, type ChangeRoundList, type ChangeRoundInput, type RoundSelection, type SelectedStories } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { scope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { unitWhere } from '../org-units/index.ts';
import { storiesPolicy } from './stories.policy.ts';
import { keysOf, todayOf } from './stories.service.ts';
import * as stories from './stories.repository.ts';
import * as repo from './rounds.repository.ts';

/**
 * Selection rounds (Davies & Dart): a panel of a unit reads the candidate stories of a period and
 * chooses one per domain with its written reasons, then gives feedback. And the donor-facing list:
 * the anonymised texts of the chosen stories whose consent to the donor report holds today.
 */
export function createRoundsService(db: Queryable, secrets: Secrets) {
  async function audit(trx: Queryable, ctx: RequestContext, action: string, row: { id: string; org_unit_id: string; org_unit_path: string }, details: Record<string, unknown> = {}) {
    await recordAudit(trx, whoOf(ctx), { action, entityType: 'change_round', entityId: row.id, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details });
  }

  /** The round with its candidates; the texts of the stories the reader may read are unsealed, and that read audited. */
  async function present(trx: Queryable, ctx: RequestContext, round: repo.RoundRow): Promise<ChangeRound> {
    const org = ctx.actor.organisationId;
    const candidates = await repo.selectCandidates(trx, org, round.id);
    const rows = new Map((await stories.selectStories(trx, org, candidates.map((c) => c.story_id))).map((r) => [r.id, r]));
    const readable = [...rows.values()].filter((r) => storiesPolicy.read(ctx.actor, keysOf(r))).map((r) => r.id);
    const sealed = new Map((await stories.selectSealed(trx, org, readable)).map((s) => [s.id, s]));
    if (readable.length) await recordAudit(trx, whoOf(ctx), { action: 'story.read', entityType: 'story', orgUnit: { id: round.org_unit_id, path: round.org_unit_path }, details: { ids: readable, roundId: round.id } });
    return {
      id: round.id,
      heldOn: round.held_on,
      orgUnit: { id: round.org_unit_id, code: round.org_unit_code, name: round.org_unit_name },
      panel: round.panel,
      periodFrom: round.period_from,
      periodTo: round.period_to,
      candidates: candidates
        .flatMap((c) => {
          const r = rows.get(c.story_id);
          if (!r) return [];
          const s = sealed.get(c.story_id);
          return [
            {
              storyId: r.id,
              beneficiaryCode: s ? r.beneficiary_code : null,
              domain: r.domain,
              collectedOn: r.collected_on,
              anonymisedText: r.anonymised_text,
              story: s ? secrets.tryDecrypt(s.story_encrypted) : null,
              significance: s?.significance_encrypted ? secrets.tryDecrypt(s.significance_encrypted) : null,
              selected: c.selected,
              reasons: c.reasons,
            },
          ];
        })
        .sort((a, b) => a.domain.localeCompare(b.domain) || a.collectedOn.localeCompare(b.collectedOn)),
      feedback: round.feedback,
      feedbackOn: round.feedback_on,
      createdBy: { id: round.created_by, displayName: round.creator_name },
    };
  }

  async function reachable(trx: Queryable, ctx: RequestContext, id: string, need: 'read' | 'select') {
    const round = await repo.selectRound(trx, ctx.actor.organisationId, id);
    const allowed = round && (need === 'read' ? storiesPolicy.roundAt(ctx.actor, round.org_unit_path) : storiesPolicy.selectAt(ctx.actor, round.org_unit_path));
    if (!round || !allowed) throw new DomainError('not_found');
    return round;
  }

  return {
    /** Holds a round on candidate stories of the unit's subtree that she may read (idempotent on a client-generated id). */
    async create(ctx: RequestContext, input: ChangeRoundInput): Promise<{ round: ChangeRound; created: boolean }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const unit = await unitWhere(trx, org, input.orgUnitId, (u) => storiesPolicy.selectAt(ctx.actor, u.path));
        const period = parsePeriod(input.period);
        if (!period) throw invalidField('period', 'invalid_format');
        const ids = [...new Set(input.storyIds)];
        const found = new Map((await stories.selectStories(trx, org, ids)).map((r) => [r.id, r]));
        input.storyIds.forEach((id, i) => {
          const r = found.get(id);
          if (!r || !r.org_unit_path.startsWith(unit.path) || !storiesPolicy.read(ctx.actor, keysOf(r))) throw invalidField(`storyIds.${i}`, 'invalid_choice');
        });
        const id = input.id ?? newId();
        const created = await repo.insertRound(trx, org, { id, held_on: input.heldOn, org_unit_id: unit.id, panel: input.panel, period_from: period.from, period_to: period.to, created_by: ctx.actor.userId }, ids);
        const round = await repo.selectRound(trx, org, id);
        if (!created) {
          if (!round || !storiesPolicy.roundAt(ctx.actor, round.org_unit_path)) throw new DomainError('id_conflict');
          return { round: await present(trx, ctx, round), created: false };
        }
        await audit(trx, ctx, 'story.round', round!, { period: input.period, stories: ids.length });
        return { round: await present(trx, ctx, round!), created: true };
      });
    },

    /** The rounds of the units where she holds `case.read`. */
    async list(ctx: RequestContext): Promise<ChangeRoundList> {
      const rows = await repo.selectRounds(db, ctx.actor.organisationId, scope(ctx.actor, 'case.read'));
      return {
        items: rows.map((r) => ({ id: r.id, heldOn: r.held_on, orgUnit: { id: r.org_unit_id, code: r.org_unit_code, name: r.org_unit_name }, panel: r.panel, periodFrom: r.period_from, periodTo: r.period_to, candidates: r.candidates, chosen: r.chosen })),
      };
    },

    async get(ctx: RequestContext, id: string): Promise<ChangeRound> {
      return withTransaction(db, async (trx) => present(trx, ctx, await reachable(trx, ctx, id, 'read')));
    },

    /** The panel's choice: one story per domain among the candidates, each with its reasons; and the feedback given. */
    async select(ctx: RequestContext, id: string, input: RoundSelection): Promise<ChangeRound> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const round = await reachable(trx, ctx, id, 'select');
        const candidates = new Set((await repo.selectCandidates(trx, org, id)).map((c) => c.story_id));
        const domains = new Map((await stories.selectStories(trx, org, [...candidates])).map((r) => [r.id, r.domain]));
        const chosenDomains = new Set<string>();
        const choices = new Map<string, string>();
        input.choices.forEach((c, i) => {
          if (!candidates.has(c.storyId)) throw invalidField(`choices.${i}.storyId`, 'invalid_choice');
          const domain = domains.get(c.storyId)!;
          if (chosenDomains.has(domain)) throw invalidField(`choices.${i}.storyId`, 'one_per_domain');
          chosenDomains.add(domain);
          choices.set(c.storyId, c.reasons);
        });
        const feedbackOn = input.feedback ? (input.feedbackOn ?? (await todayOf(trx, org))) : null;
        await repo.storeSelection(trx, org, id, choices, { feedback: input.feedback, feedback_on: feedbackOn });
        await audit(trx, ctx, 'story.selection', round, { chosen: [...choices.keys()] });
        return present(trx, ctx, (await repo.selectRound(trx, org, id))!);
      });
    },

    /**
     * The donor-facing list (`GET /stories/selected`, shown by the semester report): the anonymised
     * texts of stories chosen in rounds of the period, under the unit, whose storyteller's consent
     * to the donor report holds today. Never a story without that consent, nor past its expiry.
     */
    async selected(ctx: RequestContext, q: { period: string; program?: string | undefined; orgUnitId: string }): Promise<SelectedStories> {
      const org = ctx.actor.organisationId;
      const period = parsePeriod(q.period);
      if (!period) throw invalidField('period', 'invalid_format');
      const unit = await unitWhere(db, org, q.orgUnitId, (u) => storiesPolicy.donorListAt(ctx.actor, u.path));
      const rows = await repo.selectDonorStories(db, org, { from: period.from, to: period.to, unitPath: unit.path, program: q.program ?? null, today: await todayOf(db, org) });
      return { items: rows.map((r) => ({ storyId: r.story_id, roundId: r.round_id, heldOn: r.held_on, domain: r.domain, anonymisedText: r.anonymised_text })) };
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
