import { z } from 'zod';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { programCodes } from '../domain/programs.ts';
import { sexes } from '../domain/registry.ts';
import { audiences, cascadeAgeGroupCodes, circuitEntries, trainingKinds, trainingModalities, traineeKinds } from '../domain/cascades.ts';

// Awareness cascades (issue 14): trainings and their attendance, the people trained, the cascade
// sessions they lead (group sessions with an audience: services.contract.ts), and disclosures.

const Words = text().trim().min(1).max(200);

export const TrainingInput = z
  .object({
    /** Client-generated: a retried creation is applied once. */
    id: Id.optional(),
    program: z.enum(programCodes),
    orgUnitId: Id,
    kind: z.enum(trainingKinds),
    theme: Words,
    startOn: PastDate,
    endOn: PastDate,
    modality: z.enum(trainingModalities).default('in_person'),
    /** Trainers from outside, partner organisations (free text). */
    partner: text().trim().max(200).nullable().default(null),
    /** A training given by a person trained before (the cascade's next level). */
    ledByTraineeId: Id.nullable().default(null),
  })
  .refine((t) => t.endOn >= t.startOn, { path: ['endOn'], message: 'ends_before_start' });
export type TrainingInput = z.infer<typeof TrainingInput>;

export const TraineeInput = z.object({
  id: Id.optional(),
  kind: z.enum(traineeKinds),
  /** A professional's name; for a child or young person, a first name or pseudonym only. */
  name: Words,
  sex: z.enum(sexes),
  birthYear: z.number().int().min(1900).nullable().default(null),
  /** The organisation she works for (professionals) or the association that follows her (peer educators). */
  organisation: text().trim().max(200).nullable().default(null),
  function: text().trim().max(200).nullable().default(null),
});
export type TraineeInput = z.infer<typeof TraineeInput>;

/** Adds a trainee to a training: one already known (`traineeId`) or a new one (`trainee`). */
export const AttendanceInput = z
  .object({ traineeId: Id.nullable().default(null), trainee: TraineeInput.nullable().default(null), attended: z.boolean().default(true) })
  .refine((a) => (a.traineeId === null) !== (a.trainee === null), { path: ['traineeId'], message: 'trainee_or_new' });
export type AttendanceInput = z.infer<typeof AttendanceInput>;
export const SetAttended = z.object({ attended: z.boolean() });

export const Trainee = TraineeInput.required({ id: true }).extend({ trainings: z.number().int(), sessionsLed: z.number().int() });
export type Trainee = z.infer<typeof Trainee>;
export const TraineeQuery = PageQuery.extend({ search: text().trim().max(100).optional() });
export const TraineePage = pageOf(Trainee);

export const TrainingSummary = z.object({
  id: Id,
  program: z.enum(programCodes),
  orgUnit: z.object({ id: Id, name: text() }),
  kind: z.enum(trainingKinds),
  theme: text(),
  startOn: text(),
  endOn: text(),
  modality: z.enum(trainingModalities),
  partner: text().nullable(),
  ledBy: z.object({ id: Id, name: text() }).nullable(),
  enrolled: z.number().int(),
  attended: z.number().int(),
  /** Cascade sessions and trainings led by its trainees. */
  sessions: z.number().int(),
  trainings: z.number().int(),
  /** Persons sensitised by those sessions. */
  sensitised: z.number().int(),
});
export type TrainingSummary = z.infer<typeof TrainingSummary>;
export const TrainingQuery = PageQuery.extend({ program: z.enum(programCodes).optional(), from: z.iso.date().optional(), to: z.iso.date().optional() });
export const TrainingPage = pageOf(TrainingSummary);

export const AttendanceRow = z.object({ trainee: Trainee, attended: z.boolean() });

/** A cascade session as the tree shows it. */
export const CascadeSession = z.object({
  id: Id,
  date: text(),
  theme: text(),
  audience: z.enum(audiences).nullable(),
  ledBy: z.object({ id: Id, name: text() }).nullable(),
  sensitised: z.number().int(),
  disclosures: z.number().int(),
});
export type CascadeSession = z.infer<typeof CascadeSession>;

/**
 * A level of the cascade, flat (the tree is rebuilt from the links): a training, its trainees with
 * the sessions each led from it and the ids of the trainings she gave after it (nodes of the same
 * list), the sessions of the training no trainee of it led, and where it hangs (`parent`: the
 * training and the trainee who gave it; null for the root).
 */
export const CascadeNode = z.object({
  training: TrainingSummary,
  parent: z.object({ trainingId: Id, traineeId: Id }).nullable(),
  trainees: z.array(z.object({ trainee: Trainee, attended: z.boolean(), sessions: z.array(CascadeSession), trainingIds: z.array(Id) })),
  sessions: z.array(CascadeSession),
});
export type CascadeNode = z.infer<typeof CascadeNode>;

/** A training with its attendance and its cascade: the training itself first, then each level below it. */
export const Training = z.object({ training: TrainingSummary, attendance: z.array(AttendanceRow), cascade: z.array(CascadeNode) });
export type Training = z.infer<typeof Training>;

/** A disclosure: during or after a session; anonymous or a registered person's. */
export const DisclosureInput = z.object({
  id: Id.optional(),
  date: PastDate,
  program: z.enum(programCodes),
  orgUnitId: Id,
  groupSessionId: Id.nullable().default(null),
  /** The registered person (her record id), when she is known; else anonymous. */
  beneficiaryId: Id.nullable().default(null),
  /** For an anonymous disclosure, what reports need (a registered person's come from her record). */
  sex: z.enum(sexes).nullable().default(null),
  ageGroup: z.enum(cascadeAgeGroupCodes).nullable().default(null),
  /** What was disclosed (the organisation's violence types), when said. */
  violenceType: text().trim().max(64).nullable().default(null),
  note: text().trim().max(2000).nullable().default(null),
});
export type DisclosureInput = z.infer<typeof DisclosureInput>;

/** The disclosure enters the care circuit: a case opened for the person, or a referral sent to a directory service. */
export const CircuitEntryInput = z.discriminatedUnion('entry', [
  z.object({ entry: z.literal('case_opened'), caseId: Id }),
  z.object({ entry: z.literal('referral_sent'), serviceId: Id, on: PastDate }),
]);
export type CircuitEntryInput = z.infer<typeof CircuitEntryInput>;

export const Disclosure = z.object({
  id: Id,
  date: text(),
  program: z.enum(programCodes),
  orgUnit: z.object({ id: Id, name: text() }),
  session: z.object({ id: Id, date: text(), theme: text(), audience: z.enum(audiences).nullable() }).nullable(),
  person: z.object({ id: Id, code: text() }).nullable(),
  sex: z.enum(sexes).nullable(),
  ageGroup: text().nullable(),
  violenceType: text().nullable(),
  note: text().nullable(),
  entry: z.enum(circuitEntries).nullable(),
  enteredOn: text().nullable(),
  caseId: Id.nullable(),
  service: z.object({ id: Id, name: text() }).nullable(),
  /** Entered the circuit within 7 days. */
  inTime: z.boolean(),
  /** Days since the disclosure while it has not entered the circuit (the worklist's urgency). */
  waitingDays: z.number().int().nullable(),
  recordedBy: text(),
});
export type Disclosure = z.infer<typeof Disclosure>;
export const DisclosureQuery = PageQuery.extend({
  status: z.enum(['waiting', 'entered', 'any']).default('any'),
  program: z.enum(programCodes).optional(),
  groupSessionId: Id.optional(),
});
export const DisclosurePage = pageOf(Disclosure);
