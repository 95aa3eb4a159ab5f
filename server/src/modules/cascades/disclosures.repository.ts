import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import { likePrefix } from '../../db/index.ts';
import type { Places } from './cascades.repository.ts';

// Disclosures: recorded during or after a session, anonymous or a registered person's; they enter
// the care circuit by a case opened or a referral sent to a directory service.

export interface DisclosureRow {
  id: string;
  disclosed_on: string;
  program: string;
  org_unit_id: string;
  org_unit_name: string;
  org_unit_path: string;
  group_session_id: string | null;
  session_date: string | null;
  session_theme: string | null;
  session_audience: string | null;
  beneficiary_id: string | null;
  beneficiary_code: string | null;
  sex: string | null;
  age_group: string | null;
  violence_type: string | null;
  note_encrypted: Buffer | null;
  entry: string | null;
  entered_on: string | null;
  case_id: string | null;
  referred_service_id: string | null;
  service_name: string | null;
  created_by: string;
  recorded_by: string;
}

export async function insertDisclosure(db: Queryable, row: {
  organisation_id: string; id: string; disclosed_on: string; program: string; org_unit_id: string; group_session_id: string | null; beneficiary_id: string | null;
  sex: string | null; age_group: string | null; violence_type: string | null; note_encrypted: Buffer | null; created_by: string;
}): Promise<boolean> {
  const r = await sql`insert into disclosure (organisation_id, id, disclosed_on, program, org_unit_id, group_session_id, beneficiary_id, sex, age_group, violence_type, note_encrypted, created_by)
    values (${row.organisation_id}, ${row.id}, ${row.disclosed_on}, ${row.program}, ${row.org_unit_id}, ${row.group_session_id}, ${row.beneficiary_id}, ${row.sex}, ${row.age_group},
      ${row.violence_type}, ${row.note_encrypted}, ${row.created_by})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export interface DisclosureFilter {
  ids?: readonly string[];
  status?: 'waiting' | 'entered' | 'any';
  program?: string;
  groupSessionId?: string;
  limit?: number;
  offset?: number;
}

/**
 * Disclosures the reader may read: in her places (`places`, those where she reads cases), or
 * recorded by her (`author`: the peer educator who heard it follows what became of it).
 */
export async function selectDisclosures(db: Queryable, org: string, places: Places, author: string, f: DisclosureFilter): Promise<{ rows: DisclosureRow[]; total: number }> {
  const inPlaces = places.length
    ? sql.join(
        places.map((p) => (p.programs === null ? sql`ou.path like ${likePrefix(p.path)}` : sql`(ou.path like ${likePrefix(p.path)} and d.program = any(${p.programs}::text[]))`)),
        sql` or `,
      )
    : sql`false`;
  const where = sql`d.organisation_id = ${org} and (${inPlaces} or d.created_by = ${author})
    ${f.ids ? sql`and d.id = any(${[...f.ids]}::uuid[])` : sql``}
    ${f.status === 'waiting' ? sql`and d.entry is null` : f.status === 'entered' ? sql`and d.entry is not null` : sql``}
    ${f.program ? sql`and d.program = ${f.program}` : sql``}
    ${f.groupSessionId ? sql`and d.group_session_id = ${f.groupSessionId}` : sql``}`;
  const from = sql`disclosure d join org_unit ou on ou.organisation_id = d.organisation_id and ou.id = d.org_unit_id`;
  const rows = await sql<DisclosureRow>`
    select d.id, to_char(d.disclosed_on, 'YYYY-MM-DD') as disclosed_on, d.program, d.org_unit_id, ou.name as org_unit_name, ou.path as org_unit_path,
      d.group_session_id, to_char(g.session_date, 'YYYY-MM-DD') as session_date, g.theme as session_theme, g.audience as session_audience,
      d.beneficiary_id, b.code as beneficiary_code, coalesce(b.sex, d.sex) as sex, d.age_group, d.violence_type, d.note_encrypted,
      d.entry, to_char(d.entered_on, 'YYYY-MM-DD') as entered_on, d.case_id, d.referred_service_id, s.name as service_name, d.created_by, coalesce(u.display_name, '?') as recorded_by
    from ${from}
    left join group_session g on g.organisation_id = d.organisation_id and g.id = d.group_session_id
    left join beneficiary b on b.organisation_id = d.organisation_id and b.id = d.beneficiary_id
    left join directory_service s on s.id = d.referred_service_id
    left join app_user u on u.organisation_id = d.organisation_id and u.id = d.created_by
    where ${where}
    order by (d.entry is null) desc, d.disclosed_on desc, d.id limit ${f.limit ?? 1000} offset ${f.offset ?? 0}`.execute(db);
  const total = f.ids ? rows.rows.length : Number((await sql<{ n: number }>`select count(*)::int as n from ${from} where ${where}`.execute(db)).rows[0]?.n ?? 0);
  return { rows: rows.rows, total };
}

/** Marks a disclosure entered into the circuit, once (false: it already was). */
export async function setDisclosureEntry(db: Queryable, org: string, id: string, e: { entry: string; entered_on: string; case_id: string | null; referred_service_id: string | null }): Promise<boolean> {
  const r = await sql`update disclosure set entry = ${e.entry}, entered_on = ${e.entered_on}, case_id = ${e.case_id}, referred_service_id = ${e.referred_service_id}
    where organisation_id = ${org} and id = ${id} and entry is null`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function lockDisclosure(db: Queryable, org: string, id: string): Promise<void> {
  await sql`select 1 from disclosure where organisation_id = ${org} and id = ${id} for update`.execute(db);
}

/** A session the disclosure was made at: the organisation's, not deleted. */
export async function findSession(db: Queryable, org: string, id: string): Promise<{ id: string; session_date: string } | undefined> {
  const r = await sql<{ id: string; session_date: string }>`select id, to_char(session_date, 'YYYY-MM-DD') as session_date from group_session
    where organisation_id = ${org} and id = ${id} and deleted_at is null`.execute(db);
  return r.rows[0];
}

/** A case and its person, with the date it was opened (the day it entered the circuit). */
export async function findCase(db: Queryable, org: string, id: string): Promise<{ id: string; beneficiary_id: string; opened_on: string } | undefined> {
  const r = await sql<{ id: string; beneficiary_id: string; opened_on: string }>`select id, beneficiary_id, to_char(opened_at, 'YYYY-MM-DD') as opened_on from case_file
    where organisation_id = ${org} and id = ${id}`.execute(db);
  return r.rows[0];
}

export async function directoryServiceExists(db: Queryable, id: string): Promise<boolean> {
  return (await sql`select 1 from directory_service where id = ${id}`.execute(db)).rows.length > 0;
}
