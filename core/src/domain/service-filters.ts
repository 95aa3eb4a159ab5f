import { openedWithinPep, type IncidentTime } from './cases.ts';
import type { ServiceFilter } from './indicators.ts';

/**
 * Which services an indicator counts, as pure predicates: the one statement of these rules.
 * The report engine and the report facts run the same rules in SQL, compiled from these
 * constants by one function (server `modules/reports/service-filter.sql.ts`); a database
 * test checks that the SQL and these predicates agree case by case.
 */

/** The service that is an outreach contact (never given at the premises). */
export const OUTREACH_SERVICE = 'outreach_contact';
/** The strategy of a service given at the premises; a service without a strategy counts as it. */
export const PREMISES_STRATEGY = 'fixed';

/** The fields of a service the filter rules read. */
export interface FilteredService {
  service: string;
  result: string | null;
  kind: string | null;
  strategy: string | null;
  modality: string | null;
  /** Was it given at an outreach site (a site unit recorded on the service)? */
  atSite: boolean;
  /** An STI consultation's `treated` (absent or null: not recorded). */
  treated?: boolean | null;
  /** The case of the program it was recorded in (absent or null: none), for `inCase` and `pepWithin72h`. */
  inCase?: { incident: IncidentTime | null; openedAt: string } | null;
}

/** The field filters of a service filter, each with the service field it reads. */
export const filterFields = ['result', 'kind', 'strategy', 'modality'] as const;

/**
 * At the premises (*au local*): not at an outreach site, not an outreach contact, and with the
 * fixed strategy (a mobile test is not at the premises; a service without a strategy is).
 */
export function isAtPremises(s: Pick<FilteredService, 'service' | 'strategy' | 'atSite'>): boolean {
  return !s.atSite && s.service !== OUTREACH_SERVICE && (s.strategy ?? PREMISES_STRATEGY) === PREMISES_STRATEGY;
}

/**
 * Does one service pass a filter? `reach`: the program's reach services (for `services: 'reach'`).
 * `amongReached` is about the person, not the service: the caller checks it. `inCase`: only a
 * service recorded in a case; `pepWithin72h`: only in a case opened within the post-exposure
 * window of its incident (`openedWithinPep`; an incident without a date fails it).
 */
export function matchesServiceFilter(filter: ServiceFilter, s: FilteredService, reach: readonly string[] = []): boolean {
  const services = filter.services === 'reach' ? reach : filter.services;
  if (services && !services.includes(s.service)) return false;
  for (const field of filterFields) {
    const wanted = filter[field];
    const value = s[field];
    if (wanted && (value === null || !wanted.includes(value))) return false;
  }
  if (filter.treated && s.treated !== true) return false;
  if ((filter.inCase || filter.pepWithin72h) && !s.inCase) return false;
  if (filter.pepWithin72h && !(s.inCase?.incident && openedWithinPep(s.inCase.incident, s.inCase.openedAt))) return false;
  return !filter.atPremises || isAtPremises(s);
}
