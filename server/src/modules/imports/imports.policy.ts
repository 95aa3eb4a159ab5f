import { isInScope, type Permission } from '@relais/core';
import { isSystemActor, scope, type Actor } from '../../context/index.ts';

/** Who may import what where (pure). */
export const importsPolicy = {
  /**
   * May this importer write a row of `permission` at the unit `unitPath`? A user within her
   * scope; the operator's command line (no actor, or the system actor) anywhere in the organisation.
   */
  importAt: (actor: Actor | null, permission: Permission, unitPath: string): boolean => actor === null || isSystemActor(actor) || isInScope(scope(actor, permission), unitPath),
} as const;
