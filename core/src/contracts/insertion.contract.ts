import { z } from 'zod';
import { Id, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { completableSteps, insertionStepKinds } from '../domain/insertion.ts';

// Insertion (issue 17, ADR 0033): the steps of a person's pathway towards work.

const StepFields = {
  /** The training's name, the employer, the activity of her own business: what a colleague reads first. */
  activity: text().trim().min(1).max(120),
  startDate: PastDate,
  /** The last day (planned or past); null while it goes on. */
  endDate: z.iso.date().nullable().default(null),
  /** A training or an internship: completed (true), dropped (false), not known yet (null). Null for the others. */
  completed: z.boolean().nullable().default(null),
  note: text().trim().max(500).nullable().default(null),
};

type StepShape = { kind: (typeof insertionStepKinds)[number]; startDate: string; endDate: string | null; completed: boolean | null };
function checkStep(s: StepShape, ctx: z.RefinementCtx): void {
  if (s.endDate !== null && s.endDate < s.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'ends_before_start' });
  if (s.completed !== null && !completableSteps.includes(s.kind)) ctx.addIssue({ code: 'custom', path: ['completed'], message: 'not_applicable' });
  else if (s.completed === true && s.endDate === null) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'required' });
}

/** A new step of a person's pathway, followed by a unit of the harm-reduction program. */
export const InsertionStepInput = z
  .object({ id: Id.optional(), beneficiaryId: Id, orgUnitId: Id, kind: z.enum(insertionStepKinds), ...StepFields })
  .superRefine(checkStep);
export type InsertionStepInput = z.infer<typeof InsertionStepInput>;

/** A step corrected or followed up (its end, whether completed): said again whole; the person and the unit stay. */
export const InsertionStepUpdate = z.object({ kind: z.enum(insertionStepKinds), ...StepFields }).superRefine(checkStep);
export type InsertionStepUpdate = z.infer<typeof InsertionStepUpdate>;

export const InsertionStep = z.object({
  id: Id,
  beneficiary: z.object({ id: Id, code: text() }),
  orgUnit: z.object({ id: Id, name: text() }),
  kind: z.enum(insertionStepKinds),
  activity: text(),
  startDate: text(),
  endDate: text().nullable(),
  completed: z.boolean().nullable(),
  note: text().nullable(),
  by: text(),
});
export type InsertionStep = z.infer<typeof InsertionStep>;
export const InsertionStepList = z.object({ items: z.array(InsertionStep) });
export const InsertionStepQuery = z.object({ beneficiaryId: Id });
export const InsertionStepParams = z.object({ id: Id });
