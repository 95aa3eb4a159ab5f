import type { FieldValue } from './domain/edit-conflicts.ts';

/**
 * Domain error codes. Services throw `DomainError` with one of these codes; the
 * HTTP edge maps each code to a status once (server/src/http/errors.ts) and the
 * web translates the code through the `error.<code>` catalogue keys.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'invalid_credentials',
  'login_throttled',
  'totp_required',
  'totp_invalid',
  'totp_setup_required',
  'totp_required_by_organisation',
  'wrong_password',
  'account_inactive',
  'setup_already_done',
  'setup_required',
  'organisation_code_taken',
  'org_unit_code_taken',
  'org_unit_parent_invalid',
  'org_unit_has_children',
  'username_taken',
  'cannot_change_own_access',
  'last_administrator',
  'program_unknown',
  'id_conflict',
  'beneficiary_exists',
  'beneficiary_exists_elsewhere',
  'merge_invalid',
  'merge_already_undone',
  'merge_not_last',
  'population_unknown',
  'encryption_key_missing',
  'register_no_locked',
  'indicator_in_use',
  'indicator_mapped',
  'dhis2_nothing_to_export',
  'file_unreadable',
  'file_missing_columns',
  'import_rejected',
  'payload_too_large',
  'unsupported_media_type',
  'database_busy',
  'case_already_open',
  'case_closed',
  'merge_open_cases',
  'directory_read_only',
  'consent_required',
  'transition_not_allowed',
  'person_erased',
  'ost_already_on',
  'ost_episode_ended',
  'edit_conflict',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One invalid field of a request: `field` is the dotted path, `code` a validation code. */
export interface FieldIssue {
  field: string;
  code: ValidationCode;
  params?: Record<string, string | number>;
}

export const validationCodes = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_characters',
  'invalid_choice',
  'unknown_field',
  'invalid',
  'invalid_code',
  'future_date',
  'not_applicable',
  'taken',
  'password_common',
  'password_repeated',
  'password_sequence',
  'password_contains_name',
  'no_participant',
  'register_no_format',
  'register_year',
  'unknown_reference',
  'duplicate_in_file',
  'part_of_ratio',
  'not_a_uid',
  'unknown_dimension',
  'not_one_of',
  'duplicate_cell',
  'duplicate_org_unit',
  'code_mismatch',
  'after_reception',
  'not_in_case',
  'case_already_open',
  'one_per_domain',
  'closes_before_opening',
  'one_parent',
  'service_or_type',
  'already_replaced',
  'territory_of_another',
  'ends_before_start',
  'trainee_or_new',
  'more_than_attendees',
  'not_same_person',
  'already_entered',
  'not_before',
  'same_unit',
  'unit_mismatch',
  'collected_no_stock',
] as const;
export type ValidationCode = (typeof validationCodes)[number];

/** An error a service can raise; carries a stable code, never an HTTP status. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly params: Record<string, string | number>;
  /** `edit_conflict` only: the fields changed on both sides (ADR 0036). */
  readonly conflict: EditConflictDetail | undefined;
  constructor(code: ErrorCode, options: { fields?: FieldIssue[]; params?: Record<string, string | number>; message?: string; conflict?: EditConflictDetail } = {}) {
    super(options.message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.conflict = options.conflict;
  }
}

/**
 * What an `edit_conflict` carries (ADR 0036; its schema: `EditConflict` in the beneficiaries
 * contract): the record's version now, and each field changed both on the server since the
 * edit's base and by the edit, with the value now on the server, the edit's value, when and by
 * whom the server's value was set (null when not known).
 */
export interface EditConflictDetail {
  version: number;
  fields: Array<{
    field: string;
    server: FieldValue;
    mine: FieldValue;
    changedAt: string | null;
    changedBy: { id: string; displayName: string } | null;
    /** The server's value is not shown to this reader (a phone, notes): `server` is null. */
    hidden?: boolean;
  }>;
}

/** A validation error for one field (what a service throws when one input is wrong). */
export function invalidField(field: string, code: ValidationCode, params?: FieldIssue['params']): DomainError {
  return new DomainError('validation_failed', { fields: [{ field, code, ...(params ? { params } : {}) }] });
}

/** The body of every error response of the API. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    /** Already translated in the request's language. */
    message: string;
    fields?: Array<FieldIssue & { message: string }>;
    params?: Record<string, string | number>;
    conflict?: EditConflictDetail;
    requestId?: string;
  };
}
