import {
  DomainError,
  closingBalance,
  defaultStockItems,
  invalidField,
  isBelowThreshold,
  monthBounds,
  monthsOfStock,
  translate,
  type MessageKey,
  type StockItem,
  type StockItemInput,
  type StockMovement,
  type StockMovementInput,
  type StockOnHand,
  type StockReport,
  type StockUnit,
} from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findUnit, unitWhere } from '../org-units/index.ts';
import * as repo from './stock.repository.ts';
import { stockPolicy } from './stock.policy.ts';

const todayUtc = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The expiring lots the on-hand view lists (the first by expiry). */
const EXPIRING_SHOWN = 500;

function toLine(r: repo.LineRow): StockMovement {
  return {
    id: r.id,
    kind: r.kind as StockMovement['kind'],
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    item: r.item_code,
    quantity: r.quantity,
    date: r.movement_date,
    counted: r.counted,
    source: r.source as StockMovement['source'],
    lot: r.lot,
    expiresOn: r.expires_on,
    reason: r.reason as StockMovement['reason'],
    transferId: r.transfer_id,
    serviceId: r.service_id,
    note: r.note,
  };
}

/** The organisation's items: core's default list, as the organisation changed it, and its own. */
export async function itemsOf(db: Queryable, org: string): Promise<StockItem[]> {
  const stored = new Map((await repo.selectItems(db, org)).map((r) => [r.code, r]));
  const builtIn = defaultStockItems.map((d): StockItem => {
    const own = stored.get(d.code);
    const label = (l: 'fr' | 'ar' | 'en') => translate(l, `stock_item.${d.code}` as MessageKey);
    return own
      ? { code: d.code, builtIn: true, labels: { fr: own.label_fr, ar: own.label_ar, en: own.label_en }, unit: own.unit as StockUnit, lowThreshold: own.low_threshold }
      : { code: d.code, builtIn: true, labels: { fr: label('fr'), ar: label('ar'), en: label('en') }, unit: d.unit, lowThreshold: null };
  });
  const own = [...stored.values()]
    .filter((r) => !defaultStockItems.some((d) => d.code === r.code))
    .map((r): StockItem => ({ code: r.code, builtIn: false, labels: { fr: r.label_fr, ar: r.label_ar, en: r.label_en }, unit: r.unit as StockUnit, lowThreshold: r.low_threshold }));
  return [...builtIn, ...own];
}

/**
 * Commodities stock per unit (issue 17): the items, the ledger's movements recorded by hand
 * (receipts, transfers, losses, adjustments, counts; distributions follow the services recorded:
 * `followServices`), stock on hand with its alerts and the monthly report. Every write is one
 * transaction with its audit line; a negative balance is kept and shown, never refused.
 */
export function createStockService(db: Queryable) {
  /** The reader's subtrees, narrowed to a unit she names (refused when outside them). */
  async function readScope(ctx: RequestContext, orgUnitId: string | undefined): Promise<{ paths: string[]; unitPath: string | null }> {
    const paths = stockPolicy.readablePaths(ctx.actor);
    if (!paths.length) throw new DomainError('forbidden');
    if (!orgUnitId) return { paths, unitPath: null };
    const unit = await findUnit(db, ctx.actor.organisationId, orgUnitId);
    if (!unit || !paths.some((p) => unit.path.startsWith(p))) throw invalidField('orgUnitId', 'invalid_choice');
    return { paths, unitPath: unit.path };
  }

  return {
    items: async (ctx: RequestContext) => ({ items: await itemsOf(db, ctx.actor.organisationId) }),

    /** Defines an item of the organisation, or changes a default one (labels, unit, threshold). */
    async defineItem(ctx: RequestContext, code: string, input: StockItemInput): Promise<StockItem> {
      if (!stockPolicy.defineItems(ctx.actor)) throw new DomainError('forbidden');
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        await repo.upsertItem(trx, { organisation_id: org, code, label_fr: input.labels.fr, label_ar: input.labels.ar, label_en: input.labels.en, unit: input.unit, low_threshold: input.lowThreshold, updated_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), { action: 'stock.item', entityType: 'stock_item', entityId: null, details: { code, unit: input.unit, lowThreshold: input.lowThreshold } });
        return (await itemsOf(trx, org)).find((i) => i.code === code)!;
      });
    },

    /** Records a movement (a transfer: its two lines in one transaction); a retried save (same id) is applied once. */
    async record(ctx: RequestContext, input: StockMovementInput): Promise<{ created: boolean; movement: { lines: StockMovement[] } }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const replayed = await repo.selectLineIds(trx, org, [id]);
        if (replayed.length) {
          return { created: false, movement: { lines: (await repo.selectLinesById(trx, org, [id])).map(toLine) } };
        }
        const unit = await unitWhere(trx, org, input.orgUnitId, (u) => u.active && stockPolicy.move(ctx.actor, u.path));
        if (!(await itemsOf(trx, org)).some((i) => i.code === input.item)) throw invalidField('item', 'unknown_reference', { value: input.item });
        const base = { item_code: input.item, movement_date: input.date, counted: null, source: null, lot: null, expires_on: null, reason: null, transfer_id: null, note: input.note, created_by: ctx.actor.userId };
        const lines: repo.NewLine[] = [];
        if (input.kind === 'transfer') {
          const to = await findUnit(trx, org, input.toOrgUnitId!);
          if (!to || !to.active) throw invalidField('toOrgUnitId', 'invalid_choice');
          const transfer = { ...base, transfer_id: id };
          lines.push({ ...transfer, id, org_unit_id: unit.id, kind: 'transfer_out', quantity: -input.quantity! });
          lines.push({ ...transfer, id: newId(), org_unit_id: to.id, kind: 'transfer_in', quantity: input.quantity! });
        } else if (input.kind === 'count') {
          // The count sets the balance: the line records the difference with what the ledger held.
          const held = await repo.selectBalance(trx, org, unit.id, input.item);
          lines.push({ ...base, id, org_unit_id: unit.id, kind: 'count', quantity: input.counted! - held, counted: input.counted });
        } else {
          const sign = input.kind === 'loss' ? -1 : 1;
          lines.push({ ...base, id, org_unit_id: unit.id, kind: input.kind, quantity: sign * input.quantity!, source: input.source, lot: input.lot, expires_on: input.expiresOn, reason: input.reason });
        }
        await repo.insertLines(trx, org, lines);
        await recordAudit(trx, whoOf(ctx), {
          action: 'stock.movement',
          entityType: 'stock_movement',
          entityId: id,
          orgUnit: { id: unit.id, path: unit.path },
          details: { kind: input.kind, item: input.item, quantity: lines[0]!.quantity, date: input.date, ...(input.toOrgUnitId ? { to: input.toOrgUnitId } : {}) },
        });
        return { created: true, movement: { lines: (await repo.selectLinesById(trx, org, lines.map((l) => l.id))).map(toLine) } };
      });
    },

    async movements(ctx: RequestContext, q: { orgUnitId?: string | undefined; item?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number }) {
      const { paths, unitPath } = await readScope(ctx, q.orgUnitId);
      const { rows, total } = await repo.selectLinePage(db, ctx.actor.organisationId, paths, { ...q, orgUnitPath: unitPath ?? undefined });
      return { items: rows.map(toLine), total };
    },

    /** Stock on hand per unit and item, months of stock at the recent rate, stock-out and expiry alerts. */
    async onHand(ctx: RequestContext, q: { orgUnitId?: string | undefined; expiryDays: number }): Promise<StockOnHand> {
      const org = ctx.actor.organisationId;
      const { paths, unitPath } = await readScope(ctx, q.orgUnitId);
      const asOf = todayUtc();
      const thisMonth = `${asOf.slice(0, 7)}-01`;
      const recentFrom = monthBounds(asOf.slice(0, 7), 3).from;
      const thresholds = new Map((await itemsOf(db, org)).map((i) => [i.code, i.lowThreshold]));
      const rows = await repo.selectOnHand(db, org, paths, unitPath, recentFrom, thisMonth);
      // Lots expiring at units that still hold the item (balance above 0): the first 500 by expiry.
      const held = new Set(rows.filter((r) => r.on_hand > 0).map((r) => `${r.org_unit_id}|${r.item_code}`));
      const expiring: Awaited<ReturnType<typeof repo.selectExpiring>> = [];
      for (let offset = 0; expiring.length < EXPIRING_SHOWN; offset += EXPIRING_SHOWN) {
        const lots = await repo.selectExpiring(db, org, paths, unitPath, addDays(asOf, -q.expiryDays), addDays(asOf, q.expiryDays), { limit: EXPIRING_SHOWN, offset });
        expiring.push(...lots.filter((l) => held.has(`${l.org_unit_id}|${l.item_code}`)).slice(0, EXPIRING_SHOWN - expiring.length));
        if (lots.length < EXPIRING_SHOWN) break;
      }
      return {
        asOf,
        rows: rows.map((r) => ({
          orgUnitId: r.org_unit_id,
          orgUnitCode: r.org_unit_code,
          orgUnitName: r.org_unit_name,
          item: r.item_code,
          onHand: r.on_hand,
          distributedRecently: r.distributed_recently,
          monthsOfStock: monthsOfStock(r.on_hand, r.distributed_recently),
          isBelowThreshold: isBelowThreshold(r.on_hand, thresholds.get(r.item_code) ?? null),
          isNegative: r.on_hand < 0,
        })),
        expiring: expiring.map((e) => ({ orgUnitId: e.org_unit_id, orgUnitName: e.org_unit_name, item: e.item_code, lot: e.lot, expiresOn: e.expires_on, received: e.received })),
      };
    },

    /** The monthly report per unit and item in the logistics form. */
    async report(ctx: RequestContext, q: { month: string; orgUnitId?: string | undefined }): Promise<StockReport> {
      const { paths, unitPath } = await readScope(ctx, q.orgUnitId);
      const month = `${q.month}-01`;
      const rows = await repo.selectMonth(db, ctx.actor.organisationId, paths, unitPath, month, monthBounds(q.month, 2).from);
      return {
        month: q.month,
        rows: rows.map((r) => {
          const figures = { received: r.received, transferred: r.transferred, distributed: r.distributed, lossesAdjustments: r.adjusted };
          // The opening balance is what the month's movements leave to reach its closing balance.
          const opening = r.closing - closingBalance({ opening: 0, ...figures });
          return { orgUnitId: r.org_unit_id, orgUnitCode: r.org_unit_code, orgUnitName: r.org_unit_name, item: r.item_code, opening, ...figures, closing: r.closing, monthsOfStock: monthsOfStock(r.closing, r.distributed_recently) };
        }),
      };
    },
  };
}
export type StockService = ReturnType<typeof createStockService>;
