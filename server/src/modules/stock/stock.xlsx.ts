import { translate, type Locale, type MessageKey, type StockItem, type StockReport } from '@relais/core';
import { newWorkbook } from '../../lib/workbook.ts';

const columns = ['opening', 'received', 'transferred', 'distributed', 'lossesAdjustments', 'closing', 'monthsOfStock'] as const;

/**
 * The monthly stock report as one sheet in the logistics form: a title line, then per unit and
 * item the opening balance, received, transfers, distributed, losses and adjustments, closing
 * balance and months of stock (numbers as numbers); the words and item labels in the caller's language.
 */
export async function stockReportWorkbook(report: StockReport, items: readonly StockItem[], locale: Locale) {
  const t = (key: string) => translate(locale, key as MessageKey);
  const labelOf = new Map(items.map((i) => [i.code, `${i.labels[locale]} (${t(`stock_unit.${i.unit}`)})`]));
  const workbook = await newWorkbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(t('stock.report.title').slice(0, 31), { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 3 }] });
  sheet.getCell(1, 1).value = `${t('stock.report.title')} — ${report.month}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const head = sheet.getRow(3);
  [t('stock.report.unit'), t('stock.report.item'), ...columns.map((c) => t(`stock.report.${c}`))].forEach((h, i) => {
    head.getCell(i + 1).value = h;
    head.getCell(i + 1).font = { bold: true };
    head.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  report.rows.forEach((r, n) => {
    const row = sheet.getRow(4 + n);
    row.getCell(1).value = r.orgUnitName;
    row.getCell(2).value = labelOf.get(r.item) ?? r.item;
    columns.forEach((c, i) => {
      const cell = row.getCell(3 + i);
      cell.value = r[c] ?? '—';
      if (c === 'monthsOfStock') cell.numFmt = '0.0';
      // A negative balance is shown, in red, never hidden.
      if (typeof r[c] === 'number' && (r[c] as number) < 0) cell.font = { color: { argb: 'FFC00000' } };
    });
  });
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 28;
  for (let i = 3; i < 3 + columns.length; i++) sheet.getColumn(i).width = 14;
  return {
    name: `stock-${report.month}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
