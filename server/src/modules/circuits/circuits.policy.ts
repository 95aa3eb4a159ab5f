import { holds, type Actor } from '../../context/index.ts';

/**
 * Who may do what with care circuits (pure). Everyone signed in reads them (a worker shows the
 * next steps to the person she follows); the network coordinators of the organisation coordinating
 * a territory draw and revise its circuits (the coordination workshop validates each revision).
 */
export const circuitsPolicy = {
  read: (_actor: Actor): boolean => true,
  edit: (actor: Actor, territory: { coordinating_organisation_id: string | null }): boolean =>
    holds(actor, 'directory.manage') && territory.coordinating_organisation_id === actor.organisationId,
} as const;
