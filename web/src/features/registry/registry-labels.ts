import { componentLabel, componentLength, type CodeScheme, type Locale } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';

type Tr = Pick<I18n, 't' | 'has'>;

/** Upper-cases the first letter (part names are written lower case inside sentences). */
export function capitalise(text: string, locale: Locale): string {
  return text ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
}

/** Label of a population code of the organisation's vocabulary: `population.<code>`, else the code itself. */
export function populationLabel(i18n: Tr, code: string): string {
  const key = `population.${code}`;
  return i18n.has(key) ? i18n.t(key) : code;
}

/** Name of a part of the code (`code_part.<label>`), lower case, for sentences. */
export function partLabel(i18n: Tr, part: string | undefined): string {
  if (!part) return '';
  const key = `code_part.${part}`;
  return i18n.has(key) ? i18n.t(key) : part;
}

/** The scheme in words: "prénom de la mère (2) + prénom du père (2) + …". */
export function describeScheme(i18n: Tr, scheme: CodeScheme): string {
  return scheme.components.map((c) => `${partLabel(i18n, componentLabel(c))} (${componentLength(c)})`).join(' + ');
}

/** Sample attributes, to show what a scheme gives (synthetic: no real person). */
export const sampleAttributes = {
  mother_first_name: 'Fatima',
  father_first_name: 'Mohamed',
  first_name: 'Samira',
  surname: 'Alaoui',
  birth_year: 1985,
  birth_day: 7,
  birth_month: 3,
  sex: 'F',
  birth_order: 2,
  district: 'CASA01',
} as const;

/** Today as `YYYY-MM-DD` in the device's time zone (the date the worker lives). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

