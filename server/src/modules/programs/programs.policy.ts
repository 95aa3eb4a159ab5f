import { holdsAtRoot, type Actor } from '../../context/index.ts';

/** Who may do what with programs (pure; checked before any data access). */
export const programsPolicy = {
  /** Enable or disable a program of the organisation: `program.manage` at the root unit. */
  manage: (actor: Actor): boolean => holdsAtRoot(actor, 'program.manage'),
} as const;
