import { holdsAt, holdsFor, programScope, type Actor } from '../../context/index.ts';
import type { StoryReader } from './stories.repository.ts';

/** A story as the policy sees it: who collected it, its unit and program. */
export interface StoryKeys {
  collectedBy: string;
  unitPath: string;
  program: string;
}

/**
 * Who may do what with change stories (pure; the service checks before any data access). A story
 * is case data: its collector, and the roles granted `case.read` (`case.write` to change it) for
 * its program on its unit. Selection rounds: the roles with `case.read` on the round's unit.
 * The donor-facing list of anonymised texts: whoever reads reports of the unit.
 */
export const storiesPolicy = {
  /** Collect a story at a unit in a program. */
  collectAt: (actor: Actor, unit: { path: string; active: boolean }, program: string): boolean => unit.active && holdsFor(actor, 'case.write', unit.path, program),
  read: (actor: Actor, s: StoryKeys): boolean => s.collectedBy === actor.userId || holdsFor(actor, 'case.read', s.unitPath, s.program),
  write: (actor: Actor, s: StoryKeys): boolean => s.collectedBy === actor.userId || holdsFor(actor, 'case.write', s.unitPath, s.program),
  reader: (actor: Actor): StoryReader => ({ userId: actor.userId, places: programScope(actor, 'case.read') }),
  /** Hold a selection round at a unit, or read one. */
  roundAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'case.read', unitPath),
  /** Choose the stories of a round (and give the feedback). */
  selectAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'case.write', unitPath),
  /** The anonymised texts chosen for the donor report of a unit. */
  donorListAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'report.read', unitPath),
} as const;
