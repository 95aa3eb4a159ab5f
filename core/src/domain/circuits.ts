import type { BilingualText, CircuitCondition, ConditionStatus } from '../contracts/circuits.contract.ts';
import type { Locale } from '../contracts/common.ts';
import { translate } from '../i18n/index.ts';
import { isWithinHours, type IncidentTime } from './cases.ts';

/**
 * Texts of a care circuit in a language: a bilingual text in Arabic where it has one (French
 * otherwise: the network writes French first), and a step's condition in words. One function for
 * the screen, the poster and the case's "next steps", so the three say the same thing.
 */
export function textIn(locale: Locale, t: BilingualText | null): string {
  if (!t) return '';
  return locale === 'ar' ? (t.ar ?? t.fr) : t.fr;
}

export function conditionText(locale: Locale, c: CircuitCondition): string {
  switch (c.kind) {
    case 'within_hours':
      return translate(locale, 'circuit.condition.within_hours', { hours: c.hours });
    case 'text':
      return textIn(locale, c.text);
    default:
      return translate(locale, `circuit.condition.${c.kind}`);
  }
}


/** What a case says that a circuit's conditions can be checked against. */
export interface CaseCircuitFacts {
  /** The incident (date, time when known), null when the case has none. */
  incident: IncidentTime | null;
  /** The person's birth year, null when not known. */
  birthYear: number | null;
  /** The organisation's wall clock now (`YYYY-MM-DDTHH:MM`): passed in, never read here. */
  now: string;
}

/** Ages the person may have this year from a birth year alone (born in 2008: 17 or 18 in 2026). */
function possibleAges(birthYear: number | null, now: string): { min: number; max: number } | null {
  if (birthYear === null) return null;
  const year = Number(now.slice(0, 4));
  return { min: year - birthYear - 1, max: year - birthYear };
}

const ADULT_AGE = 18;

/**
 * One condition against a case. Within N hours: the care windows' rule from the incident
 * (`isWithinHours`; no incident recorded: to judge). Child or adult: from the birth year, to judge
 * when the year alone cannot tell (or is not known). Rural, urban and conditions in words: the
 * worker judges (the case does not record where the person lives).
 */
export function conditionStatus(c: CircuitCondition, facts: CaseCircuitFacts): ConditionStatus {
  const yes = (b: boolean): ConditionStatus => (b ? 'met' : 'not_met');
  switch (c.kind) {
    case 'within_hours':
      return facts.incident ? yes(isWithinHours(facts.incident, facts.now, c.hours)) : 'to_judge';
    case 'child':
    case 'adult': {
      const age = possibleAges(facts.birthYear, facts.now);
      if (!age) return 'to_judge';
      const child = age.max < ADULT_AGE;
      const adult = age.min >= ADULT_AGE;
      if (!child && !adult) return 'to_judge';
      return yes(c.kind === 'child' ? child : adult);
    }
    default:
      return 'to_judge';
  }
}

/** A step for a case: each condition's status, and whether it applies (no condition known to be unmet). */
export function stepForCase(conditions: readonly CircuitCondition[], facts: CaseCircuitFacts): { applies: boolean; conditions: ConditionStatus[] } {
  const statuses = conditions.map((c) => conditionStatus(c, facts));
  return { applies: !statuses.includes('not_met'), conditions: statuses };
}
