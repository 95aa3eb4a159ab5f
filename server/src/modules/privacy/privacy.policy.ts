import { holdsAtRoot, programScope, type Actor } from '../../context/index.ts';

/** Who may exercise the person's rights for the organisation (pure; checked before any data access; ADR 0026). */
export const privacyPolicy = {
  /**
   * Where the actor may erase a person or export what is held about her: the subtrees where she
   * holds `person.rights` for every program (administrators). Her rights reach everything held
   * about her, a gbv case too: an administrator of some programs only does not see it all.
   */
  personUnits: (actor: Actor): string[] => programScope(actor, 'person.rights').filter((p) => p.programs === null).map((p) => p.path),
  /** Retention periods and the register of processing are the organisation's: administrators of the root unit. */
  organisation: (actor: Actor): boolean => holdsAtRoot(actor, 'settings.manage'),
} as const;
