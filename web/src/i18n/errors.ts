import { describeFieldIssue, type ErrorCode, type Locale } from '@relais/core';
import { ApiError, type ApiFieldIssue } from '../api/client.ts';
import type { I18n } from './i18n.tsx';

/** Field path → translated message, for showing next to each field. */
export type FieldErrors = Record<string, string>;

/** The sentence for an error of any kind (API code, network, or unexpected). */
export function describeError(i18n: Pick<I18n, 't'>, error: unknown): string {
  if (error instanceof ApiError) return i18n.t(`error.${error.code}`, error.params);
  return i18n.t('error.internal');
}

/** Translates field issues as the server does (core's `describeFieldIssue`: field, what is wrong, what is expected). */
export function fieldErrorsOf(i18n: Pick<I18n, 'locale'>, issues: readonly ApiFieldIssue[], locale: Locale = i18n.locale): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    if (out[issue.field]) continue;
    // The server's sentence when it sent one for an issue the core cannot word (an invalid code without its problem).
    out[issue.field] = issue.code === 'invalid_code' && !issue.params?.problem && issue.message ? issue.message : describeFieldIssue(locale, issue);
  }
  return out;
}

/** Domain errors that are about one field of the forms: shown next to that field too. */
const fieldOfCode: Partial<Record<ErrorCode, string>> = {
  username_taken: 'username',
  organisation_code_taken: 'organisation.code',
  org_unit_code_taken: 'code',
  wrong_password: 'currentPassword',
  beneficiary_exists: 'code',
  beneficiary_exists_elsewhere: 'code',
  population_unknown: 'populations',
};

/** Field errors carried by an API error (empty for other errors). */
export function fieldErrorsOfError(i18n: Pick<I18n, 't' | 'locale'>, error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out = fieldErrorsOf(i18n, error.fields);
  const field = error.code === 'network' ? undefined : fieldOfCode[error.code];
  if (field && !out[field]) out[field] = i18n.t(`error.${error.code}`, error.params);
  return out;
}
