import { DomainError, type InsertionStep, type InsertionStepInput, type InsertionStepUpdate } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { checkPlace, personFor } from '../capture/index.ts';
import * as repo from './insertion.repository.ts';
import { HARM_REDUCTION, harmReductionPolicy } from './harm-reduction.policy.ts';

function toStep(r: repo.StepRow): InsertionStep {
  return {
    id: r.id,
    beneficiary: { id: r.beneficiary_id, code: r.beneficiary_code },
    orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
    kind: r.kind as InsertionStep['kind'],
    activity: r.activity,
    startDate: r.start_date,
    endDate: r.end_date,
    completed: r.completed,
    note: r.note,
    by: r.by ?? '',
  };
}

const valuesOf = (s: InsertionStepUpdate): repo.StepValues => ({ kind: s.kind, activity: s.activity, start_date: s.startDate, end_date: s.endDate, completed: s.completed, note: s.note });

/**
 * Insertion pathways (issue 17, ADR 0033): a person's steps towards work, written where one records
 * harm-reduction services (capture's `checkPlace` with the program) and corrected or followed up
 * there (the step's unit is the actor's); read by whoever may see the person.
 */
export function createInsertionService(db: Queryable) {
  const org = (ctx: RequestContext) => ctx.actor.organisationId;

  /** A step the actor may change (its unit is hers), else not found. */
  async function writableStep(trx: Queryable, ctx: RequestContext, id: string): Promise<repo.StepRow> {
    const s = await repo.selectStep(trx, org(ctx), id);
    if (!s || !harmReductionPolicy.writeAt(ctx.actor, { path: s.org_unit_path, active: s.org_unit_active })) throw new DomainError('not_found');
    return s;
  }
  const audit = (trx: Queryable, ctx: RequestContext, action: string, s: { beneficiary_id: string; id: string; kind: string }) =>
    recordAudit(trx, whoOf(ctx), { action, entityType: 'beneficiary', entityId: s.beneficiary_id, details: { stepId: s.id, kind: s.kind } });

  return {
    /** Adds a step to a person's pathway (idempotent on the client's id). */
    async add(ctx: RequestContext, input: InsertionStepInput): Promise<{ step: InsertionStep; created: boolean }> {
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const again = await repo.selectStep(trx, org(ctx), id, true);
        if (again) return { step: toStep(await writableStep(trx, ctx, again.id)), created: false };
        const person = await personFor(trx, ctx, input.beneficiaryId);
        const place = await checkPlace(trx, ctx, { orgUnitId: input.orgUnitId, siteId: null, program: HARM_REDUCTION });
        await repo.insertStep(trx, org(ctx), { id, beneficiary_id: person.id, org_unit_id: place.unit.id, created_by: ctx.actor.userId, ...valuesOf(input) });
        await audit(trx, ctx, 'insertion.add', { beneficiary_id: person.id, id, kind: input.kind });
        return { step: toStep((await repo.selectStep(trx, org(ctx), id))!), created: true };
      });
    },

    /** Corrects or follows up a step (its end, whether completed): the whole step said again. */
    async update(ctx: RequestContext, id: string, input: InsertionStepUpdate): Promise<InsertionStep> {
      return withTransaction(db, async (trx) => {
        const s = await writableStep(trx, ctx, id);
        await repo.updateStep(trx, org(ctx), id, valuesOf(input));
        await audit(trx, ctx, 'insertion.update', { ...s, kind: input.kind });
        return toStep((await repo.selectStep(trx, org(ctx), id))!);
      });
    },

    /** Deletes a step entered by mistake (kept, marked deleted: counted nowhere). */
    async remove(ctx: RequestContext, id: string): Promise<void> {
      await withTransaction(db, async (trx) => {
        const s = await writableStep(trx, ctx, id);
        await repo.deleteStep(trx, org(ctx), id);
        await audit(trx, ctx, 'insertion.delete', s);
      });
    },

    /** A person's pathway, oldest step first. */
    async stepsOf(ctx: RequestContext, beneficiaryId: string): Promise<{ items: InsertionStep[] }> {
      const person = await personFor(db, ctx, beneficiaryId);
      return { items: (await repo.selectStepsOf(db, org(ctx), person.id)).map(toStep) };
    },
  };
}
export type InsertionService = ReturnType<typeof createInsertionService>;
