import type { z } from 'zod';
import {
  DomainError,
  describeCodeProblem,
  codeProblemFromParams,
  fieldLabel,
  translate,
  type ApiErrorBody,
  type ErrorCode,
  type FieldIssue,
  type Locale,
  type MessageKey,
} from '@relais/core';

/** Every domain error code and its HTTP status: the one place codes meet HTTP (exhaustive by type). */
export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  csrf_invalid: 403,
  forbidden: 403,
  not_found: 404,
  invalid_credentials: 401,
  login_throttled: 429,
  wrong_password: 400,
  account_inactive: 403,
  setup_already_done: 409,
  setup_required: 409,
  organisation_code_taken: 409,
  org_unit_code_taken: 409,
  org_unit_parent_invalid: 400,
  org_unit_has_children: 409,
  username_taken: 409,
  cannot_change_own_access: 409,
  last_administrator: 409,
  program_unknown: 400,
  id_conflict: 409,
  beneficiary_exists: 409,
  beneficiary_exists_elsewhere: 409,
  merge_invalid: 400,
  merge_already_undone: 409,
  merge_not_last: 409,
  indicator_in_use: 409,
  indicator_mapped: 409,
  dhis2_nothing_to_export: 409,
  population_unknown: 400,
  encryption_key_missing: 500,
  register_no_locked: 409,
  file_unreadable: 400,
  file_missing_columns: 400,
  import_rejected: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  database_busy: 503,
  internal: 500,
};

/** Turns zod issues into field issues with our validation codes. `input` tells a missing field from a wrong one. */
export function fieldIssuesOf(issues: readonly z.core.$ZodIssue[], input: unknown, prefix: string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const pathParts = [...prefix, ...issue.path.map(String)];
    const field = pathParts.join('.');
    const value = valueAt(input, issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: [...pathParts, key].join('.'), code: 'unknown_field' });
      continue;
    }
    if (value === undefined || value === null) {
      if (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') {
        out.push({ field, code: 'required' });
        continue;
      }
    }
    switch (issue.code) {
      case 'invalid_type':
        out.push({ field, code: 'invalid_type' });
        break;
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') {
          const blank = typeof value === 'string' && value.trim() === '';
          out.push(blank ? { field, code: 'required' } : { field, code: 'too_short', params: { min } });
        } else out.push({ field, code: 'too_small', params: { min } });
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        out.push(issue.origin === 'string' ? { field, code: 'too_long', params: { max } } : { field, code: 'too_big', params: { max } });
        break;
      }
      case 'invalid_format':
        out.push({ field, code: 'invalid_format' });
        break;
      case 'invalid_value':
        out.push({ field, code: 'invalid_choice' });
        break;
      case 'custom':
        out.push({ field, code: issue.message === 'future' ? 'future_date' : issue.message === 'not_offered' ? 'invalid_choice' : issue.message === 'required' ? 'required' : 'invalid' });
        break;
      default:
        out.push({ field, code: 'invalid' });
    }
  }
  // One message per field is enough for a person to act on.
  const seen = new Set<string>();
  return out.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true)));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** One field issue in words: the field's label and what is wrong with it. */
export function fieldIssueMessage(locale: Locale, f: FieldIssue, label = fieldLabel(locale, f.field)): string {
  const params: Record<string, string | number> = { ...f.params, field: label };
  // A malformed code unique: say which part is wrong, in words.
  if (f.code === 'invalid_code' && f.params?.problem) params.detail = describeCodeProblem(locale, codeProblemFromParams(f.params));
  return translate(locale, `validation.${f.code}` as MessageKey, params);
}

/** The translated body of an error response. */
export function errorBody(error: DomainError, locale: Locale, requestId?: string): ApiErrorBody {
  const fields = error.fields.map((f) => ({ ...f, message: fieldIssueMessage(locale, f) }));
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: translate(locale, `error.${error.code}` as MessageKey, error.params),
      ...(fields.length ? { fields } : {}),
      ...(Object.keys(error.params).length ? { params: error.params } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  return body;
}

/** A validation error for one field. */
export function invalidField(field: string, code: FieldIssue['code'], params?: FieldIssue['params']): DomainError {
  return new DomainError('validation_failed', { fields: [{ field, code, ...(params ? { params } : {}) }] });
}
