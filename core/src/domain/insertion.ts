/**
 * Insertion (issue 17, "Insertion"; ADR 0033): a person's pathway towards work, as AHSUD's
 * rehabilitation and insertion unit follows it over months — vocational initiation (a training,
 * completed or not), mediation with an employer, an internship, a job or self-employment. Each is
 * a step with its dates; the indicators count people trained, placed and still employed 6 months
 * after the start of a placement. Pure: the server's SQL, the screens and the tests read these.
 */

/** The kinds of step, in the order of a pathway. Labels `insertion_step.<kind>`. */
export const insertionStepKinds = ['training', 'mediation', 'internship', 'job', 'self_employment'] as const;
export type InsertionStepKind = (typeof insertionStepKinds)[number];

/** The steps that say whether they were completed (a training, an internship). */
export const completableSteps: readonly InsertionStepKind[] = ['training', 'internship'];

/** A placement: work that pays (a job or self-employment). "Placed" and "still employed" count these. */
export const placementSteps: readonly InsertionStepKind[] = ['job', 'self_employment'];

/** How long after the start of a placement a person is asked to be still at work. */
export const EMPLOYED_AFTER_MONTHS = 6;

/** A step's span: from its start to its end (the last day; open when no end). */
export interface InsertionSpan {
  kind: InsertionStepKind;
  startDate: string;
  endDate: string | null;
}

/** Is she at work (a job or self-employment) on a day: a placement started on or before it and not ended before it? */
export function employedOn(steps: readonly InsertionSpan[], day: string): boolean {
  return steps.some((s) => placementSteps.includes(s.kind) && s.startDate <= day && (s.endDate === null || s.endDate >= day));
}
