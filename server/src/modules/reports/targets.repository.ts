import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

/** One target: an indicator's expected value for a program, a unit and a period. */
export interface TargetRow {
  indicator: string;
  program: string;
  unitId: string;
  period: string;
  value: number;
}

/** The organisation's targets by `indicator|program|unit|period`. */
export async function selectTargetValues(db: Queryable, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('target').select(['indicator', 'program', 'org_unit_id', 'period', 'value']).where('organisation_id', '=', organisationId).execute();
  return new Map(rows.map((t) => [targetKey({ indicator: t.indicator, program: t.program, unitId: t.org_unit_id, period: t.period }), Number(t.value)]));
}

export const targetKey = (t: Omit<TargetRow, 'value'>): string => `${t.indicator}|${t.program}|${t.unitId}|${t.period}`;

/** Sets targets in bulk (a target already set takes the new value), one statement per 5 000. */
export async function upsertTargets(db: Queryable, organisationId: string, targets: readonly TargetRow[]): Promise<void> {
  for (let i = 0; i < targets.length; i += 5000) {
    const b = targets.slice(i, i + 5000);
    await sql`
      insert into target (organisation_id, indicator, program, org_unit_id, period, value)
      select ${organisationId}::uuid, r.indicator, r.program, r.unit, r.period, r.value
      from unnest(${b.map((t) => t.indicator)}::text[], ${b.map((t) => t.program)}::text[], ${b.map((t) => t.unitId)}::uuid[], ${b.map((t) => t.period)}::text[],
        ${b.map((t) => String(t.value))}::numeric[]) as r(indicator, program, unit, period, value)
      on conflict (organisation_id, indicator, program, org_unit_id, period) do update set value = excluded.value, updated_at = now()`.execute(db);
  }
}
