import { sql, type RawBuilder } from 'kysely';
import { addMonths, serviceStockUse } from '@relais/core';
import { likePrefix, type Queryable } from '../../db/index.ts';

// The stock's reads and writes. Every query is the organisation's; reads are narrowed to the
// reader's subtrees (`paths`, on the unit `ou`). Balances and monthly sums come from the tables the
// ledger's triggers keep (`stock_balance`, `stock_month`), never from summing every line.

/** The unit `ou` lies in one of these subtrees. */
function within(paths: readonly string[]): RawBuilder<boolean> {
  if (!paths.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(paths.map((p) => sql`ou.path like ${likePrefix(p)}`), sql` or `)})`;
}

const joinUnit = (alias: string) => sql`join org_unit ou on ou.organisation_id = ${sql.ref(`${alias}.organisation_id`)} and ou.id = ${sql.ref(`${alias}.org_unit_id`)}`;

export async function selectItems(db: Queryable, org: string) {
  return db.selectFrom('stock_item').select(['code', 'label_fr', 'label_ar', 'label_en', 'unit', 'low_threshold']).where('organisation_id', '=', org).orderBy('code').execute();
}

export async function upsertItem(db: Queryable, row: { organisation_id: string; code: string; label_fr: string; label_ar: string; label_en: string; unit: string; low_threshold: number | null; updated_by: string }): Promise<void> {
  await db
    .insertInto('stock_item')
    .values(row)
    .onConflict((c) => c.columns(['organisation_id', 'code']).doUpdateSet({ label_fr: row.label_fr, label_ar: row.label_ar, label_en: row.label_en, unit: row.unit, low_threshold: row.low_threshold, updated_by: row.updated_by, updated_at: sql`now()` }))
    .execute();
}

/** A ledger line as written by hand (distribution lines are written by `followServices`). */
export interface NewLine {
  id: string;
  org_unit_id: string;
  item_code: string;
  kind: string;
  quantity: number;
  movement_date: string;
  counted: number | null;
  source: string | null;
  lot: string | null;
  expires_on: string | null;
  reason: string | null;
  transfer_id: string | null;
  note: string | null;
  created_by: string;
}

export async function insertLines(db: Queryable, org: string, lines: readonly NewLine[]): Promise<void> {
  await db
    .insertInto('stock_movement')
    .values(lines.map((l) => ({ ...l, organisation_id: org, service_id: null })))
    .execute();
}

/** Which of these ids are lines already (a retried save). */
export async function selectLineIds(db: Queryable, org: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('stock_movement').select('id').where('organisation_id', '=', org).where('id', 'in', [...ids]).execute()).map((r) => r.id);
}

/** A unit's balance of an item now (0 when it never held it). */
export async function selectBalance(db: Queryable, org: string, unitId: string, item: string): Promise<number> {
  const row = await sql<{ on_hand: number }>`select on_hand::int as on_hand from stock_balance where organisation_id = ${org} and org_unit_id = ${unitId} and item_code = ${item}`.execute(db);
  return row.rows[0]?.on_hand ?? 0;
}

/** A ledger line as read, with its unit's name and the service of a distribution. */
export interface LineRow extends Omit<NewLine, 'created_by'> {
  org_unit_name: string;
  service_id: string | null;
}

const lineColumns = sql`l.id, l.kind, l.org_unit_id, ou.name as org_unit_name, l.item_code, l.quantity, l.movement_date, l.counted, l.source, l.lot, l.expires_on,
  l.reason, l.transfer_id, l.service_id, l.note`;

/** Lines by id, with the other line of a transfer (its id is its first line's). */
export async function selectLinesById(db: Queryable, org: string, ids: readonly string[]): Promise<LineRow[]> {
  if (!ids.length) return [];
  return (await sql<LineRow>`select ${lineColumns} from stock_movement l ${joinUnit('l')} where l.organisation_id = ${org} and (l.id = any(${[...ids]}::uuid[]) or l.transfer_id = any(${[...ids]}::uuid[])) order by l.quantity`.execute(db)).rows;
}

/** One page of the ledger in these subtrees, newest first. */
export async function selectLinePage(
  db: Queryable,
  org: string,
  paths: readonly string[],
  q: { orgUnitPath?: string | undefined; item?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
): Promise<{ rows: LineRow[]; total: number }> {
  const where = sql`l.organisation_id = ${org} and ${within(paths)}
    ${q.orgUnitPath ? sql`and ou.path like ${likePrefix(q.orgUnitPath)}` : sql``}
    ${q.item ? sql`and l.item_code = ${q.item}` : sql``}
    ${q.from ? sql`and l.movement_date >= ${q.from}` : sql``}
    ${q.to ? sql`and l.movement_date <= ${q.to}` : sql``}`;
  const [rows, count] = await Promise.all([
    sql<LineRow>`select ${lineColumns} from stock_movement l ${joinUnit('l')} where ${where}
      order by l.movement_date desc, l.created_at desc, l.id limit ${q.limit} offset ${q.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from stock_movement l ${joinUnit('l')} where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export interface OnHandRow {
  org_unit_id: string;
  org_unit_code: string;
  org_unit_name: string;
  item_code: string;
  on_hand: number;
  distributed_recently: number;
}

/**
 * Stock on hand per unit and item in these subtrees, with what was distributed from `recentFrom`
 * up to (not with) `recentTo` (first days of months, at most four months apart). The balance keeps
 * what was distributed in its latest month and the three before (ADR 0045), so the read sums no
 * monthly rows; a balance whose latest month is later than that window covers (a line dated ahead)
 * is summed from `stock_month`, as before.
 */
export async function selectOnHand(db: Queryable, org: string, paths: readonly string[], unitPath: string | null, recentFrom: string, recentTo: string): Promise<OnHandRow[]> {
  const months: string[] = [];
  for (let m = recentFrom; m < recentTo; m = addMonths(m, 1)) months.push(m);
  if (months.length > 4) throw new Error(`selectOnHand: ${months.length} months, the balance keeps four`);
  // For each latest month the window allows (its first month to three after), the slots it covers:
  // `distributed_mK` holds the month K before `recent_month`. Earlier: nothing in the window (0).
  const anchors = [0, 1, 2, 3].map((k) => addMonths(recentFrom, k));
  const slots = anchors.map((anchor, a) => {
    const ks = months.map((_, i) => a - i).filter((k) => k >= 0 && k <= 3);
    return sql`when ${anchor}::date then ${ks.length ? sql.join(ks.map((k) => sql.ref(`b.distributed_m${k}`)), sql` + `) : sql`0`}`;
  });
  const recent = sql`(case when b.recent_month is null or b.recent_month <= ${anchors[3]}::date then case b.recent_month ${sql.join(slots, sql` `)} else 0 end
    else (select coalesce(sum(m.distributed), 0) from stock_month m where m.organisation_id = b.organisation_id and m.org_unit_id = b.org_unit_id
      and m.item_code = b.item_code and m.month >= ${recentFrom} and m.month < ${recentTo}) end)::int`;
  // One row a unit, its items in arrays: 3,000 rows of 6 columns cost the embedded engine three
  // times as much to hand over as 200 rows of arrays (ADR 0045).
  const units = await sql<{ org_unit_id: string; org_unit_code: string; org_unit_name: string; items: string[]; on_hand: number[]; distributed_recently: number[] }>`
    select ou.id as org_unit_id, ou.code as org_unit_code, ou.name as org_unit_name, array_agg(b.item_code order by b.item_code) as items,
      array_agg(b.on_hand::int order by b.item_code) as on_hand, array_agg(${recent} order by b.item_code) as distributed_recently
    from stock_balance b ${joinUnit('b')}
    where b.organisation_id = ${org} and ${within(paths)} ${unitPath ? sql`and ou.path like ${likePrefix(unitPath)}` : sql``}
    group by ou.id, ou.code, ou.name
    order by ou.name, ou.id`.execute(db);
  return units.rows.flatMap((u) =>
    u.items.map((item_code, i) => ({ org_unit_id: u.org_unit_id, org_unit_code: u.org_unit_code, org_unit_name: u.org_unit_name, item_code, on_hand: u.on_hand[i]!, distributed_recently: u.distributed_recently[i]! })),
  );
}

/**
 * Lots received in these subtrees expiring between `since` and `until` (expired lately, or soon),
 * by expiry, a page of `limit` from `offset`. Whether the unit still holds the item is the
 * caller's check, against the balances it read: a join here probed the balance of every line of
 * the first expiry date (3,000 index lookups for 200 units × 15 items given one national lot),
 * most of the on-hand read's time on the embedded engine.
 */
export async function selectExpiring(db: Queryable, org: string, paths: readonly string[], unitPath: string | null, since: string, until: string, page: { limit: number; offset: number }) {
  const rows = await sql<{ org_unit_id: string; org_unit_name: string; item_code: string; lot: string | null; expires_on: string; received: number }>`
    select l.org_unit_id, ou.name as org_unit_name, l.item_code, l.lot, l.expires_on, sum(l.quantity)::int as received
    from stock_movement l ${joinUnit('l')}
    where l.organisation_id = ${org} and l.expires_on between ${since} and ${until} and l.kind in ('receipt', 'transfer_in')
      and ${within(paths)} ${unitPath ? sql`and ou.path like ${likePrefix(unitPath)}` : sql``}
    group by 1, 2, 3, 4, 5 order by l.expires_on, ou.name, l.item_code, l.org_unit_id, l.lot limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.rows;
}

export interface MonthRow {
  org_unit_id: string;
  org_unit_code: string;
  org_unit_name: string;
  item_code: string;
  closing: number;
  received: number;
  transferred: number;
  distributed: number;
  adjusted: number;
  distributed_recently: number;
}

/**
 * The month starting `month` for each unit and item in these subtrees: its sums, its closing
 * balance (today's balance less what moved after the month) and what was distributed from
 * `recentFrom` through the month.
 */
export async function selectMonth(db: Queryable, org: string, paths: readonly string[], unitPath: string | null, month: string, recentFrom: string): Promise<MonthRow[]> {
  const rows = await sql<MonthRow>`
    select b.org_unit_id, ou.code as org_unit_code, ou.name as org_unit_name, b.item_code,
      (b.on_hand - coalesce(sum(m.received + m.transferred - m.distributed + m.adjusted) filter (where m.month > ${month}), 0))::int as closing,
      coalesce(sum(m.received) filter (where m.month = ${month}), 0)::int as received,
      coalesce(sum(m.transferred) filter (where m.month = ${month}), 0)::int as transferred,
      coalesce(sum(m.distributed) filter (where m.month = ${month}), 0)::int as distributed,
      coalesce(sum(m.adjusted) filter (where m.month = ${month}), 0)::int as adjusted,
      coalesce(sum(m.distributed) filter (where m.month >= ${recentFrom} and m.month <= ${month}), 0)::int as distributed_recently
    from stock_balance b ${joinUnit('b')}
    left join stock_month m on m.organisation_id = b.organisation_id and m.org_unit_id = b.org_unit_id and m.item_code = b.item_code and m.month >= ${recentFrom}
    where b.organisation_id = ${org} and ${within(paths)} ${unitPath ? sql`and ou.path like ${likePrefix(unitPath)}` : sql``}
      and exists (select 1 from stock_month f where f.organisation_id = b.organisation_id and f.org_unit_id = b.org_unit_id and f.item_code = b.item_code and f.month <= ${month})
    group by b.org_unit_id, ou.code, ou.name, ou.id, b.item_code, b.on_hand
    order by ou.name, ou.id, b.item_code`.execute(db);
  return rows.rows;
}

/** core's `serviceStockUse` as rows SQL joins to services. */
const useRows = Object.entries(serviceStockUse).flatMap(([service, uses]) => (uses ?? []).map((u) => ({ service, ...u })));

/**
 * The distribution lines of these services as they now stand: removed, then written again from
 * the services not deleted (at the service's site, else its unit; on its date; the items and
 * amounts of core's `serviceStockUse`). The one rule for a service written, corrected or deleted;
 * the triggers move the balances. `from`: the services, or the lines of anonymous tallies (their
 * lines carry the tally line's id as `service_id`).
 */
export async function followServices(
  db: Queryable,
  org: string,
  serviceIds: readonly string[],
  from: 'service_event' | 'anonymous_service' = 'service_event',
  /** `fresh`: services just written (no line of theirs to take back); `defined`: false when none is a defined service. */
  known: { fresh?: boolean; defined?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < serviceIds.length; i += 5000) {
    const ids = serviceIds.slice(i, i + 5000);
    if (!known.fresh) await sql`delete from stock_movement where organisation_id = ${org} and service_id = any(${ids}::uuid[])`.execute(db);
    await sql`
      insert into stock_movement (organisation_id, id, org_unit_id, item_code, kind, quantity, movement_date, service_id, created_by)
      select s.organisation_id, gen_random_uuid(), coalesce(s.site_id, s.org_unit_id), u.item, 'distribution',
        -(case when u.per_quantity then coalesce(s.quantity, 0) * u.factor else u.factor end), s.service_date, s.id, s.created_by
      from ${sql.table(from)} s
      join unnest(${useRows.map((u) => u.service)}::text[], ${useRows.map((u) => u.item)}::text[], ${useRows.map((u) => u.factor)}::int[], ${useRows.map((u) => u.perQuantity)}::boolean[])
        as u(service, item, factor, per_quantity) on u.service = s.service
      where s.organisation_id = ${org} and s.id = any(${ids}::uuid[]) and s.deleted_at is null
        and (case when u.per_quantity then coalesce(s.quantity, 0) * u.factor else u.factor end) > 0`.execute(db);
    if (from === 'service_event' && known.defined !== false) await followDefinedServices(db, org, ids);
  }
}

/**
 * The distribution lines of defined services (ADR 0028): a quantity field handed out (`out`) with a
 * stock item takes the service's quantity of that item, by the definition's version the record was
 * saved under (a later change of the definition leaves past records' lines as they were).
 */
async function followDefinedServices(db: Queryable, org: string, ids: readonly string[]): Promise<void> {
  await sql`
    insert into stock_movement (organisation_id, id, org_unit_id, item_code, kind, quantity, movement_date, service_id, created_by)
    select s.organisation_id, gen_random_uuid(), coalesce(s.site_id, s.org_unit_id), f ->> 'stockItem', 'distribution', -s.quantity, s.service_date, s.id, s.created_by
    from service_event s
    join service_definition d on d.organisation_id = s.organisation_id and d.code = s.service and d.version = s.definition_version
    cross join lateral jsonb_array_elements(d.fields) as f
    where s.organisation_id = ${org} and s.id = any(${ids}::uuid[]) and s.deleted_at is null and s.definition_version is not null and s.quantity > 0
      and f ->> 'type' = 'quantity' and f ->> 'direction' = 'out' and coalesce(f ->> 'stockItem', '') <> ''`.execute(db);
}
