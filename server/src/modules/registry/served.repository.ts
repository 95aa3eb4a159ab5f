import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

const BATCH = 5000;

/**
 * Adds the units where persons are now known through a service (`via = 'served'`); a place already
 * known keeps its date. Returns the persons newly known somewhere.
 */
export async function insertServedUnits(db: Queryable, organisationId: string, places: readonly { personId: string; unitId: string; since: string }[]): Promise<Set<string>> {
  const added = new Set<string>();
  for (let i = 0; i < places.length; i += BATCH) {
    const b = places.slice(i, i + BATCH);
    const rows = await sql<{ beneficiary_id: string }>`
      insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
      select ${organisationId}::uuid, r.person, r.unit, r.d, 'served'
      from unnest(${b.map((p) => p.personId)}::uuid[], ${b.map((p) => p.unitId)}::uuid[], ${b.map((p) => p.since)}::date[]) as r(person, unit, d)
      on conflict do nothing
      returning beneficiary_id`.execute(db);
    for (const r of rows.rows) added.add(r.beneficiary_id);
  }
  return added;
}

/**
 * Moves persons' last-seen date forward; a person newly known in a unit is touched too, so
 * that unit's field phones receive the record at their next pull.
 */
export async function updateLastSeen(db: Queryable, organisationId: string, seen: readonly { personId: string; date: string }[], newlyKnown: ReadonlySet<string>): Promise<void> {
  const known = [...newlyKnown];
  for (let i = 0; i < seen.length; i += BATCH) {
    const b = seen.slice(i, i + BATCH);
    await sql`
      update beneficiary as x set last_seen_on = greatest(x.last_seen_on, r.d), updated_at = now()
      from unnest(${b.map((s) => s.personId)}::uuid[], ${b.map((s) => s.date)}::date[]) as r(id, d)
      where x.organisation_id = ${organisationId} and x.id = r.id and (r.d > x.last_seen_on or x.id = any(${known}::uuid[]))`.execute(db);
  }
}

/** Records by id with where they were merged (a batch of services checks its persons at once). */
export async function selectMergedInto(db: Queryable, organisationId: string, ids: readonly string[]): Promise<{ id: string; merged_into: string | null }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('beneficiary').select(['id', 'merged_into']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

/** Records by code with where they were merged (an import names persons by code), one query per 5 000. */
export async function selectIdsByCodes(db: Queryable, organisationId: string, codes: readonly string[]): Promise<Map<string, { id: string; merged_into: string | null }>> {
  const out = new Map<string, { id: string; merged_into: string | null }>();
  for (let i = 0; i < codes.length; i += BATCH) {
    const rows = await db
      .selectFrom('beneficiary')
      .select(['id', 'code', 'merged_into'])
      .where('organisation_id', '=', organisationId)
      .where(sql<boolean>`code = any(${sql.val(codes.slice(i, i + BATCH))}::text[])`)
      .execute();
    for (const r of rows) out.set(r.code, { id: r.id, merged_into: r.merged_into });
  }
  return out;
}
