import type { ServiceCode } from './services.ts';

/**
 * Commodities stock per unit (issue 17): items, the kinds of movement of the ledger, which
 * services take which items, and the balance rules (on hand, months of stock, the monthly
 * report's equation). Pure: the server's SQL and the screens read these.
 */

/** Units of measure of an item; labels `stock_unit.<code>`. */
export const stockUnits = ['piece', 'box', 'kit', 'mg', 'bottle', 'test'] as const;
export type StockUnit = (typeof stockUnits)[number];

/** The items every organisation starts with; labels `stock_item.<code>` (an organisation may relabel them, set thresholds, add its own). */
export const defaultStockItems: ReadonlyArray<{ code: string; unit: StockUnit }> = [
  { code: 'condoms', unit: 'piece' },
  { code: 'lubricant', unit: 'piece' },
  { code: 'injection_kits', unit: 'kit' },
  { code: 'syringes', unit: 'piece' },
  { code: 'hiv_test_kits', unit: 'test' },
  { code: 'naloxone', unit: 'piece' },
  { code: 'methadone_mg', unit: 'mg' },
];

/** What one records; a transfer is written as two lines (`transfer_out` of one unit, `transfer_in` of the other). */
export const stockMovementKinds = ['receipt', 'transfer', 'loss', 'adjustment', 'count'] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/** The kinds of a ledger line; labels `stock_kind.<code>`. `distribution` lines are written by the services recorded, never by hand. */
export const stockLineKinds = ['receipt', 'transfer_out', 'transfer_in', 'distribution', 'loss', 'adjustment', 'count'] as const;
export type StockLineKind = (typeof stockLineKinds)[number];

/** Where a receipt comes from; labels `stock_source.<code>`. */
export const stockSources = ['national_programme', 'donor', 'other'] as const;
/** Why stock was lost or adjusted; labels `stock_reason.<code>`. */
export const stockReasons = ['expired', 'damaged', 'lost', 'stolen', 'correction', 'other'] as const;

/**
 * Which items a built-in service takes from the stock of the unit where it is given (its site,
 * else its unit): `perQuantity` takes `factor` per unit of the service's quantity (condoms ×10
 * takes 10 condoms), else `factor` per service (one HIV test takes one test kit).
 */
export const serviceStockUse: Partial<Record<ServiceCode, ReadonlyArray<{ item: string; factor: number; perQuantity: boolean }>>> = {
  condoms: [{ item: 'condoms', factor: 1, perQuantity: true }],
  lubricant: [{ item: 'lubricant', factor: 1, perQuantity: true }],
  syringe_kits: [{ item: 'injection_kits', factor: 1, perQuantity: true }],
  ost_dose: [{ item: 'methadone_mg', factor: 1, perQuantity: true }],
  hiv_test: [{ item: 'hiv_test_kits', factor: 1, perQuantity: false }],
  naloxone: [{ item: 'naloxone', factor: 1, perQuantity: true }],
};

/** The items and amounts one service takes (none for a service without stock use or a quantity of 0). */
export function stockTakenBy(service: string, quantity: number | null): Array<{ item: string; quantity: number }> {
  const uses = serviceStockUse[service as ServiceCode] ?? [];
  return uses.map((u) => ({ item: u.item, quantity: u.perQuantity ? (quantity ?? 0) * u.factor : u.factor })).filter((u) => u.quantity > 0);
}

/** The months the recent rate is taken over (distributions of the last three months). */
export const RECENT_MONTHS = 3;

/**
 * Months of stock at the recent rate: on hand ÷ the average monthly distribution of the last
 * three months, to one decimal; null when nothing was distributed (no rate to divide by). A
 * negative stock has 0 months.
 */
export function monthsOfStock(onHand: number, distributedRecently: number): number | null {
  if (distributedRecently <= 0) return null;
  if (onHand <= 0) return 0;
  return Math.round((onHand / (distributedRecently / RECENT_MONTHS)) * 10) / 10;
}

/** One unit's and item's month in the logistics form. */
export interface StockMonthFigures {
  opening: number;
  received: number;
  /** Transfers in less transfers out. */
  transferred: number;
  distributed: number;
  /** Losses (negative), adjustments and physical counts' differences (either sign). */
  lossesAdjustments: number;
}

/** The balance equation: opening + received ± transfers − distributed ± losses and adjustments = closing. */
export function closingBalance(m: StockMonthFigures): number {
  return m.opening + m.received + m.transferred - m.distributed + m.lossesAdjustments;
}

/** Is an item at or below its threshold (a stock-out alert)? No threshold: only when nothing is left. */
export function isBelowThreshold(onHand: number, threshold: number | null): boolean {
  return threshold === null ? onHand <= 0 : onHand <= threshold;
}

/** The first and last day of a month `YYYY-MM`, and the first day of the month `back` months before. */
export function monthBounds(month: string, back = 0): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - back, 1));
  const end = new Date(Date.UTC(y, m, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
