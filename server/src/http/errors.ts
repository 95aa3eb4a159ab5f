import {
  type DomainError,
  describeFieldIssue,
  translate,
  type ApiErrorBody,
  type ErrorCode,
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
  totp_required: 401,
  totp_invalid: 401,
  totp_setup_required: 403,
  totp_required_by_organisation: 409,
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
  case_already_open: 409,
  person_erased: 409,
  case_closed: 409,
  merge_open_cases: 409,
  directory_read_only: 403,
  consent_required: 422,
  transition_not_allowed: 409,
  ost_already_on: 409,
  ost_episode_ended: 409,
  edit_conflict: 409,
  internal: 500,
};

/** One field issue in words: the field's label, what is wrong, what is expected (core's `describeFieldIssue`). */
export const fieldIssueMessage = describeFieldIssue;

/** The translated body of an error response. */
export function errorBody(error: DomainError, locale: Locale, requestId?: string): ApiErrorBody {
  const fields = error.fields.map((f) => ({ ...f, message: fieldIssueMessage(locale, f) }));
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: translate(locale, `error.${error.code}` as MessageKey, error.params),
      ...(fields.length ? { fields } : {}),
      ...(Object.keys(error.params).length ? { params: error.params } : {}),
      ...(error.conflict ? { conflict: error.conflict } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
  return body;
}
