import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

// The directory's writes. Tables and columns are constants of this file (never input); values are
// parameters. Rows are written many at a time (the HSDS import writes thousands in one transaction).

export type DirectoryTable =
  | 'directory_organization'
  | 'directory_service'
  | 'directory_service_area'
  | 'directory_location'
  | 'directory_service_at_location'
  | 'directory_schedule'
  | 'directory_contact'
  | 'directory_phone';

type Value = string | number | boolean | null | readonly string[] | Date;
export type Row = Record<string, Value>;

/** Array values go as text[] (PostgreSQL arrays of text: languages, documents, days). */
function param(v: Value) {
  return Array.isArray(v) ? sql`${v}::text[]` : sql`${v}`;
}

/**
 * Inserts rows (all with the same columns), `on conflict (key)` updating the other columns —
 * or doing nothing when `update` is false. In chunks, under the parameter limit of PostgreSQL.
 */
export async function upsertRows(db: Queryable, table: DirectoryTable, rows: readonly Row[], opts: { key?: readonly string[]; update?: boolean } = {}): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const key = opts.key ?? ['id'];
  const updated = columns.filter((c) => !key.includes(c));
  const chunk = Math.max(1, Math.floor(30000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => sql`(${sql.join(columns.map((c) => param(r[c] ?? null)))})`);
    const onConflict =
      opts.update === false || !updated.length
        ? sql`do nothing`
        : sql`do update set ${sql.join(updated.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}${table === 'directory_service' || table === 'directory_organization' || table === 'directory_location' || table === 'directory_contact' ? sql`, updated_at = now()` : sql``}`;
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}
      on conflict (${sql.join(key.map((c) => sql.ref(c)))}) ${onConflict}`.execute(db);
  }
}

/** Deletes the rows of `table` whose `column` is one of `ids` (children replaced as a whole: areas, sites, phones). */
export async function deleteWhere(db: Queryable, table: DirectoryTable, column: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = any(${ids}::uuid[])`.execute(db);
}

/** Updates some columns of one row (and its `updated_at`). */
export async function updateRow(db: Queryable, table: DirectoryTable, id: string, values: Row): Promise<void> {
  const sets = Object.entries(values).map(([c, v]) => sql`${sql.ref(c)} = ${param(v)}`);
  await sql`update ${sql.table(table)} set ${sql.join(sets)}, updated_at = now() where id = ${id}`.execute(db);
}

const verifiable = { organization: 'directory_organization', service: 'directory_service', location: 'directory_location', contact: 'directory_contact' } as const;

/** "Still true": verified now (or at `at`) by `by`. False when there is no such entry. */
export async function markVerified(db: Queryable, resource: keyof typeof verifiable, id: string, by: string, at?: string): Promise<boolean> {
  const r = await sql`update ${sql.table(verifiable[resource])} set verified_at = coalesce(${at ?? null}::timestamptz, now()), verified_by = ${by}
    where id = ${id}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** One changed field, creation or verification (HSDS metadata). */
export interface ChangeRow {
  resource: 'organization' | 'service' | 'location' | 'contact';
  resource_id: string;
  action: 'create' | 'update' | 'verify' | 'replace' | 'import';
  field: string | null;
  previous_value: string | null;
  replacement_value: string | null;
  changed_by: string;
  changed_by_user: string | null;
}

export async function insertChanges(db: Queryable, changes: readonly ChangeRow[]): Promise<void> {
  const chunk = 3000;
  for (let i = 0; i < changes.length; i += chunk) {
    const values = changes
      .slice(i, i + chunk)
      .map((c) => sql`(${c.resource}, ${c.resource_id}, ${c.action}, ${c.field}, ${c.previous_value}, ${c.replacement_value}, ${c.changed_by}, ${c.changed_by_user})`);
    await sql`insert into directory_change (resource, resource_id, action, field, previous_value, replacement_value, changed_by, changed_by_user)
      values ${sql.join(values)}`.execute(db);
  }
}

export async function insertTerritory(db: Queryable, t: { id: string; code: string; name_fr: string; name_ar: string | null; coordinating_organisation_id: string | null }): Promise<boolean> {
  const r = await sql`insert into territory (id, code, name_fr, name_ar, coordinating_organisation_id)
    values (${t.id}, ${t.code}, ${t.name_fr}, ${t.name_ar}, ${t.coordinating_organisation_id}) on conflict (code) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function upsertTaxonomyTerm(db: Queryable, t: { code: string; label_fr: string; label_ar: string; label_en: string }): Promise<void> {
  await sql`insert into directory_taxonomy_term (code, label_fr, label_ar, label_en, position)
    values (${t.code}, ${t.label_fr}, ${t.label_ar}, ${t.label_en}, (select coalesce(max(position), 0) + 1 from directory_taxonomy_term))
    on conflict (code) do update set label_fr = excluded.label_fr, label_ar = excluded.label_ar, label_en = excluded.label_en`.execute(db);
}

export async function putDirectorySetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await sql`insert into directory_setting (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(db);
}
