import { holdsAt, type Actor } from '../../context/index.ts';

/**
 * Who may do what in harm reduction (pure). Tallies and the OST register are written where one
 * records services (`service.write`, checked with the program by capture's `checkPlace`); a unit's
 * tallies and its day of dispensing are read where one records services or reads reports.
 */
export const harmReductionPolicy = {
  /** May one read the tallies and the dispensing of this unit? */
  readAt: (actor: Actor, unit: { path: string }): boolean => holdsAt(actor, 'service.write', unit.path) || holdsAt(actor, 'report.read', unit.path),
  /** May one write the OST register of a person at this unit? */
  writeAt: (actor: Actor, unit: { path: string; active: boolean }): boolean => unit.active && holdsAt(actor, 'service.write', unit.path),
} as const;

/** The program harm reduction is recorded in. */
export const HARM_REDUCTION = 'harm_reduction' as const;
