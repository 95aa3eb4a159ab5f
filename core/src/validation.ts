/**
 * From schema issues to the field issues of the API and the forms, and from a field issue to
 * its sentence. One mapping for the server, the command line and the browser, so a field says
 * the same thing wherever it is checked: which field, what is wrong, what is expected.
 */
import type { FieldIssue, ValidationCode } from './errors.ts';
import type { Locale } from './contracts/common.ts';
import { fieldLabel, hasKey, translate, type MessageKey } from './i18n/index.ts';
import { codeProblemFromParams, describeCodeProblem } from './i18n/registry-text.ts';

/**
 * The documented text formats, each with an example. `format.<name>` in the catalogues says
 * in words what is expected; an `invalid_format` issue carries `{format, example}`.
 */
export const textFormats = {
  organisation_code: 'ASSO',
  unit_code: 'CASA',
  username: 'amina.ep',
  totp: '492039',
  population_code: 'PS',
  phone: '+212 6 00 11 22 33',
  date: '2024-03-15',
  date_time: '2024-03-15T14:30',
  date_or_date_time: '2024-03-15T14:30',
  month: '2024-03',
  period: '2024-S1',
  indicator_code: 'tested_lt25',
  dhis2_period: '2024Q3',
  uuid: '0b5e6f0e-2c1a-4d3e-9f4b-7a8c9d0e1f2a',
  json: '{"name": "Casablanca"}',
  time: '08:30',
  directory_code: 'legal_aid',
  country: 'MA',
  byday: 'MO,TU,WE',
  directory_phone: '+212 537 00 00 00',
  stock_item_code: 'condoms',
  service_code: 'douche',
} as const;
export type TextFormat = keyof typeof textFormats;

/** Formats zod knows by itself (`z.uuid()`, `z.iso.date()`), under our names. */
const builtinFormats: Readonly<Record<string, TextFormat>> = { uuid: 'uuid', date: 'date' };

function isTextFormat(name: string): name is TextFormat {
  return Object.prototype.hasOwnProperty.call(textFormats, name);
}

/** An `invalid_format` issue of a field, with what is expected. */
export function formatIssue(field: string, format: TextFormat): FieldIssue {
  return { field, code: 'invalid_format', params: { format, example: textFormats[format] } };
}

/** The part of a schema issue the mapping needs (structural: the browser need not import zod's types). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly message?: string;
  readonly format?: string;
  readonly keys?: readonly string[];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** The core's refinements name their rule in the message (`PastDate` → 'future'). */
const customCodes: Readonly<Record<string, ValidationCode>> = {
  future: 'future_date',
  not_offered: 'invalid_choice',
  required: 'required',
  invalid_characters: 'invalid_characters',
  closes_before_opening: 'closes_before_opening',
  one_parent: 'one_parent',
  service_or_type: 'service_or_type',
  ends_before_start: 'ends_before_start',
  trainee_or_new: 'trainee_or_new',
  not_applicable: 'not_applicable',
  same_unit: 'same_unit',
};

function oneIssue(issue: SchemaIssue, field: string, value: unknown): FieldIssue {
  const missing = value === undefined || value === null;
  const blank = missing || (typeof value === 'string' && value.trim() === '');
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return { field, code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { field, code: 'invalid_type' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return blank ? { field, code: 'required' } : { field, code: 'too_short', params: { min } };
      return { field, code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string' ? { field, code: 'too_long', params: { max } } : { field, code: 'too_big', params: { max } };
    }
    case 'invalid_format': {
      if (blank) return { field, code: 'required' };
      const named = issue.message?.startsWith('format:') ? issue.message.slice('format:'.length) : builtinFormats[issue.format ?? ''];
      return named && isTextFormat(named) ? formatIssue(field, named) : { field, code: 'invalid_format' };
    }
    case 'invalid_value':
      return { field, code: 'invalid_choice' };
    case 'custom':
      return { field, code: customCodes[issue.message ?? ''] ?? 'invalid' };
    default:
      return { field, code: 'invalid' };
  }
}

/**
 * Schema issues as field issues with our validation codes, one per field (enough for a person
 * to act on). `input` tells a missing field from a wrong one; `prefix` is prepended to paths.
 */
export function fieldIssuesOf(issues: readonly SchemaIssue[], input: unknown, prefix: readonly string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const pathParts = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) out.push({ field: [...pathParts, key].join('.'), code: 'unknown_field' });
      continue;
    }
    out.push(oneIssue(issue, pathParts.join('.'), valueAt(input, issue.path)));
  }
  const seen = new Set<string>();
  return out.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true)));
}

/** The name an organisation gave a field of its own (a defined service's field: `label_fr`… on the issue). */
function ownLabel(locale: Locale, issue: FieldIssue): string | undefined {
  const label = issue.params?.[`label_${locale}`];
  return typeof label === 'string' ? label : undefined;
}

/**
 * One field issue in words: the field's label, what is wrong, and what is expected
 * (`Code : format invalide — attendu : 1 à 32 lettres ou chiffres…, ex. CASA.`). A field the
 * organisation named (a defined service's) is called by its name, whatever `label` says (an
 * import's column is its key).
 */
export function describeFieldIssue(locale: Locale, issue: FieldIssue, label = fieldLabel(locale, issue.field)): string {
  const params: Record<string, string | number> = { ...issue.params, field: ownLabel(locale, issue) ?? label };
  if (issue.code === 'invalid_code') {
    // A malformed code unique: say which part is wrong, in words.
    if (!issue.params?.problem) return translate(locale, 'validation.invalid', params);
    params.detail = describeCodeProblem(locale, codeProblemFromParams(issue.params));
  }
  if (issue.code === 'unit_mismatch' && typeof issue.params?.stockUnit === 'string') {
    // The item's unit in the reader's language.
    params.unit = translate(locale, `stock_unit.${issue.params.stockUnit}` as MessageKey);
  }
  if (issue.code === 'invalid_format') {
    const format = String(issue.params?.format ?? '');
    const key = `format.${format}`;
    if (!isTextFormat(format) || !hasKey(key)) return translate(locale, 'validation.invalid_format_plain', params);
    params.expected = translate(locale, key);
    params.example = textFormats[format];
  }
  return translate(locale, `validation.${issue.code}` as MessageKey, params);
}
