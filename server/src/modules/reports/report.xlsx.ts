import { toCsv, type CsvValue, type Locale, type ReportQuery, type ReportRow } from '@relais/core';
import { putNumber, setPrint, writePerformance, writePivot } from './report-sheets.ts';
import { reportWords, type ReportFileContext } from './report-words.ts';
import { newWorkbook } from '../../lib/workbook.ts';

/**
 * A report as a real spreadsheet with codes for heads (the command line's file): numbers as
 * numbers, rates (`ratios`: their indicator codes) and achievements as percentages.
 */
export async function reportWorkbook(columns: string[], rows: Record<string, unknown>[], options: { ratios?: ReadonlySet<string>; sheetName?: string } = {}): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(options.sheetName ?? 'report');
  sheet.addRow(columns).font = { bold: true };
  const numeric = new Set(['value', 'target', 'gap', 'achievement']);
  for (const r of rows) {
    const line = sheet.addRow(columns.map((c) => (numeric.has(c) ? null : ((r[c] ?? null) as string | number | null))));
    const rate = options.ratios?.has(String(r.indicator)) ?? false;
    columns.forEach((c, i) => {
      if (numeric.has(c)) putNumber(line.getCell(i + 1), r[c] as number | null, c === 'achievement' || rate);
    });
  }
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The file of a report for people: column heads and codes translated (indicator, dimension
 * values), numbers as numbers, rates as percentages. XLSX: the screen's layout (`performance`,
 * `pivot`) under a title block, then every row on a second sheet; or the rows alone (`rows`).
 * CSV: the rows, in UTF-8 with a BOM, rates as fractions (docs/indicators.md).
 */
export async function reportFile(rows: ReportRow[], q: ReportQuery, locale: Locale, format: 'xlsx' | 'csv', ctx: ReportFileContext = {}) {
  const words = reportWords(locale, ctx);
  const { t } = words;
  const dims = q.by.filter((d) => d !== 'period');
  const heads = [t('report.indicator', 'indicator'), t('report.period', 'period'), ...dims.map(words.dimension), t('report.value', 'value'), t('report.target', 'target'), t('report.gap', 'gap'), t('report.achievement', 'achievement')];
  const table = rows.map((r): CsvValue[] => [words.indicator(r.indicator), String(r.period), ...dims.map((d) => words.value(d, String(r[d] ?? ''), true)), r.value, r.target, r.gap, r.achievement]);
  const base = `relais-${q.program}-${q.period.replace(/[^0-9A-Za-z-]/g, '_')}`;
  if (format === 'csv') return { data: Buffer.from(toCsv([heads, ...table]), 'utf8'), contentType: 'text/csv; charset=utf-8', name: `${base}.csv` };

  const workbook = await newWorkbook();
  workbook.creator = 'Relais';
  const layout = ctx.layout ?? 'rows';
  if (layout !== 'rows') {
    const sheet = workbook.addWorksheet(t(`report.file.${layout}`, layout).slice(0, 31));
    if (layout === 'performance') writePerformance(sheet, rows, q, words, locale, ctx);
    else writePivot(sheet, rows, q, words, locale, ctx);
  }
  const detail = workbook.addWorksheet(layout === 'rows' ? q.program : t('report.file.detail', 'data').slice(0, 31));
  detail.addRow(heads).font = { bold: true };
  const valueCol = 3 + dims.length;
  rows.forEach((r, i) => {
    const line = detail.addRow(table[i]!);
    const rate = ctx.ratios?.has(r.indicator) ?? false;
    [r.value, r.target, r.gap].forEach((v, k) => putNumber(line.getCell(valueCol + k), v, rate));
    putNumber(line.getCell(valueCol + 3), r.achievement, true);
  });
  detail.columns.forEach((col) => {
    col.width = 18;
  });
  detail.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, rightToLeft: locale === 'ar' }];
  setPrint(detail, 1, 1);
  return { data: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: `${base}.xlsx` };
}
