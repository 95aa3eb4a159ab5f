import { holdsAt, scope, type Actor } from '../../context/index.ts';

/** Who may do what with org units (pure; services check before any data access). */
export const orgUnitsPolicy = {
  /** The subtrees she sees. */
  readableUnits: (actor: Actor): string[] => scope(actor, 'org_unit.read'),
  /** A unit outside what she reads does not exist for her. */
  see: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'org_unit.read', unitPath),
  /** Create under, change, move or move under a unit: `org_unit.manage` there. */
  manage: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'org_unit.manage', unitPath),
  /** The root unit stands for the organisation: it is never moved nor deactivated. */
  moveOrDeactivate: (unit: { parent_id: string | null }): boolean => unit.parent_id !== null,
} as const;
