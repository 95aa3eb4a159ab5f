import { holdsAt, programScope, type Actor } from '../../context/index.ts';
import { settingsPolicy } from '../settings/index.ts';

/** Who may do what with reports, indicators, targets and DHIS2 (pure; checked before any data access). */
export const reportsPolicy = {
  /** What her reports count: the places she reads reports of, each with its programs. */
  readScope: (actor: Actor) => programScope(actor, 'report.read'),
  /** Targets of a unit: `target.manage` there. */
  setTargetsAt: (actor: Actor, unitPath: string): boolean => holdsAt(actor, 'target.manage', unitPath),
  /** The organisation's own indicators. */
  changeIndicators: settingsPolicy.change,
  /** The DHIS2 mapping of the organisation. */
  changeDhis2Mapping: settingsPolicy.change,
} as const;
