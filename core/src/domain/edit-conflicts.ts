/**
 * Versioned edits of a record (ADR 0036). A record carries a `version`, raised by every change of
 * one of its fields, and, per field, the version that last changed it. An edit names the version
 * it was based on; against a newer record, each field it changes is either
 * - **merged**: the server did not change that field since the edit's base (or the edit sets the
 *   value the server already holds), or
 * - **in conflict**: the server changed that field since the base and the edit sets another value.
 * One conflict refuses the whole edit (nothing is written); the worker settles each field.
 */

/** A field's value as the API shows it (a text, number, boolean, list of codes or null). */
export type FieldValue = string | number | boolean | null | string[];

/** When a field last changed on the server: the version it made, when, by whom (null: not known). */
export interface FieldChange {
  v: number;
  at?: string | null;
  by?: string | null;
}

/** A field changed on both sides: the value now on the server and the one the edit sets. */
export interface FieldConflict {
  field: string;
  server: FieldValue;
  mine: FieldValue;
  change: FieldChange | null;
}

/** Two values are the same for an edit (lists of codes compare as sets). */
export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = [...new Set(a)].sort();
    const y = [...new Set(b)].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

/**
 * Splits an edit (field → value it sets) against the record now: what changes (`changes`, the
 * fields merged) and what conflicts. Without a base version the edit is applied as it stands
 * (the fields it names, nothing else: see ADR 0036 for who sends none).
 */
export function splitEdit(
  edit: Readonly<Record<string, FieldValue>>,
  current: Readonly<Record<string, FieldValue>>,
  changes: Readonly<Record<string, FieldChange | undefined>>,
  baseVersion: number | undefined,
): { changes: Record<string, FieldValue>; conflicts: FieldConflict[] } {
  const out: Record<string, FieldValue> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, mine] of Object.entries(edit)) {
    const server = current[field] ?? null;
    if (sameValue(mine, server)) continue;
    const change = changes[field];
    if (baseVersion !== undefined && change && change.v > baseVersion) conflicts.push({ field, server, mine, change });
    else out[field] = mine;
  }
  return { changes: out, conflicts };
}

/** The worker's choice on a field in conflict: keep her value, or the one now on the server. */
export type ConflictChoice = 'mine' | 'server';

/**
 * The edit to send again once the worker chose on each field in conflict (ADR 0036): the same
 * changes (nested as the update names them: `profile.housing` is `profile: {housing}`) without the
 * fields where she kept the server's value. It goes on the record's version the conflict gave.
 */
export function settleEdit<T extends Record<string, unknown>>(changes: T, choices: Readonly<Record<string, ConflictChoice>>): T {
  const out = JSON.parse(JSON.stringify(changes)) as Record<string, unknown>; // plain JSON values: a deep copy
  for (const [field, choice] of Object.entries(choices)) {
    if (choice !== 'server') continue;
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail === undefined) delete out[head];
    else if (out[head] && typeof out[head] === 'object') {
      const inner = out[head] as Record<string, unknown>;
      delete inner[tail];
      if (Object.keys(inner).length === 0) delete out[head];
    }
  }
  return out as T;
}

/**
 * What an edit changes: the fields of `after` whose value differs from `before`, a nested object
 * (the profile) field by field. A form sends only these, so that a field the worker did not touch
 * is never in conflict with a change made meanwhile on the server.
 */
export function editedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const was = before[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = editedFields((was ?? {}) as Record<string, unknown>, value as Record<string, unknown>);
      if (Object.keys(inner).length) out[key] = inner;
    } else if (!sameValue(was as FieldValue | undefined, value as FieldValue | undefined)) out[key] = value;
  }
  return out;
}
