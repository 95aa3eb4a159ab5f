import type { FieldIssue } from '../errors.ts';
import { splitCode, type CodeScheme } from './code-scheme.ts';

/**
 * What a code unique says about the person, and whether the record agrees with it: one rule for
 * the registration form (which fills sex and birth year from the code), the API, the importer and
 * the offline sync (which refuse a record that contradicts its code).
 */

/** The part of a code for a component kind, or null when the scheme has none. */
function partOf(scheme: CodeScheme, code: string, kind: 'birth_year' | 'sex'): string | null {
  const index = scheme.components.findIndex((c) => c.kind === kind);
  return index < 0 ? null : (splitCode(scheme, code)[index] ?? null);
}

/** The birth year read from a valid code, when the scheme has one and it is known (not 9999 / 99); two digits are read in the last century or this one. */
export function birthYearFromCode(scheme: CodeScheme, code: string, thisYear = new Date().getFullYear()): number | null {
  const component = scheme.components.find((c) => c.kind === 'birth_year');
  const value = partOf(scheme, code, 'birth_year');
  if (!component || component.kind !== 'birth_year' || !value || !/^\d+$/.test(value) || /^9+$/.test(value)) return null;
  if (component.digits === 4) return Number(value);
  const yy = Number(value);
  const century = yy > thisYear % 100 ? 1900 : 2000;
  return century + yy;
}

/** The sex letter read from a valid code (F, M or T), or null when the scheme has none. */
export function sexLetterFromCode(scheme: CodeScheme, code: string): string | null {
  return partOf(scheme, code, 'sex') || null;
}

/** The record's sex for a code's sex letter, when the letter says it (T, trans, does not). */
export function sexOfCodeLetter(letter: string | null): 'F' | 'M' | null {
  return letter === 'F' || letter === 'M' ? letter : null;
}

/**
 * Checks the sex and birth year entered for a person against her code, when the organisation's
 * scheme carries them: a code's F or M must be the recorded sex, a code's known year the recorded
 * birth year (with two digits, its last two). A value not entered (null) or a part unknown in the
 * code (9999) is not checked. Issues name the field (`at` prefixes it, e.g. `rows.3.`).
 */
export function checkCodeAgainstPerson(scheme: CodeScheme, code: string, person: { sex?: string | null; birthYear?: number | null }, at = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const letter = sexLetterFromCode(scheme, code);
  const sex = sexOfCodeLetter(letter);
  if (sex && person.sex && person.sex !== sex) issues.push({ field: `${at}sex`, code: 'code_mismatch', params: { value: letter! } });
  const component = scheme.components.find((c) => c.kind === 'birth_year');
  const year = partOf(scheme, code, 'birth_year');
  if (component?.kind === 'birth_year' && year && /^\d+$/.test(year) && !/^9+$/.test(year) && person.birthYear !== null && person.birthYear !== undefined) {
    const recorded = component.digits === 4 ? person.birthYear : person.birthYear % 100;
    if (recorded !== Number(year)) issues.push({ field: `${at}birthYear`, code: 'code_mismatch', params: { value: year } });
  }
  return issues;
}
