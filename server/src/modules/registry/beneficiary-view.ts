import type { Beneficiary } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import * as repo from './registry.repository.ts';
import { registryPolicy } from './registry.policy.ts';

/** How a record reads: whole for one reader (`presentBeneficiary`), or summarised for lists (`summarise`). */

/** The record as this reader may see it: her units only; phone and notes by permission (reading the phone is audited). */
export async function presentBeneficiary(trx: Queryable, ctx: RequestContext, row: repo.BeneficiaryRow, secrets: Secrets): Promise<Beneficiary> {
  const org = ctx.actor.organisationId;
  const readable = registryPolicy.readableUnits(ctx.actor);
  const [units, aliases, users, unitInfo] = await Promise.all([
    repo.unitsOf(trx, org, [row.id]),
    repo.aliasesOf(trx, org, row.id),
    repo.userNames(trx, org, row.registered_by ? [row.registered_by] : []),
    repo.unitNames(trx, org, [row.registered_unit_id]),
  ]);
  const mayContact = registryPolicy.seeContactDetails(ctx.actor);
  const registeredUnit = unitInfo.get(row.registered_unit_id)!;
  return {
    id: row.id,
    code: row.code,
    aliases,
    populations: row.populations,
    sex: row.sex as Beneficiary['sex'],
    genderIdentity: row.gender_identity as Beneficiary['genderIdentity'],
    birthYear: row.birth_year,
    registeredOn: row.registered_on,
    registeredUnit: { id: row.registered_unit_id, code: registeredUnit.code, name: registeredUnit.name },
    registeredBy: row.registered_by ? { id: row.registered_by, displayName: users.get(row.registered_by) ?? '?' } : null,
    entryDoor: row.entry_door as Beneficiary['entryDoor'],
    profile: {
      maritalStatus: row.marital_status as Beneficiary['profile']['maritalStatus'],
      schooling: row.schooling as Beneficiary['profile']['schooling'],
      housing: row.housing as Beneficiary['profile']['housing'],
      occupation: row.occupation as Beneficiary['profile']['occupation'],
      childrenInCharge: row.children_in_charge,
      healthCoverage: row.health_coverage as Beneficiary['profile']['healthCoverage'],
    },
    phone: mayContact && row.phone_encrypted ? secrets.tryDecrypt(row.phone_encrypted) : null,
    hasPhone: row.phone_encrypted !== null,
    contactConsent: row.contact_consent,
    notes: registryPolicy.seeNotes(ctx.actor) ? row.notes : null,
    units: units
      .filter((u) => readable.some((p) => u.path.startsWith(p)))
      .map((u) => ({ id: u.org_unit_id, code: u.code, name: u.name, since: u.since })),
    lastSeenOn: row.last_seen_on,
    mergedInto: row.merged_into,
    erasedAt: row.erased_at ? new Date(row.erased_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

/** Summaries of records for lists, with unit and worker names. */
export async function summarise(
  db: Queryable,
  org: string,
  rows: Array<{ id: string; code: string; populations: string[]; sex: string; birth_year: number | null; registered_on: string; registered_unit_id: string; registered_by: string | null; last_seen_on: string; score?: number }>,
) {
  const [units, users] = await Promise.all([
    repo.unitNames(db, org, [...new Set(rows.map((r) => r.registered_unit_id))]),
    repo.userNames(db, org, [...new Set(rows.map((r) => r.registered_by).filter((x): x is string => Boolean(x)))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    populations: r.populations,
    sex: r.sex as 'F' | 'M' | 'X',
    birthYear: r.birth_year,
    registeredOn: r.registered_on,
    registeredUnit: { id: r.registered_unit_id, ...(units.get(r.registered_unit_id) ?? { code: '?', name: '?' }) },
    registeredBy: r.registered_by ? { id: r.registered_by, displayName: users.get(r.registered_by) ?? '?' } : null,
    lastSeenOn: r.last_seen_on,
    ...(r.score !== undefined ? { score: Math.round(Number(r.score) * 100) / 100 } : {}),
  }));
}
