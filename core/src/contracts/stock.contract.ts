import { z } from 'zod';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { PastDate } from './beneficiaries.contract.ts';
import { stockLineKinds, stockMovementKinds, stockReasons, stockSources, stockUnits } from '../domain/stock.ts';

// Commodities stock per unit (issue 17): items, the ledger's movements, stock on hand with its
// alerts, the monthly report in the logistics form.

/** An item's code: lower-case letters, digits and underscores (`condoms`, `methadone_mg`). */
export const StockItemCode = text().trim().min(2).max(40).regex(/^[a-z][a-z0-9_]*$/, { message: 'format:stock_item_code' });

const Label = text().trim().min(1).max(100);

export const StockItemInput = z.object({
  labels: z.object({ fr: Label, ar: Label, en: Label }),
  unit: z.enum(stockUnits),
  /** At or below it, a stock-out alert; null: only when nothing is left. */
  lowThreshold: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export type StockItemInput = z.infer<typeof StockItemInput>;

export const StockItem = StockItemInput.extend({
  code: text(),
  /** One of the default list (its labels come from the catalogues until the organisation changes them). */
  builtIn: z.boolean(),
});
export type StockItem = z.infer<typeof StockItem>;
export const StockItemList = z.object({ items: z.array(StockItem) });
export const StockItemParams = z.object({ code: StockItemCode });

/**
 * A movement recorded by hand. Which fields apply depends on `kind`: a receipt takes a source
 * (lot and expiry optional), a transfer the unit it goes to, a loss and an adjustment a reason
 * (an adjustment's quantity is signed), a count the quantity counted (it sets the balance).
 */
export const StockMovementInput = z
  .object({
    /** Client-generated: a retried save is applied once. */
    id: Id.optional(),
    kind: z.enum(stockMovementKinds),
    orgUnitId: Id,
    item: StockItemCode,
    date: PastDate,
    quantity: z.number().int().min(-100_000_000).max(100_000_000).nullable().default(null),
    counted: z.number().int().min(0).max(100_000_000).nullable().default(null),
    toOrgUnitId: Id.nullable().default(null),
    source: z.enum(stockSources).nullable().default(null),
    lot: text().trim().min(1).max(60).nullable().default(null),
    expiresOn: z.iso.date().nullable().default(null),
    reason: z.enum(stockReasons).nullable().default(null),
    note: text().trim().max(500).nullable().default(null),
  })
  .superRefine((m, ctx) => {
    const need = (field: keyof typeof m, ok: boolean) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    };
    const none = (field: keyof typeof m) => {
      if (m[field] !== null) ctx.addIssue({ code: 'custom', path: [field], message: 'not_applicable' });
    };
    if (m.kind === 'count') {
      need('counted', m.counted !== null);
      none('quantity');
    } else {
      need('quantity', m.quantity !== null && m.quantity !== 0);
      none('counted');
      if (m.kind !== 'adjustment' && m.quantity !== null && m.quantity < 0) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 1, inclusive: true, path: ['quantity'], input: m.quantity, message: 'too_small' });
    }
    if (m.kind === 'transfer') {
      need('toOrgUnitId', m.toOrgUnitId !== null);
      if (m.toOrgUnitId === m.orgUnitId) ctx.addIssue({ code: 'custom', path: ['toOrgUnitId'], message: 'same_unit' });
    } else none('toOrgUnitId');
    if (m.kind === 'receipt') need('source', m.source !== null);
    else for (const f of ['source', 'lot', 'expiresOn'] as const) none(f);
    if (m.kind === 'loss' || m.kind === 'adjustment') need('reason', m.reason !== null);
    else none('reason');
  });
export type StockMovementInput = z.infer<typeof StockMovementInput>;

/** A line of the ledger. */
export const StockMovement = z.object({
  id: Id,
  kind: z.enum(stockLineKinds),
  orgUnitId: Id,
  orgUnitName: text(),
  item: text(),
  /** The change of the balance (negative: out of the unit). */
  quantity: z.number().int(),
  date: text(),
  counted: z.number().int().nullable(),
  source: z.enum(stockSources).nullable(),
  lot: text().nullable(),
  expiresOn: text().nullable(),
  reason: z.enum(stockReasons).nullable(),
  /** Both lines of a transfer share it. */
  transferId: Id.nullable(),
  /** The service whose distribution this is. */
  serviceId: Id.nullable(),
  note: text().nullable(),
});
export type StockMovement = z.infer<typeof StockMovement>;
export const StockMovementResult = z.object({ lines: z.array(StockMovement) });
export type StockMovementResult = z.infer<typeof StockMovementResult>;

export const StockMovementQuery = PageQuery.extend({
  orgUnitId: Id.optional(),
  item: StockItemCode.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const StockMovementPage = pageOf(StockMovement);

export const StockOnHandQuery = z.object({
  /** The unit and those under it (default: every unit one may read). */
  orgUnitId: Id.optional(),
  /** Lots expiring within this many days, or expired within as many, are alerts. */
  expiryDays: z.coerce.number().int().min(0).max(3650).default(90),
});

/** What a row of stock on hand or of the monthly report is about: a unit and an item. */
const UnitItem = z.object({
  orgUnitId: Id,
  orgUnitCode: text(),
  orgUnitName: text(),
  item: text(),
});

export const StockOnHandRow = UnitItem.extend({
  onHand: z.number().int(),
  /** Distributed in the last three whole months (the recent rate × 3). */
  distributedRecently: z.number().int(),
  monthsOfStock: z.number().nullable(),
  isBelowThreshold: z.boolean(),
  isNegative: z.boolean(),
});
export type StockOnHandRow = z.infer<typeof StockOnHandRow>;

export const StockExpiry = z.object({ orgUnitId: Id, orgUnitName: text(), item: text(), lot: text().nullable(), expiresOn: text(), received: z.number().int() });

export const StockOnHand = z.object({
  asOf: text(),
  rows: z.array(StockOnHandRow),
  /** Lots received at units that still hold the item, expiring within `expiryDays` or expired within as many days (the first 500). */
  expiring: z.array(StockExpiry),
});
export type StockOnHand = z.infer<typeof StockOnHand>;

export const StockReportQuery = z.object({
  month: text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'format:month' }),
  orgUnitId: Id.optional(),
});

export const StockReportRow = UnitItem.extend({
  opening: z.number().int(),
  received: z.number().int(),
  transferred: z.number().int(),
  distributed: z.number().int(),
  lossesAdjustments: z.number().int(),
  closing: z.number().int(),
  monthsOfStock: z.number().nullable(),
});
export type StockReportRow = z.infer<typeof StockReportRow>;
export const StockReport = z.object({ month: text(), rows: z.array(StockReportRow) });
export type StockReport = z.infer<typeof StockReport>;
