import type ExcelJS from 'exceljs';
import { ALL_VALUES, type Locale, type ReportDimension, type ReportQuery, type ReportRow } from '@relais/core';
import { orderedValues, rowFinder, type ReportFileContext, type Words } from './report-words.ts';

/** Number formats of report cells: counts with thousands, rates (fractions) as percentages. */
const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';

/** A file's heading: its title in row 1, then one line a row, the label in bold; returns the row after the last line. */
export function writeHeading(sheet: ExcelJS.Worksheet, title: string, lines: ReadonlyArray<readonly [string, string]>): number {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  lines.forEach(([label, text], i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = text;
  });
  return 2 + lines.length;
}

/**
 * Writes the title block (title, organisation, program, period, level, filters, date) from row 1;
 * returns the next free row (after a blank one).
 */
function writeTitle(sheet: ExcelJS.Worksheet, title: string, q: ReportQuery, words: Words, ctx: ReportFileContext): number {
  const { t } = words;
  const filters = (Object.entries(q.filters) as [ReportDimension, string[]][]).map(([d, values]) => `${words.dimension(d)}${words.locale === 'fr' ? ' : ' : ': '}${values.map((v) => words.value(d, v)).join(', ')}`);
  const lines: Array<[string, string]> = [
    ...(ctx.organisation ? [[t('report.file.organisation', 'organisation'), ctx.organisation] as [string, string]] : []),
    [t('report.dimension.program', 'program'), t(`program.${q.program}`, q.program)],
    [t('report.period', 'period'), words.period(q.period)],
    ...(q.orgUnitLevel && (q.by.includes('org_unit') || q.filters.org_unit) ? [[t('report.file.level', 'level'), t(`org_unit_level.${q.orgUnitLevel}`, q.orgUnitLevel)] as [string, string]] : []),
    [t('report.file.filters', 'filters'), filters.length ? filters.join(' ; ') : t('report.file.no_filter', '-')],
    ...(q.suppressBelow ? [[t('report.file.suppressed', 'suppressed', { max: q.suppressBelow - 1 }), ''] as [string, string]] : []),
    [t('report.file.generated', 'generated'), words.day(ctx.generatedOn ?? new Date().toISOString().slice(0, 10))],
  ];
  return writeHeading(sheet, title, lines) + 1;
}

/** Sets a cell to a report number: empty without a value, a percentage for a rate. */
export function putNumber(cell: ExcelJS.Cell, value: number | null | undefined, percent: boolean): void {
  cell.value = value === null || value === undefined ? null : value;
  cell.numFmt = percent ? PERCENT_FORMAT : COUNT_FORMAT;
  cell.alignment = { horizontal: 'right' };
}

/** Landscape, one page wide, the head rows repeated on each page. */
export function setPrint(sheet: ExcelJS.Worksheet, headFrom: number, headTo: number): void {
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `${headFrom}:${headTo}` };
}

/**
 * What both screen layouts start with: the title block (`top`: the next free row), the first and
 * second dimensions with their values in screen order and the total (`secondValues` null without a
 * second dimension), and a finder of rows.
 */
function startLayout(sheet: ExcelJS.Worksheet, layout: 'performance' | 'pivot', rows: readonly ReportRow[], q: ReportQuery, words: Words, locale: Locale, ctx: ReportFileContext) {
  const { t } = words;
  const top = writeTitle(sheet, `${t(`report.file.${layout}`, layout)} — ${t(`program.${q.program}`, q.program)}`, q, words, ctx);
  const [first, second] = q.by as [ReportDimension | undefined, ReportDimension | undefined];
  const valuesOf = (d: ReportDimension) => [...orderedValues(rows, q, d, words, locale), ALL_VALUES];
  return { top, first, second, firstValues: first ? valuesOf(first) : [ALL_VALUES], secondValues: second ? valuesOf(second) : null, find: rowFinder(rows, q) };
}

/**
 * The performance framework as on screen: one row per indicator; for each value of the first
 * dimension (units) and the total, the value by the second (age bands) and in all, then the
 * target, gap and achievement of the group.
 */
export function writePerformance(sheet: ExcelJS.Worksheet, rows: readonly ReportRow[], q: ReportQuery, words: Words, locale: Locale, ctx: ReportFileContext): void {
  const { t } = words;
  const { top, first: groupDim, second: subDim, firstValues: groups, secondValues, find } = startLayout(sheet, 'performance', rows, q, words, locale, ctx);
  const subs = secondValues ?? [ALL_VALUES];
  // As on screen: the target, gap and achievement of each group, set or not.
  const span = subs.length + 3;
  const head1 = sheet.getRow(top);
  const head2 = sheet.getRow(top + 1);
  head1.getCell(1).value = t('report.indicator', 'indicator');
  sheet.mergeCells(top, 1, top + 1, 1);
  groups.forEach((g, gi) => {
    const first = 2 + gi * span;
    head1.getCell(first).value = groupDim ? words.value(groupDim, g) : t('report.all', g);
    if (span > 1) sheet.mergeCells(top, first, top, first + span - 1);
    const subHeads = [...subs.map((s) => (subDim ? words.value(subDim, s) : t('report.value', 'value'))), t('report.target', 'target'), t('report.gap', 'gap'), t('report.achievement', 'achievement')];
    subHeads.forEach((text, i) => {
      head2.getCell(first + i).value = text;
    });
  });
  for (const r of [head1, head2]) {
    r.font = { bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  q.indicators.forEach((code, i) => {
    const line = sheet.getRow(top + 2 + i);
    const rate = ctx.ratios?.has(code) ?? false;
    line.getCell(1).value = words.indicator(code);
    groups.forEach((g, gi) => {
      const first = 2 + gi * span;
      const at = (s: string) => find(code, { ...(groupDim ? { [groupDim]: g } : {}), ...(subDim ? { [subDim]: s } : {}) });
      subs.forEach((s, si) => putNumber(line.getCell(first + si), at(s)?.value ?? (rate ? null : 0), rate));
      const total = at(ALL_VALUES);
      putNumber(line.getCell(first + subs.length), total?.target, rate);
      putNumber(line.getCell(first + subs.length + 1), total?.gap, rate);
      putNumber(line.getCell(first + subs.length + 2), total?.achievement, true);
    });
  });
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= 1 + groups.length * span; c++) sheet.getColumn(c).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: top + 1, rightToLeft: locale === 'ar' }];
  setPrint(sheet, top, top + 1);
}

/**
 * The pivot as on screen: per indicator a table, values of the first dimension in rows and of
 * the second in columns, with the totals; a single dimension shows the target, gap and achievement.
 */
export function writePivot(sheet: ExcelJS.Worksheet, rows: readonly ReportRow[], q: ReportQuery, words: Words, locale: Locale, ctx: ReportFileContext): void {
  const { t } = words;
  const { top, first: rowDim, second: colDim, firstValues: rowValues, secondValues, find } = startLayout(sheet, 'pivot', rows, q, words, locale, ctx);
  const colValues: Array<string | null> = secondValues ?? [null];
  let at = top;
  const firstHead = at + 1;
  let width = 2;
  for (const code of q.indicators) {
    const rate = ctx.ratios?.has(code) ?? false;
    const withTargets = !colDim && rows.some((r) => r.indicator === code && r.target !== null);
    const caption = sheet.getRow(at);
    caption.getCell(1).value = rowDim
      ? colDim
        ? t('report.file.crossed', code, { indicator: words.indicator(code), rows: words.dimension(rowDim), columns: words.dimension(colDim) })
        : t('report.file.breakdown', code, { indicator: words.indicator(code), rows: words.dimension(rowDim) })
      : words.indicator(code);
    caption.font = { bold: true };
    const head = sheet.getRow(at + 1);
    head.getCell(1).value = rowDim ? words.dimension(rowDim) : t('report.indicator', 'indicator');
    const heads = [...colValues.map((c) => (colDim && c !== null ? words.value(colDim, c) : t('report.value', 'value'))), ...(withTargets ? [t('report.target', 'target'), t('report.gap', 'gap'), t('report.achievement', 'achievement')] : [])];
    heads.forEach((text, i) => {
      head.getCell(2 + i).value = text;
    });
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle' };
    width = Math.max(width, 1 + heads.length);
    rowValues.forEach((r, ri) => {
      const line = sheet.getRow(at + 2 + ri);
      line.getCell(1).value = rowDim ? words.value(rowDim, r) : words.indicator(code);
      if (r === ALL_VALUES) line.font = { bold: true };
      colValues.forEach((c, ci) => {
        const found = find(code, { ...(rowDim ? { [rowDim]: r } : {}), ...(colDim && c !== null ? { [colDim]: c } : {}) });
        putNumber(line.getCell(2 + ci), found?.value ?? (rate ? null : 0), rate);
      });
      if (withTargets) {
        const found = find(code, rowDim ? { [rowDim]: r } : {});
        putNumber(line.getCell(2 + colValues.length), found?.target, rate);
        putNumber(line.getCell(3 + colValues.length), found?.gap, rate);
        putNumber(line.getCell(4 + colValues.length), found?.achievement, true);
      }
    });
    at += rowValues.length + 3;
  }
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 13;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: firstHead, rightToLeft: locale === 'ar' }];
  setPrint(sheet, firstHead, firstHead);
}
