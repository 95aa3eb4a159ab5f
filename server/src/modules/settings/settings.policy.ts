import { holdsAtRoot, type Actor } from '../../context/index.ts';

/** Who may do what with the organisation's settings (pure; checked before any data access). */
export const settingsPolicy = {
  /** Every organisation-wide setting (registry, program services, indicators, DHIS2 mapping): administrators of the root unit. */
  change: (actor: Actor): boolean => holdsAtRoot(actor, 'settings.manage'),
} as const;
