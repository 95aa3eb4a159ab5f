import { sql } from 'kysely';
import type { CircuitStepInput } from '@relais/core';
import type { Queryable } from '../../db/index.ts';

// Care circuits and their revisions (the network's, like the directory: no organisation column).

export interface CircuitRow {
  id: string;
  territory_id: string;
  territory_code: string;
  territory_fr: string;
  territory_ar: string | null;
  coordinating_organisation_id: string | null;
  case_type: string;
  title_fr: string;
  title_ar: string | null;
}

export interface RevisionRow {
  circuit_id: string;
  number: number;
  validated_on: string;
  validated_by: string;
  note: string | null;
  steps: CircuitStepInput[];
  created_by: string;
  created_at: string;
}

const circuitSelect = sql`select c.id, c.territory_id, t.code as territory_code, t.name_fr as territory_fr, t.name_ar as territory_ar,
  t.coordinating_organisation_id, c.case_type, c.title_fr, c.title_ar from care_circuit c join territory t on t.id = c.territory_id`;

export async function selectCircuits(db: Queryable, f: { id?: string; territory?: string; caseType?: string }) {
  const parts = [sql`true`];
  if (f.id) parts.push(sql`c.id = ${f.id}`);
  if (f.territory) parts.push(sql`t.code = ${f.territory}`);
  if (f.caseType) parts.push(sql`c.case_type = ${f.caseType}`);
  const r = await sql<CircuitRow>`${circuitSelect} where ${sql.join(parts, sql` and `)} order by t.name_fr, c.title_fr`.execute(db);
  return r.rows;
}

/** Revisions of circuits, the newest first (steps only when asked). */
export async function selectRevisions(db: Queryable, circuitIds: readonly string[]) {
  if (!circuitIds.length) return [];
  const r = await sql<RevisionRow>`
    select circuit_id, number, to_char(validated_on, 'YYYY-MM-DD') as validated_on, validated_by, note, steps, created_by,
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
    from care_circuit_revision where circuit_id = any(${circuitIds}::uuid[]) order by circuit_id, number desc`.execute(db);
  return r.rows;
}

export async function insertCircuit(db: Queryable, c: { id: string; territory_id: string; case_type: string; title_fr: string; title_ar: string | null }): Promise<boolean> {
  const r = await sql`insert into care_circuit (id, territory_id, case_type, title_fr, title_ar) values (${c.id}, ${c.territory_id}, ${c.case_type}, ${c.title_fr}, ${c.title_ar})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** The next revision of a circuit (numbered after the last one). */
export async function insertRevision(db: Queryable, r: { circuit_id: string; validated_on: string; validated_by: string; note: string | null; steps: CircuitStepInput[]; created_by: string; created_by_user: string }) {
  const out = await sql<{ number: number }>`
    insert into care_circuit_revision (circuit_id, number, validated_on, validated_by, note, steps, created_by, created_by_user)
    select ${r.circuit_id}, coalesce(max(number), 0) + 1, ${r.validated_on}, ${r.validated_by}, ${r.note}, ${JSON.stringify(r.steps)}::jsonb, ${r.created_by}, ${r.created_by_user}
    from care_circuit_revision where circuit_id = ${r.circuit_id} returning number`.execute(db);
  return out.rows[0]!.number;
}

export async function lockCircuit(db: Queryable, id: string): Promise<void> {
  await sql`select id from care_circuit where id = ${id} for update`.execute(db);
}
