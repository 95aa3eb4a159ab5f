import { sql, type Expression, type SqlBool } from 'kysely';
import { likePrefix, type Queryable } from '../../db/index.ts';

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
  'b.updated_at',
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

export async function getSetting(db: Queryable, organisationId: string, key: string): Promise<unknown> {
  const row = await db.selectFrom('organisation_setting').select('value').where('organisation_id', '=', organisationId).where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function putSetting(db: Queryable, organisationId: string, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('organisation_setting')
    .values({ organisation_id: organisationId, key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
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
