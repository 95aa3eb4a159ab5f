import { sql } from 'kysely';
import type { Queryable } from '../../db/index.ts';

export const serviceColumns = [
  's.id',
  's.contact_id',
  's.beneficiary_id',
  'b.code as beneficiary_code',
  's.service_date',
  's.worker_id',
  'w.display_name as worker_name',
  's.org_unit_id',
  'ou.code as org_unit_code',
  'ou.name as org_unit_name',
  's.site_id',
  'site.code as site_code',
  'site.name as site_name',
  's.program',
  's.service',
  's.quantity',
  's.result',
  's.strategy',
  's.modality',
  's.kind',
  's.treated',
  's.platform',
  's.register_year',
  's.register_no',
  's.register_no_edited',
  's.group_session_id',
  's.note',
  's.created_at',
  's.updated_at',
  's.deleted_at',
  's.change_seq',
] as const;

/** Services with the names the UI shows (person's code, worker, units). */
export function selectServices(db: Queryable, organisationId: string) {
  return db
    .selectFrom('service_event as s')
    .innerJoin('beneficiary as b', (j) => j.onRef('b.organisation_id', '=', 's.organisation_id').onRef('b.id', '=', 's.beneficiary_id'))
    .leftJoin('app_user as w', (j) => j.onRef('w.organisation_id', '=', 's.organisation_id').onRef('w.id', '=', 's.worker_id'))
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
    .leftJoin('org_unit as site', (j) => j.onRef('site.organisation_id', '=', 's.organisation_id').onRef('site.id', '=', 's.site_id'))
    .select(serviceColumns)
    .where('s.organisation_id', '=', organisationId);
}

export type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['execute']>>[number];

/**
 * The next number of a section's testing register for a year. The counter row
 * is locked by the update, so concurrent tests get distinct numbers; numbers
 * already taken (transcribed from paper) are skipped.
 */
export async function nextRegisterNo(db: Queryable, organisationId: string, orgUnitId: string, year: number): Promise<number> {
  for (;;) {
    const row = await sql<{ last_no: number }>`
      insert into register_counter (organisation_id, org_unit_id, year, last_no) values (${organisationId}, ${orgUnitId}, ${year}, 1)
      on conflict (organisation_id, org_unit_id, year) do update set last_no = register_counter.last_no + 1
      returning last_no`.execute(db);
    const no = row.rows[0]!.last_no;
    const taken = await db
      .selectFrom('service_event')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('org_unit_id', '=', orgUnitId)
      .where('register_year', '=', year)
      .where('register_no', '=', no)
      .executeTakeFirst();
    if (!taken) return no;
  }
}
