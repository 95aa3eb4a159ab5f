import type { FieldIssue, ValidationCode } from '@relais/core';

/** The part of a zod issue the form needs (kept structural so the web does not depend on zod itself). */
interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly message?: string;
}

interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; fields: FieldIssue[] };

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function toFieldIssue(issue: SchemaIssue, input: unknown): FieldIssue {
  const field = issue.path.map(String).join('.');
  const value = valueAt(input, issue.path);
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const num = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);
  let code: ValidationCode = 'invalid';
  const params: Record<string, number> = {};
  switch (issue.code) {
    case 'invalid_type':
      code = blank ? 'required' : 'invalid_type';
      break;
    case 'too_small':
      if (blank) {
        code = 'required';
      } else {
        code = issue.origin === 'string' ? 'too_short' : 'too_small';
        params.min = num(issue.minimum);
      }
      break;
    case 'too_big':
      code = issue.origin === 'string' ? 'too_long' : 'too_big';
      params.max = num(issue.maximum);
      break;
    case 'invalid_format':
      code = blank ? 'required' : 'invalid_format';
      break;
    case 'invalid_value':
      code = blank ? 'required' : 'invalid_choice';
      break;
    case 'unrecognized_keys':
      code = 'unknown_field';
      break;
    case 'custom':
      // The core's refinements name their rule in the message (e.g. PastDate → 'future').
      code = issue.message === 'future' ? 'future_date' : issue.message === 'required' ? 'required' : 'invalid';
      break;
  }
  return Object.keys(params).length ? { field, code, params } : { field, code };
}

/** Validates form input with the core contract, the same schema the server applies. */
export function validate<T>(schema: SafeParser<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: result.error.issues.map((issue) => toFieldIssue(issue, input)) };
}
