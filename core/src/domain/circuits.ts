import type { BilingualText, CircuitCondition } from '../contracts/circuits.contract.ts';
import type { Locale } from '../contracts/common.ts';
import { translate } from '../i18n/index.ts';

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
