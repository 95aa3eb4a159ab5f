import { fieldIssuesOf, type FieldIssue, type SchemaIssue } from '@relais/core';

interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

export type Validation<T> = { ok: true; data: T } | { ok: false; fields: FieldIssue[] };

/** Validates form input with the core contract, the same schema and the same field issues as the server. */
export function validate<T>(schema: SafeParser<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: fieldIssuesOf(result.error.issues, input) };
}
