import type { Locale, StockUnit } from '@relais/core';
import type { I18n } from '../../i18n/i18n.tsx';
import type { StockItemData } from './stock-api.ts';

/** An item's label in the reader's language, with its unit of measure ("Préservatifs (pièce)"). */
export function itemLabel(items: readonly StockItemData[], code: string, locale: Locale, t: I18n['t']): string {
  const item = items.find((i) => i.code === code);
  return item ? `${item.labels[locale]} (${t(`stock_unit.${item.unit as StockUnit}`)})` : code;
}

/** Months of stock to one decimal in the reader's digits; a dash without a recent rate. */
export function monthsLabel(months: number | null, locale: Locale): string {
  return months === null ? '—' : months.toLocaleString(locale === 'ar' ? 'ar-MA' : locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** Units as choices, indented by their depth in the tree. */
export function unitOptions(units: ReadonlyArray<{ unit: { id: string; name: string }; depth: number }>): Array<{ value: string; label: string }> {
  return units.map((n) => ({ value: n.unit.id, label: `${'\u00a0\u00a0'.repeat(n.depth)}${n.unit.name}` }));
}
