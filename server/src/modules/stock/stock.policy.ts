import { isInScope } from '@relais/core';
import { holdsAtRoot, scope, type Actor } from '../../context/index.ts';

/**
 * Who may do what with stock. Stock is read where one records services or reads reports (a
 * worker, her units; a coordinator, her subtrees); it is moved by holders of `stock.manage`
 * (coordinators, administrators) on their subtrees; the organisation's items are defined at its
 * root.
 */
export const stockPolicy = {
  /** The subtrees whose stock one reads (outermost only). */
  readablePaths(actor: Actor): string[] {
    const paths = [...new Set([...scope(actor, 'service.write'), ...scope(actor, 'report.read')])].sort((a, b) => a.length - b.length);
    const kept: string[] = [];
    for (const p of paths) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
    return kept;
  },
  /** May one record a movement at this unit? */
  move: (actor: Actor, unitPath: string): boolean => isInScope(scope(actor, 'stock.manage'), unitPath),
  /** May one define the organisation's items? */
  defineItems: (actor: Actor): boolean => holdsAtRoot(actor, 'stock.manage'),
};
