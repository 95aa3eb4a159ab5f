import { daysBetween } from './cases.ts';
/**
 * Awareness cascades (issue 14, AMANE): trainings (training of trainers, thematic trainings for
 * professionals, peer-educator trainings for children and young people) with their attendance;
 * the people trained then lead cascade sessions (group sessions with an audience, counts by sex
 * and age group, disability), so a cascade is a tree from each training to what it produced.
 * A disclosure made during or after a session is recorded and can enter the care circuit.
 */
export const trainingKinds = ['training_of_trainers', 'thematic', 'peer_educators'] as const;
export type TrainingKind = (typeof trainingKinds)[number];

export const trainingModalities = ['in_person', 'online', 'hybrid'] as const;

/** Who a trainee is: staff of a partner organisation, or a child or young person trained as a peer educator. */
export const traineeKinds = ['professional', 'peer_educator'] as const;
export type TraineeKind = (typeof traineeKinds)[number];

/** Who a cascade session is for. */
export const audiences = ['children', 'parents', 'professionals', 'community'] as const;
export type Audience = (typeof audiences)[number];

/**
 * Age groups of cascade audiences (the sessions are held with children of 9–12 and 12–15, their
 * parents, professionals): one set of codes, in order; `unknown` when no age is known.
 */
export const cascadeAgeGroups = [
  { code: '0-8', max: 8 },
  { code: '9-11', min: 9, max: 11 },
  { code: '12-14', min: 12, max: 14 },
  { code: '15-17', min: 15, max: 17 },
  { code: '18-24', min: 18, max: 24 },
  { code: '25+', min: 25 },
] as const satisfies ReadonlyArray<{ code: string; min?: number; max?: number }>;
export type CascadeAgeGroup = (typeof cascadeAgeGroups)[number]['code'];
export const cascadeAgeGroupCodes = cascadeAgeGroups.map((g) => g.code) as [CascadeAgeGroup, ...CascadeAgeGroup[]];
export const UNKNOWN_AGE_GROUP = 'unknown';

/** The age group of an age (null: not known). */
export function ageGroupOf(age: number | null): CascadeAgeGroup | typeof UNKNOWN_AGE_GROUP {
  if (age === null || age < 0) return UNKNOWN_AGE_GROUP;
  return cascadeAgeGroups.find((g) => (!('min' in g) || age >= g.min) && (!('max' in g) || age <= g.max))?.code ?? UNKNOWN_AGE_GROUP;
}

/** How many days a disclosure may wait before entering the care circuit and still count as timely. */
export const DISCLOSURE_CIRCUIT_DAYS = 7;

/** How a disclosure entered the care circuit. */
export const circuitEntries = ['case_opened', 'referral_sent'] as const;
export type CircuitEntry = (typeof circuitEntries)[number];

/** Did a disclosure enter the circuit within the window (7 days, the day of the disclosure being day 0)? */
export function enteredInTime(disclosedOn: string, enteredOn: string | null): boolean {
  if (enteredOn === null) return false;
  const days = daysBetween(disclosedOn, enteredOn);
  return days >= 0 && days <= DISCLOSURE_CIRCUIT_DAYS;
}

/**
 * What the cascade indicators count (docs/indicators.md, "Cascade indicators"):
 * - `people_trained`: distinct trainees present at a training that ended in the period;
 * - `cascade_sessions`: group sessions led by a person trained (or attached to a training) in the period;
 * - `persons_sensitised`: attendances at cascade sessions in the period (anonymous counts plus identified attendees);
 * - `disclosures`: disclosures recorded in the period;
 * - `disclosures_in_circuit`: of those, the ones that entered the care circuit (a case opened, a referral sent) within 7 days.
 */
export const cascadeCounts = ['people_trained', 'cascade_sessions', 'persons_sensitised', 'disclosures', 'disclosures_in_circuit'] as const;
export type CascadeCount = (typeof cascadeCounts)[number];
