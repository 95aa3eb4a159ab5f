import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';
import type { CaseColumns, CaseRow } from './cases.repository.ts';

/**
 * Cases written in bulk (the cases import): the one write of many cases, beside `open` which
 * writes one. The importer checks each row (person, unit, scope, typology, one open case per
 * person and program) and hands the fresh ones here; a closed case gets its whole history:
 * opened, then closed.
 */

/** A case as a file describes it, checked. `opened_at` is a wall-clock `YYYY-MM-DDTHH:MM`. */
export type ImportedCase = CaseColumns & Pick<CaseRow, 'incident_on' | 'incident_time' | 'violence_type' | 'closed_on' | 'closure_reason'>;

const CHUNK = 500;

/** The cases of these ids already there (a re-import), with their person and program. */
export async function selectCasesByIds(db: Queryable, org: string, ids: readonly string[]): Promise<Map<string, { beneficiary_id: string; program: string }>> {
  const found = new Map<string, { beneficiary_id: string; program: string }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await db.selectFrom('case_file').select(['id', 'beneficiary_id', 'program']).where('organisation_id', '=', org).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, r);
  }
  return found;
}

/** The open cases of these persons: `person:program` → the case's id. */
export async function selectOpenCasesOf(db: Queryable, org: string, personIds: readonly string[]): Promise<Map<string, string>> {
  const open = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const part = personIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('case_file')
      .select(['id', 'beneficiary_id', 'program'])
      .where('organisation_id', '=', org)
      .where('beneficiary_id', 'in', part)
      .where('status', '=', 'open')
      .execute();
    for (const r of rows) open.set(`${r.beneficiary_id}:${r.program}`, r.id);
  }
  return open;
}

/**
 * Writes checked cases and their status history in one go (inside the caller's transaction).
 * The history's lines are stamped with the clock so that "opened" sorts before "closed".
 */
export async function openMany(db: Queryable, org: string, cases: readonly ImportedCase[], by: { createdBy: string; changedBy: string | null; newId: () => string }): Promise<number> {
  for (let i = 0; i < cases.length; i += CHUNK) {
    const part = cases.slice(i, i + CHUNK);
    await db
      .insertInto('case_file')
      .values(
        part.map((c) => ({
          organisation_id: org,
          id: c.id,
          beneficiary_id: c.beneficiary_id,
          program: c.program,
          org_unit_id: c.org_unit_id,
          opened_at: c.opened_at,
          entry_door: c.entry_door,
          case_worker_id: c.case_worker_id,
          status: c.closed_on ? 'closed' : 'open',
          closed_on: c.closed_on,
          closure_reason: c.closure_reason,
          incident_on: c.incident_on,
          incident_time: c.incident_time,
          violence_type: c.violence_type,
          last_contact_on: c.opened_at.slice(0, 10),
          created_by: by.createdBy,
        })),
      )
      .execute();
  }
  const history = (status: 'open' | 'closed') =>
    cases
      .filter((c) => status === 'open' || c.closed_on)
      .map((c) => ({
        organisation_id: org,
        id: by.newId(),
        case_id: c.id,
        status,
        on_date: status === 'open' ? c.opened_at.slice(0, 10) : c.closed_on!,
        reason: status === 'open' ? null : c.closure_reason,
        note: null,
        changed_by: by.changedBy,
        changed_at: sql<Date>`clock_timestamp()`,
      }));
  for (const status of ['open', 'closed'] as const) {
    const lines = history(status);
    for (let i = 0; i < lines.length; i += CHUNK) await db.insertInto('case_status_change').values(lines.slice(i, i + CHUNK)).execute();
  }
  return cases.length;
}
