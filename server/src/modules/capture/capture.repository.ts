import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import { cappedTotal, likePrefix, type Database, type Queryable } from '../../db/index.ts';

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
  's.fields',
  's.definition_version',
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
    .select(sql<string | null>`(select v.id from voice_note v where v.organisation_id = s.organisation_id and v.contact_id = s.contact_id)`.as('voice_note_id'))
    .where('s.organisation_id', '=', organisationId);
}

export type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['execute']>>[number];

/** What a list of services may be narrowed to. */
export interface ServiceListFilter {
  beneficiaryId?: string | undefined;
  workerId?: string | undefined;
  program?: string | undefined;
  service?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of the services in these places, newest first, with their count up to a bound past the page (cappedTotal). */
export async function selectServicePage(
  db: Queryable,
  organisationId: string,
  places: Parameters<typeof serviceInPlaces>[0],
  q: ServiceListFilter,
): Promise<{ rows: ServiceRow[]; total: number; totalCapped: boolean }> {
  // The page's ids and the count come from service_event alone (its index gives the newest
  // first), then only the page's rows are joined to their person, worker and units.
  let base = db.selectFrom('service_event as s').where('s.organisation_id', '=', organisationId).where('s.deleted_at', 'is', null).where(serviceInPlaces(places));
  if (q.beneficiaryId) base = base.where('s.beneficiary_id', '=', q.beneficiaryId);
  if (q.workerId) base = base.where('s.worker_id', '=', q.workerId);
  if (q.program) base = base.where('s.program', '=', q.program);
  if (q.service) base = base.where('s.service', 'in', q.service);
  if (q.from) base = base.where('s.service_date', '>=', q.from);
  if (q.to) base = base.where('s.service_date', '<=', q.to);
  const [page, count] = await Promise.all([
    base.select('s.id').orderBy('s.service_date', 'desc').orderBy('s.created_at', 'desc').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
    cappedTotal(db, base, q.offset),
  ]);
  const rows = page.length
    ? await selectServices(db, organisationId)
        .where('s.id', 'in', page.map((r) => r.id))
        .orderBy('s.service_date', 'desc')
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id')
        .execute()
    : [];
  return { rows, ...count };
}

/** A checked service ready to write (the organisation is given beside it): the table's row without what the database fills. */
export type NewService = Omit<Selectable<Database['service_event']>, 'organisation_id' | 'register_no_edited' | 'created_at' | 'updated_at' | 'deleted_at' | 'deleted_by' | 'change_seq' | 'case_id' | 'fields' | 'definition_version'> & {
  /** The case the service is given in (absent: none). */
  case_id?: string | null;
  /** A defined service's field values and its definition's version (absent: a built-in service). */
  fields?: Readonly<Record<string, unknown>> | null;
  definition_version?: number | null;
};

const WRITE_BATCH = 2000;

/**
 * Writes services in bulk, one statement per batch. A service whose id exists already is an
 * error (a unique violation the caller maps), unless `skipExisting` (an import, which has set
 * apart the rows already there).
 */
export async function insertServices(
  db: Queryable,
  organisationId: string,
  rows: readonly NewService[],
  options: { skipExisting?: boolean; onWritten?: (done: number) => void } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const b = rows.slice(i, i + WRITE_BATCH);
    const col = <T>(f: (r: NewService) => T) => b.map(f);
    await sql`
      insert into service_event (organisation_id, id, contact_id, beneficiary_id, service_date, worker_id, org_unit_id, site_id, program, service,
        quantity, result, strategy, modality, kind, treated, platform, register_year, register_no, group_session_id, note, created_by, case_id, fields, definition_version)
      select ${organisationId}::uuid, r.id, r.contact_id, r.person, r.d, r.worker, r.unit, r.site, r.program, r.service, r.quantity, r.result, r.strategy,
        r.modality, r.kind, r.treated, r.platform, r.register_year, r.register_no, r.group_session_id, r.note, r.created_by, r.case_id, r.fields::jsonb, r.definition_version
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.contact_id)}::uuid[], ${col((r) => r.beneficiary_id)}::uuid[], ${col((r) => r.service_date)}::date[],
        ${col((r) => r.worker_id)}::uuid[], ${col((r) => r.org_unit_id)}::uuid[], ${col((r) => r.site_id)}::uuid[], ${col((r) => r.program)}::text[], ${col((r) => r.service)}::text[],
        ${col((r) => r.quantity)}::int[], ${col((r) => r.result)}::text[], ${col((r) => r.strategy)}::text[], ${col((r) => r.modality)}::text[], ${col((r) => r.kind)}::text[],
        ${col((r) => r.treated)}::boolean[], ${col((r) => r.platform)}::text[], ${col((r) => r.register_year)}::int[], ${col((r) => r.register_no)}::int[],
        ${col((r) => r.group_session_id)}::uuid[], ${col((r) => r.note)}::text[], ${col((r) => r.created_by)}::uuid[], ${col((r) => r.case_id ?? null)}::uuid[],
        ${col((r) => (r.fields ? JSON.stringify(r.fields) : null))}::text[], ${col((r) => r.definition_version ?? null)}::int[])
        as r(id, contact_id, person, d, worker, unit, site, program, service, quantity, result, strategy, modality, kind, treated, platform, register_year, register_no,
          group_session_id, note, created_by, case_id, fields, definition_version)
      ${options.skipExisting ? sql`on conflict do nothing` : sql``}`.execute(db);
    options.onWritten?.(Math.min(rows.length, i + WRITE_BATCH));
  }
}

/** Which of these service ids exist already (with their contact and service), in one query per 5 000. */
export async function selectExistingServices(db: Queryable, organisationId: string, ids: readonly string[]): Promise<{ id: string; contact_id: string; service: string }[]> {
  const out: { id: string; contact_id: string; service: string }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    if (slice.length) out.push(...(await db.selectFrom('service_event').select(['id', 'contact_id', 'service']).where('organisation_id', '=', organisationId).where('id', 'in', slice).execute()));
  }
  return out;
}

/** A register number of a unit's register of a year. */
export interface RegisterKey {
  unitId: string;
  year: number;
  registerNo: number;
}
export const registerKey = (k: RegisterKey): string => `${k.unitId}:${k.year}:${k.registerNo}`;

/** Which of these register numbers are taken already (by a service not deleted), in one query per 5 000. */
export async function selectTakenRegisterNos(db: Queryable, organisationId: string, keys: readonly RegisterKey[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const b = keys.slice(i, i + 5000);
    const rows = await sql<{ org_unit_id: string; register_year: number; register_no: number }>`
      select s.org_unit_id, s.register_year, s.register_no
      from service_event s
      join unnest(${b.map((k) => k.unitId)}::uuid[], ${b.map((k) => k.year)}::int[], ${b.map((k) => k.registerNo)}::int[]) as r(unit, y, no)
        on s.org_unit_id = r.unit and s.register_year = r.y and s.register_no = r.no
      where s.organisation_id = ${organisationId}`.execute(db);
    for (const r of rows.rows) taken.add(registerKey({ unitId: r.org_unit_id, year: r.register_year, registerNo: r.register_no }));
  }
  return taken;
}

/**
 * Moves a unit's register counter of a year forward by `count` and returns the numbers passed
 * (the counter row is locked by the update, so concurrent writes get distinct numbers).
 */
export async function advanceRegisterCounter(db: Queryable, organisationId: string, orgUnitId: string, year: number, count: number): Promise<number[]> {
  const row = await sql<{ last_no: number }>`
    insert into register_counter (organisation_id, org_unit_id, year, last_no) values (${organisationId}, ${orgUnitId}, ${year}, ${count})
    on conflict (organisation_id, org_unit_id, year) do update set last_no = register_counter.last_no + ${count}
    returning last_no`.execute(db);
  const last = row.rows[0]!.last_no;
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** Is the program enabled in the organisation? */
export async function isProgramEnabled(db: Queryable, organisationId: string, program: string): Promise<boolean> {
  const row = await db.selectFrom('program').select('enabled').where('organisation_id', '=', organisationId).where('code', '=', program).executeTakeFirst();
  return row?.enabled ?? false;
}

/** The programs the organisation runs. */
export async function selectEnabledPrograms(db: Queryable, organisationId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('program').select('code').where('organisation_id', '=', organisationId).where('enabled', '=', true).execute();
  return new Set(rows.map((r) => r.code));
}

/** Does an active user hold a role on the unit, above it or below it (a worker who may have given the service)? */
export async function isWorkerAround(db: Queryable, organisationId: string, userId: string, unitPath: string): Promise<boolean> {
  const worker = await sql<{ ok: boolean }>`
    select exists (
      select 1 from role_assignment a
      join org_unit ou on ou.organisation_id = a.organisation_id and ou.id = a.org_unit_id
      join app_user u on u.organisation_id = a.organisation_id and u.id = a.user_id
      where a.organisation_id = ${organisationId} and a.user_id = ${userId} and u.active
        and (${unitPath} like ou.path || '%' or ou.path like ${likePrefix(unitPath)})
    ) as ok`.execute(db);
  return worker.rows[0]?.ok ?? false;
}

/** Which of these users are active (an attendance's facilitators). */
export async function selectActiveUserIds(db: Queryable, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('app_user').select('id').where('organisation_id', '=', organisationId).where('id', 'in', ids).where('active', '=', true).execute();
  return new Set(rows.map((r) => r.id));
}

/** Active users by user name (an import names workers by account). */
export async function selectActiveUsernames(db: Queryable, organisationId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('app_user').select(['id', 'username']).where('organisation_id', '=', organisationId).where('active', '=', true).execute();
  return new Map(rows.map((u) => [u.username, u.id]));
}

/** Is there a group session with this id (a retried save)? */
export async function groupSessionExists(db: Queryable, organisationId: string, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('group_session').select('id').where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst());
}

export async function insertGroupSession(db: Queryable, row: Insertable<Database['group_session']>): Promise<void> {
  await db.insertInto('group_session').values(row).execute();
}

/** Changes the fields of a service a correction may change. */
export async function updateServiceRow(db: Queryable, organisationId: string, id: string, patch: Updateable<Database['service_event']>): Promise<void> {
  await db.updateTable('service_event').set({ ...patch, updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

/** Deletes a service as a tombstone (field phones forget it too); its register number is freed. */
export async function markServiceDeleted(db: Queryable, organisationId: string, id: string, by: string): Promise<void> {
  await db.updateTable('service_event').set({ deleted_at: sql`now()`, deleted_by: by, register_no: null }).where('organisation_id', '=', organisationId).where('id', '=', id).execute();
}

/**
 * The rule of a service recorded in a case (a contact, an imported row): the case exists and is
 * of the service's person and program. The validation code when it is not, else null.
 */
export function caseMismatch(inCase: { beneficiary_id: string; program: string } | undefined, personId: string, program: string): 'invalid_choice' | 'not_in_case' | null {
  if (!inCase) return 'invalid_choice';
  return inCase.beneficiary_id !== personId || inCase.program !== program ? 'not_in_case' : null;
}

/** The person and program of cases (a service recorded in a case must be of both). */
export async function selectCaseKeys(db: Queryable, organisationId: string, ids: readonly string[]): Promise<Map<string, { beneficiary_id: string; program: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('case_file').select(['id', 'beneficiary_id', 'program']).where('organisation_id', '=', organisationId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Where services are visible, as unit ids (each place with its programs; null = every program). */
export type VisiblePlaces = Array<{ unitIds: string[]; programs: string[] | null }>;

/** A service `s` lies in one of the places (for a program the place covers). */
export function serviceInPlaces(places: VisiblePlaces) {
  return (): Expression<SqlBool> => {
    if (places.length === 0) return sql<SqlBool>`false`;
    const inUnits = (ids: string[]) => (ids.length === 1 ? sql`s.org_unit_id = ${ids[0]}` : sql`s.org_unit_id = any(${ids}::uuid[])`);
    return sql<SqlBool>`(${sql.join(
      places.map((p) => (p.programs === null ? inUnits(p.unitIds) : sql`(${inUnits(p.unitIds)} and s.program = any(${p.programs}::text[]))`)),
      sql` or `,
    )})`;
  };
}
