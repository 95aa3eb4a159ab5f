import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import { cappedTotal, likePrefix, type Database, type Queryable } from '../../db/index.ts';

export const beneficiaryColumns = [
  'b.id',
  'b.code',
  'b.populations',
  'b.sex',
  'b.gender_identity',
  'b.birth_year',
  'b.registered_unit_id',
  'b.registered_on',
  'b.registered_by',
  'b.entry_door',
  'b.marital_status',
  'b.schooling',
  'b.housing',
  'b.occupation',
  'b.children_in_charge',
  'b.health_coverage',
  'b.phone_encrypted',
  'b.contact_consent',
  'b.notes',
  'b.last_seen_on',
  'b.merged_into',
  'b.erased_at',
  'b.updated_at',
  'b.version',
  'b.field_versions',
] as const;

/** The beneficiary under `alias` (`b` by default) is known in one of these subtrees. */
export function knownUnder(paths: readonly string[], alias = 'b') {
  return (): Expression<SqlBool> =>
    paths.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`exists (
          select 1 from beneficiary_unit bu
          join org_unit ou on ou.organisation_id = bu.organisation_id and ou.id = bu.org_unit_id
          where bu.organisation_id = ${sql.ref(`${alias}.organisation_id`)} and bu.beneficiary_id = ${sql.ref(`${alias}.id`)}
            and (${sql.join(paths.map((p) => sql`ou.path like ${likePrefix(p)}`), sql` or `)}))`;
}

export async function findByCode(db: Queryable, organisationId: string, code: string) {
  return db.selectFrom('beneficiary as b').select(['b.id', 'b.code', 'b.merged_into']).where('b.organisation_id', '=', organisationId).where('b.code', '=', code).executeTakeFirst();
}

export async function findById(db: Queryable, organisationId: string, id: string) {
  return db.selectFrom('beneficiary as b').select(beneficiaryColumns).where('b.organisation_id', '=', organisationId).where('b.id', '=', id).executeTakeFirst();
}

export type BeneficiaryRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Records whose code is one of these (the neighbours of a typed code): the candidates of the duplicate check. */
export async function selectByCodes(db: Queryable, organisationId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('beneficiary as b')
    .select(['b.id', 'b.code', 'b.merged_into', 'b.registered_by'])
    .where('b.organisation_id', '=', organisationId)
    .where(sql<SqlBool>`b.code = any(${sql.val(codes)}::text[])`)
    .execute();
}

/** Which of these records are known under the subtrees. */
export async function visibleIds(db: Queryable, organisationId: string, ids: string[], paths: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0 || paths.length === 0) return new Set();
  const rows = await db
    .selectFrom('beneficiary as b')
    .select('b.id')
    .where('b.organisation_id', '=', organisationId)
    .where('b.id', 'in', ids)
    .where(knownUnder(paths))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Pairs already decided "distinct" (or merged) between `id` and others. */
export async function decidedPartners(db: Queryable, organisationId: string, id: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('beneficiary_pair')
    .select(['a_id', 'b_id'])
    .where('organisation_id', '=', organisationId)
    .where('status', '<>', 'open')
    .where((eb) => eb.or([eb('a_id', '=', id), eb('b_id', '=', id)]))
    .execute();
  return new Set(rows.map((r) => (r.a_id === id ? r.b_id : r.a_id)));
}

export async function upsertPair(
  db: Queryable,
  p: { organisation_id: string; x: string; y: string; score: number; reasons: unknown; status: 'open' | 'distinct' | 'merged'; decided_by: string | null },
): Promise<void> {
  const [a_id, b_id] = p.x < p.y ? [p.x, p.y] : [p.y, p.x];
  const decided = p.status === 'open' ? null : sql`now()`;
  await db
    .insertInto('beneficiary_pair')
    .values({ organisation_id: p.organisation_id, a_id, b_id, score: p.score, reasons: JSON.stringify(p.reasons), status: p.status, decided_by: p.decided_by, decided_at: decided as unknown as string | null })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'a_id', 'b_id']).doUpdateSet(
        p.status === 'open' ? { score: p.score, reasons: JSON.stringify(p.reasons) } : { status: p.status, decided_by: p.decided_by, decided_at: sql`now()` },
      ),
    )
    .execute();
}

export async function unitsOf(db: Queryable, organisationId: string, beneficiaryIds: string[]) {
  if (beneficiaryIds.length === 0) return [];
  return db
    .selectFrom('beneficiary_unit as bu')
    .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 'bu.organisation_id').onRef('ou.id', '=', 'bu.org_unit_id'))
    .select(['bu.beneficiary_id', 'bu.org_unit_id', 'bu.since', 'bu.via', 'ou.code', 'ou.name', 'ou.path'])
    .where('bu.organisation_id', '=', organisationId)
    .where('bu.beneficiary_id', 'in', beneficiaryIds)
    .orderBy('bu.since')
    .execute();
}

export async function addUnit(db: Queryable, organisationId: string, beneficiaryId: string, orgUnitId: string, since: string, via: string): Promise<boolean> {
  const res = await db
    .insertInto('beneficiary_unit')
    .values({ organisation_id: organisationId, beneficiary_id: beneficiaryId, org_unit_id: orgUnitId, since, via })
    .onConflict((oc) => oc.columns(['organisation_id', 'beneficiary_id', 'org_unit_id']).doNothing())
    .executeTakeFirst();
  const added = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  // Newly visible in a unit: the record must reach that unit's field phones at their next pull.
  if (added) await db.updateTable('beneficiary').set({ updated_at: sql`now()` }).where('organisation_id', '=', organisationId).where('id', '=', beneficiaryId).execute();
  return added;
}

export async function aliasesOf(db: Queryable, organisationId: string, id: string): Promise<string[]> {
  const rows = await db.selectFrom('beneficiary').select('code').where('organisation_id', '=', organisationId).where('merged_into', '=', id).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export async function userNames(db: Queryable, organisationId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function unitNames(db: Queryable, organisationId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { code: string; name: string }>();
  const rows = await db.selectFrom('org_unit').select(['id', 'code', 'name']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/** A new record of a bulk registration (an import), checked by the caller. */
export interface NewBeneficiaryRow {
  id: string;
  code: string;
  unitId: string;
  registeredOn: string;
  populations: string[];
  sex: string;
  birthYear: number | null;
  entryDoor: string | null;
  maritalStatus: string | null;
  schooling: string | null;
  housing: string | null;
  occupation: string | null;
}

/** Writes new records and their unit of registration in one statement each (codes and ids already known to be free). */
export async function insertBeneficiaries(db: Queryable, organisationId: string, rows: readonly NewBeneficiaryRow[], registeredBy: string | null): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: NewBeneficiaryRow) => T) => rows.map(f);
  await sql`
    insert into beneficiary (organisation_id, id, code, populations, sex, birth_year, registered_unit_id, registered_on, registered_by, entry_door,
      marital_status, schooling, housing, occupation, last_seen_on)
    select ${organisationId}::uuid, r.id, r.code, string_to_array(r.populations, ';'), r.sex, r.birth_year, r.unit, r.registered_on, ${registeredBy}::uuid, r.entry_door,
      r.marital, r.schooling, r.housing, r.occupation, r.registered_on
    from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.code)}::text[], ${col((r) => r.populations.join(';'))}::text[], ${col((r) => r.sex)}::text[],
      ${col((r) => r.birthYear)}::int[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.registeredOn)}::date[],
      ${col((r) => r.entryDoor)}::text[], ${col((r) => r.maritalStatus)}::text[], ${col((r) => r.schooling)}::text[],
      ${col((r) => r.housing)}::text[], ${col((r) => r.occupation)}::text[])
      as r(id, code, populations, sex, birth_year, unit, registered_on, entry_door, marital, schooling, housing, occupation)
    on conflict do nothing`.execute(db);
  await sql`
    insert into beneficiary_unit (organisation_id, beneficiary_id, org_unit_id, since, via)
    select ${organisationId}::uuid, r.id, r.unit, r.since, 'registered'
    from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.unitId)}::uuid[], ${col((r) => r.registeredOn)}::date[]) as r(id, unit, since)
    on conflict do nothing`.execute(db);
}

/** Active records (not merged) whose code is one of these: the candidates of a few codes' duplicate check. */
export async function activeByCodes(db: Queryable, organisationId: string, codes: readonly string[]): Promise<{ id: string; code: string }[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('beneficiary as b')
    .select(['b.id', 'b.code'])
    .where('b.organisation_id', '=', organisationId)
    .where('b.merged_into', 'is', null)
    .where(sql<SqlBool>`b.code = any(${sql.val(codes)}::text[])`)
    .execute();
}

/** One page of the active records' codes, in code order after `after` (the unique code index walks it). */
export async function activeCodesAfter(db: Queryable, organisationId: string, after: string, limit: number): Promise<{ id: string; code: string }[]> {
  return db
    .selectFrom('beneficiary as b')
    .select(['b.id', 'b.code'])
    .where('b.organisation_id', '=', organisationId)
    .where('b.code', '>', after)
    .where('b.merged_into', 'is', null)
    .orderBy('b.code')
    .limit(limit)
    .execute();
}

/** A probable-duplicate pair to queue: two records (either order), how likely, why. */
export interface OpenPair {
  x: string;
  y: string;
  score: number;
  reasons: unknown;
}

/**
 * Queues probable-duplicate pairs of records registered in this transaction for review, in one
 * statement. Their records are new, so no pair of theirs can be queued or decided already: a plain
 * insert (a pair named twice fails on the primary key, as a bug should).
 */
export async function insertNewPairs(db: Queryable, organisationId: string, pairs: readonly OpenPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const a: string[] = [];
  const b: string[] = [];
  const score: number[] = [];
  // Pairs share their few kinds of reasons (the same objects, from the search): each sent and read as JSON once.
  const reasons: string[] = [];
  const reasonIndex = new Map<unknown, number>();
  const reasonOf: number[] = [];
  for (const p of pairs) {
    const xFirst = p.x < p.y;
    a.push(xFirst ? p.x : p.y);
    b.push(xFirst ? p.y : p.x);
    score.push(p.score);
    let k = reasonIndex.get(p.reasons);
    if (k === undefined) {
      reasons.push(JSON.stringify(p.reasons));
      reasonIndex.set(p.reasons, (k = reasons.length));
    }
    reasonOf.push(k);
  }
  await sql`
    insert into beneficiary_pair (organisation_id, a_id, b_id, score, reasons, status)
    select ${organisationId}::uuid, r.a, r.b, r.score, (${reasons}::jsonb[])[r.k], 'open'
    from unnest(${a}::uuid[], ${b}::uuid[], ${score}::float8[], ${reasonOf}::int[]) as r(a, b, score, k)`.execute(db);
}

/** Inserts a registered person (a code taken fails with the database's unique violation). */
export async function insertBeneficiary(trx: Queryable, row: Insertable<Database['beneficiary']>): Promise<void> {
  await trx.insertInto('beneficiary').values(row).execute();
}

/** Changes a person's record; the versions' trigger names `actorId` as who changed its fields (ADR 0036). */
export async function updateBeneficiary(trx: Queryable, organisationId: string, id: string, changes: Updateable<Database['beneficiary']>, actorId?: string): Promise<void> {
  if (actorId) await sql`select set_config('relais.actor', ${actorId}, true)`.execute(trx);
  await trx
    .updateTable('beneficiary')
    .set({ ...changes, updated_at: sql`now()` })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** How a search matches codes: one record (an exact code, its alias resolved), a start, or near spellings (best first). */
export type CodeCondition = { exactId: string } | { prefix: string } | { similarTo: string };

/** Active records known under `paths` matching the search, a page of them (with the near-spelling score) and their count. */
export async function searchBeneficiaries(
  db: Queryable,
  organisationId: string,
  paths: readonly string[],
  q: {
    code: CodeCondition | null;
    population?: string | undefined;
    /** Only records known under these units (none matches an empty list); null: no such filter. */
    unitPaths: readonly string[] | null;
    registeredBy?: string | undefined;
    seenFrom?: string | undefined;
    seenTo?: string | undefined;
    notSeenForDays?: number | undefined;
    sort: 'code' | 'registered_on' | 'last_seen_on';
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
) {
  let base = db.selectFrom('beneficiary as b').where('b.organisation_id', '=', organisationId).where('b.merged_into', 'is', null).where(knownUnder(paths));
  const c = q.code;
  if (c && 'exactId' in c) base = base.where('b.id', '=', c.exactId);
  else if (c && 'prefix' in c) base = base.where('b.code', 'like', likePrefix(c.prefix));
  else if (c) base = base.where(sql<boolean>`similarity(b.code, ${c.similarTo}) >= 0.3`);
  if (q.population) base = base.where(sql<boolean>`${q.population} = any(b.populations)`);
  if (q.unitPaths) base = base.where(knownUnder(q.unitPaths));
  if (q.registeredBy) base = base.where('b.registered_by', '=', q.registeredBy);
  if (q.seenFrom) base = base.where('b.last_seen_on', '>=', q.seenFrom);
  if (q.seenTo) base = base.where('b.last_seen_on', '<=', q.seenTo);
  if (q.notSeenForDays) base = base.where('b.last_seen_on', '<', sql<string>`current_date - ${q.notSeenForDays}::int`);
  const sortColumn = { code: 'b.code', registered_on: 'b.registered_on', last_seen_on: 'b.last_seen_on' } as const;
  let listQuery = base.select(['b.id', 'b.code', 'b.populations', 'b.sex', 'b.birth_year', 'b.registered_on', 'b.registered_unit_id', 'b.registered_by', 'b.last_seen_on']);
  if (c && 'similarTo' in c) listQuery = listQuery.select(sql<number>`similarity(b.code, ${c.similarTo})`.as('score')).orderBy(sql`similarity(b.code, ${c.similarTo})`, 'desc');
  const [rows, count] = await Promise.all([listQuery.orderBy(sortColumn[q.sort], q.order).orderBy('b.id').limit(q.limit).offset(q.offset).execute(), cappedTotal(db, base, q.offset)]);
  return { rows, count };
}
