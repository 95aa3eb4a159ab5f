import { holds, type Actor } from '../../context/index.ts';
import type { Ownership } from './directory-rows.ts';

/**
 * Who may do what with the directory (pure; the service checks before writing). The directory is
 * the network's: everyone signed in reads it. An organisation on Relais maintains its own entries
 * (`directory.write`: administrators, coordinators); a network coordinator (`directory.manage`)
 * maintains the entries serving the territories her organisation coordinates, and the entries of
 * organisations that serve no territory yet. Documented in docs/roles.md.
 */
export const directoryPolicy = {
  read: (_actor: Actor): boolean => true,
  /** Change (or verify) an entry, given who owns it and which organisations coordinate its territories. */
  edit: (actor: Actor, entry: Ownership): boolean =>
    (holds(actor, 'directory.write') && entry.owner_org === actor.organisationId) ||
    (holds(actor, 'directory.manage') && (entry.territory_orgs.includes(actor.organisationId) || (entry.owner_org === null && entry.territory_orgs.length === 0))),
  /** Add an organisation to the directory: her own (directory.write) or the network's (directory.manage). */
  addOrganization: (actor: Actor): 'own' | 'network' | null => (holds(actor, 'directory.manage') ? 'network' : holds(actor, 'directory.write') ? 'own' : null),
  /** Create a territory (her organisation coordinates it), change the taxonomy and the settings. */
  manage: (actor: Actor): boolean => holds(actor, 'directory.manage'),
  /** Import or export the directory as HSDS (the network's coordinators). */
  exchange: (actor: Actor): boolean => holds(actor, 'directory.manage'),
} as const;
