import { z } from 'zod';
import { Id, text } from './common.ts';
import { BilingualName, DirectoryCode, DirectoryServiceSummary } from './directory.contract.ts';

// Care circuits (issue 14): per territory and case type, the ordered steps a person goes through,
// each a directory service or "any service of this type in the territory", with conditions, what
// to bring and who accompanies. Versioned: each revision is dated and names who validated it.

/** Where a step's condition stands for a case: met, not met, or for the worker to judge (the case does not say). */
export const conditionStatuses = ['met', 'not_met', 'to_judge'] as const;
export type ConditionStatus = (typeof conditionStatuses)[number];

const Words = text().trim().min(1).max(300);
/** A text in the two languages of the posters (Arabic optional: French is shown where it is missing). */
export const BilingualText = z.object({ fr: Words, ar: Words.nullable().default(null) });
export type BilingualText = z.infer<typeof BilingualText>;

/** When a step applies: within N hours of the facts, rural or urban area, a child or an adult, or a condition in words. */
export const CircuitCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('within_hours'), hours: z.number().int().min(1).max(720) }),
  z.object({ kind: z.literal('rural') }),
  z.object({ kind: z.literal('urban') }),
  z.object({ kind: z.literal('child') }),
  z.object({ kind: z.literal('adult') }),
  z.object({ kind: z.literal('text'), text: BilingualText }),
]);
export type CircuitCondition = z.infer<typeof CircuitCondition>;

export const CircuitStepInput = z
  .object({
    title: BilingualText,
    /** A directory service… */
    serviceId: Id.nullable().default(null),
    /** …or any service of this type in the territory. */
    serviceType: DirectoryCode.nullable().default(null),
    conditions: z.array(CircuitCondition).max(5).default([]),
    bring: z.array(BilingualText).max(10).default([]),
    accompaniedBy: BilingualText.nullable().default(null),
    note: BilingualText.nullable().default(null),
  })
  .refine((s) => (s.serviceId === null) !== (s.serviceType === null), { path: ['serviceId'], message: 'service_or_type' });
export type CircuitStepInput = z.infer<typeof CircuitStepInput>;

export const CircuitRevisionInput = z.object({
  /** The coordination workshop's date. */
  validatedOn: z.iso.date(),
  /** Who validated it (`Atelier de coordination du 12 mars, Salé`). */
  validatedBy: Words,
  note: text().trim().max(2000).nullable().default(null),
  steps: z.array(CircuitStepInput).min(1).max(30),
});
export type CircuitRevisionInput = z.infer<typeof CircuitRevisionInput>;

export const CircuitInput = z.object({
  id: Id.optional(),
  territory: DirectoryCode,
  /** The case type it is for (`child_sexual_violence`, `adult_survivor`, `migrant_care`…). */
  caseType: DirectoryCode,
  title: BilingualText,
  revision: CircuitRevisionInput,
});
export type CircuitInput = z.infer<typeof CircuitInput>;

export const CircuitStep = CircuitStepInput.extend({
  /** The step's services as the directory has them now (phones, hours, stale marks). */
  services: z.array(DirectoryServiceSummary),
});
export type CircuitStep = z.infer<typeof CircuitStep>;

export const CircuitRevisionSummary = z.object({ number: z.number().int(), validatedOn: text(), validatedBy: text(), createdBy: text(), createdAt: text() });

export const Circuit = z.object({
  id: Id,
  territory: z.object({ code: text(), name: BilingualName }),
  caseType: text(),
  title: BilingualText,
  revision: CircuitRevisionSummary.extend({ note: text().nullable(), steps: z.array(CircuitStep) }),
  revisions: z.array(CircuitRevisionSummary),
  editable: z.boolean(),
});
export type Circuit = z.infer<typeof Circuit>;

export const CircuitSummary = z.object({ id: Id, territory: z.object({ code: text(), name: BilingualName }), caseType: text(), title: BilingualText, revision: CircuitRevisionSummary, steps: z.number().int() });
export type CircuitSummary = z.infer<typeof CircuitSummary>;
export const CircuitQuery = z.object({ territory: DirectoryCode.optional(), caseType: DirectoryCode.optional() });
export const CircuitRevisionParams = z.object({ id: Id, number: z.coerce.number().int().min(1) });

// A case's "next steps in the circuit": the circuit of the case's territory and type, each step's
// conditions checked against the case (`stepForCase` in core).
export const CaseCircuitQuery = z.object({
  /** The circuit's case type; absent: the territory's only circuit, else none chosen. */
  caseType: DirectoryCode.optional(),
  /** Another territory than the case unit's. */
  territory: DirectoryCode.optional(),
});
const TerritoryRef = z.object({ code: text(), name: BilingualName });
export const CaseCircuitStep = CircuitStep.extend({
  /** No condition is known to be unmet (a step that does not apply is still shown, greyed). */
  applies: z.boolean(),
  /** Each condition's status for the case, in the order of `conditions`. */
  conditionStatuses: z.array(z.enum(conditionStatuses)),
});
export type CaseCircuitStep = z.infer<typeof CaseCircuitStep>;
export const CaseCircuit = z.object({
  /** The territory of the case's unit: its own, else its nearest ancestor's; null when none has one. */
  unitTerritory: TerritoryRef.nullable(),
  /** The territory shown: the query's, else the unit's. */
  territory: TerritoryRef.nullable(),
  /** The circuits of that territory (one per case type). */
  circuits: z.array(z.object({ id: Id, caseType: text(), title: BilingualText })),
  /** The circuit chosen, its current revision's steps checked against the case; null when none is chosen. */
  circuit: z
    .object({ id: Id, caseType: text(), title: BilingualText, revision: CircuitRevisionSummary.extend({ note: text().nullable(), steps: z.array(CaseCircuitStep) }) })
    .nullable(),
  /** The organisation's wall clock the conditions were checked at (`YYYY-MM-DDTHH:MM`). */
  checkedAt: text(),
});
export type CaseCircuit = z.infer<typeof CaseCircuit>;
