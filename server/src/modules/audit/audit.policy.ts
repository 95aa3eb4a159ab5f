import { scope, type Actor } from '../../context/index.ts';

/** Who may read the audit trail (pure). */
export const auditPolicy = {
  /** The subtrees whose events she reads (events of the organisation itself: root-scoped readers). */
  readableUnits: (actor: Actor): string[] => scope(actor, 'audit.read'),
} as const;
