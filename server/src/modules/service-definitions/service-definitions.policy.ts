import { holdsAtRoot, type Actor } from '../../context/index.ts';

/** Who may do what with the services an organisation defines (pure; checked before any data access). */
export const serviceDefinitionsPolicy = {
  /** Define, change or retire a service: a program setting of the organisation, `program.manage` at the root unit. */
  define: (actor: Actor): boolean => holdsAtRoot(actor, 'program.manage'),
} as const;
