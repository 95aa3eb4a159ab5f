import { holdsFor, programScope, type Actor } from '../../context/index.ts';
import type { CaseReader } from './cases.repository.ts';

/** A case as the policy sees it: its team, unit and program. */
export interface CaseKeys {
  caseWorkerId: string;
  coWorkerIds: readonly string[];
  unitPath: string;
  program: string;
}

const onTeam = (actor: Actor, c: CaseKeys): boolean => c.caseWorkerId === actor.userId || c.coWorkerIds.includes(actor.userId);

/**
 * Who may do what with cases (pure; the service checks before any data access). Case data is
 * more sensitive than the registry: the case team, and the roles granted `case.read` for the
 * case's program on its unit (coordinators, social workers, clinicians by default). Never another
 * organisation, nor a unit outside the reader's subtrees (referrals with consent will be the one door).
 */
export const casesPolicy = {
  /** Open a case at a unit in a program. */
  openAt: (actor: Actor, unit: { path: string; active: boolean }, program: string): boolean => unit.active && holdsFor(actor, 'case.write', unit.path, program),
  /** Read a case: on its team, or `case.read` for its program on its unit. */
  read: (actor: Actor, c: CaseKeys): boolean => onTeam(actor, c) || holdsFor(actor, 'case.read', c.unitPath, c.program),
  /** Change a case (plan, appointments, notes, closing): on its team, or `case.write` for its program on its unit. */
  write: (actor: Actor, c: CaseKeys): boolean => onTeam(actor, c) || holdsFor(actor, 'case.write', c.unitPath, c.program),
  /** Case notes: the team, and readers who also hold `note.read` there. */
  readNotes: (actor: Actor, c: CaseKeys): boolean => onTeam(actor, c) || (holdsFor(actor, 'case.read', c.unitPath, c.program) && holdsFor(actor, 'note.read', c.unitPath, c.program)),
  /** The case settings (typology, days before a case is at risk). */
  reader: (actor: Actor): CaseReader => ({ userId: actor.userId, places: programScope(actor, 'case.read') }),
} as const;
