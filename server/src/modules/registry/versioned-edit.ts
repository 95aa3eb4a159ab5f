import { DomainError, splitEdit, type EditConflictDetail, type FieldValue, type UpdateBeneficiary } from '@relais/core';
import type { Updateable } from 'kysely';
import type { Database, Queryable } from '../../db/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import * as repo from './registry.repository.ts';
import { registryPolicy } from './registry.policy.ts';

/** A person's editable fields: the API's name (as `field_versions` keys them) → the column. */
const columns = {
  populations: 'populations',
  sex: 'sex',
  genderIdentity: 'gender_identity',
  birthYear: 'birth_year',
  entryDoor: 'entry_door',
  'profile.maritalStatus': 'marital_status',
  'profile.schooling': 'schooling',
  'profile.housing': 'housing',
  'profile.occupation': 'occupation',
  'profile.childrenInCharge': 'children_in_charge',
  'profile.healthCoverage': 'health_coverage',
  phone: 'phone_encrypted',
  contactConsent: 'contact_consent',
  notes: 'notes',
} as const;
type Field = keyof typeof columns;

/** An update as field → value (profile fields as `profile.x`), the fields it names only. */
function editOf(patch: UpdateBeneficiary): Record<string, FieldValue> {
  const { profile, baseVersion: _base, ...rest } = patch;
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = k === 'populations' ? [...new Set(v as string[])] : (v as FieldValue);
  for (const [k, v] of Object.entries(profile ?? {})) if (v !== undefined) out[`profile.${k}`] = v as FieldValue;
  return out;
}

/**
 * Splits an update against the record as it stands (ADR 0036): the columns to write (only the
 * fields that change: the same value sent again writes nothing, so a retried edit is a no-op) or
 * an `edit_conflict` naming each field the server changed since `baseVersion` and the update sets
 * to another value. The server's phone and notes are shown only to whoever may read them.
 */
export async function columnsToWrite(trx: Queryable, ctx: RequestContext, row: repo.BeneficiaryRow, patch: UpdateBeneficiary, secrets: Secrets): Promise<Updateable<Database['beneficiary']>> {
  const base = patch.baseVersion;
  if (base !== undefined && base > row.version) throw new DomainError('validation_failed', { fields: [{ field: 'baseVersion', code: 'too_big', params: { max: row.version } }] });
  const current: Record<string, FieldValue> = {};
  for (const [field, column] of Object.entries(columns)) current[field] = row[column] as FieldValue;
  current.phone = row.phone_encrypted ? secrets.tryDecrypt(row.phone_encrypted) : null;
  const { changes, conflicts } = splitEdit(editOf(patch), current, row.field_versions, base);
  if (conflicts.length) {
    const names = await repo.userNames(trx, ctx.actor.organisationId, [...new Set(conflicts.flatMap((c) => (c.change?.by ? [c.change.by] : [])))]);
    const hidden = (field: string) => (field === 'phone' && !registryPolicy.seeContactDetails(ctx.actor)) || (field === 'notes' && !registryPolicy.seeNotes(ctx.actor));
    const detail: EditConflictDetail = {
      version: row.version,
      fields: conflicts.map((c) => ({
        field: c.field,
        server: hidden(c.field) ? null : c.server,
        mine: c.mine,
        changedAt: c.change?.at ? new Date(c.change.at).toISOString() : null,
        changedBy: c.change?.by ? { id: c.change.by, displayName: names.get(c.change.by) ?? '?' } : null,
        ...(hidden(c.field) ? { hidden: true } : {}),
      })),
    };
    throw new DomainError('edit_conflict', { conflict: detail });
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    const column = columns[field as Field];
    out[column] = field === 'phone' ? (value ? secrets.encrypt(value as string) : null) : value;
  }
  return out as Updateable<Database['beneficiary']>;
}
