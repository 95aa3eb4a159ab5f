import { DomainError, type AnonymousRecord, type AnonymousTally, type AnonymousTallyInput } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { checkPlace } from '../capture/index.ts';
import { findUnit, unitWhere } from '../org-units/index.ts';
import { followServices } from '../stock/index.ts';
import * as repo from './anonymous.repository.ts';
import { HARM_REDUCTION, harmReductionPolicy } from './harm-reduction.policy.ts';

function toRecord(r: repo.AnonymousRow): AnonymousRecord {
  return {
    id: r.id,
    tallyId: r.tally_id,
    date: r.service_date,
    orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
    site: r.site_id ? { id: r.site_id, name: r.site_name ?? '?' } : null,
    service: r.service as AnonymousRecord['service'],
    count: r.count,
    quantity: r.quantity,
    by: r.by ?? '',
  };
}

/**
 * Anonymous tallies (ADR 0029): what a unit or site gave people without a code on a day. Checked
 * like a contact's place (capture's `checkPlace`, program harm reduction); the items they hand out
 * are taken from the stock of the site or unit (stock's `followServices`), given back on deletion.
 */
export function createAnonymousService(db: Queryable) {
  return {
    /** Records a tally; a retried save (same id) is applied once. */
    async record(ctx: RequestContext, input: AnonymousTallyInput): Promise<{ tally: AnonymousTally; created: boolean }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const tallyId = input.id ?? newId();
        const existing = await repo.selectTally(trx, org, tallyId);
        if (existing.length) return { tally: { tallyId, items: existing.map(toRecord) }, created: false };
        const place = await checkPlace(trx, ctx, { orgUnitId: input.orgUnitId, siteId: input.siteId, program: HARM_REDUCTION });
        const lines = input.lines.map((l) => ({
          id: newId(),
          tally_id: tallyId,
          org_unit_id: place.unit.id,
          site_id: place.site?.id ?? null,
          program: HARM_REDUCTION,
          service_date: input.date,
          service: l.service,
          count: l.count,
          quantity: l.quantity,
          created_by: ctx.actor.userId,
        }));
        await repo.insertAnonymousLines(trx, org, lines);
        await followServices(trx, org, lines.map((l) => l.id), 'anonymous_service');
        await recordAudit(trx, whoOf(ctx), {
          action: 'anonymous.record',
          entityType: 'anonymous_tally',
          entityId: tallyId,
          orgUnit: { id: place.unit.id, path: place.unit.path },
          details: { date: input.date, site: place.site?.code ?? null, lines: input.lines.map((l) => `${l.service}:${l.count}${l.quantity === null ? '' : `/${l.quantity}`}`) },
        });
        return { tally: { tallyId, items: (await repo.selectTally(trx, org, tallyId)).map(toRecord) }, created: true };
      });
    },

    /** The tallies of a unit on a day. */
    async list(ctx: RequestContext, q: { orgUnitId: string; date: string }): Promise<{ items: AnonymousRecord[] }> {
      const org = ctx.actor.organisationId;
      const unit = await unitWhere(db, org, q.orgUnitId, (u) => harmReductionPolicy.readAt(ctx.actor, u));
      return { items: (await repo.selectDay(db, org, unit.id, q.date)).map(toRecord) };
    },

    /** Deletes a line of a tally (its items go back to the stock). */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      const org = ctx.actor.organisationId;
      await withTransaction(db, async (trx) => {
        const line = await repo.selectLine(trx, org, id);
        const unit = line ? await findUnit(trx, org, line.org_unit_id) : undefined;
        if (!line || !unit || !harmReductionPolicy.writeAt(ctx.actor, unit)) throw new DomainError('not_found');
        await repo.markLineDeleted(trx, org, id);
        await followServices(trx, org, [id], 'anonymous_service');
        await recordAudit(trx, whoOf(ctx), {
          action: 'anonymous.delete',
          entityType: 'anonymous_tally',
          entityId: line.tally_id,
          orgUnit: { id: unit.id, path: unit.path },
          details: { date: line.service_date, service: line.service, count: line.count, quantity: line.quantity },
        });
      });
    },
  };
}
export type AnonymousService = ReturnType<typeof createAnonymousService>;
