import ExcelJS from 'exceljs';
import {
  ageBandLabelKey, ALL_VALUES, UNKNOWN_AGE_BAND,
  hasKey,
  isOfGrain,
  sortDimensionValues,
  toCsv,
  translate,
  type CsvValue,
  type Locale,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
} from '@relais/core';

/** How an XLSX report is laid out: the screen's table (then the rows), or the rows alone. */
export type ReportLayout = 'performance' | 'pivot' | 'rows';

/** Number formats of report cells: counts with thousands, rates (fractions) as percentages. */
const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';

/**
 * A report as a real spreadsheet with codes for heads (the command line's file): numbers as
 * numbers, rates (`ratios`: their indicator codes) and achievements as percentages.
 */
export async function reportWorkbook(columns: string[], rows: Record<string, unknown>[], options: { ratios?: ReadonlySet<string>; sheetName?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
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

/** What a report file says besides its rows: names, which indicators are rates, who and when. */
export interface ReportFileContext {
  units?: ReadonlyMap<string, string>;
  indicators?: ReadonlyMap<string, string>;
  /** Codes of the ratio indicators (their values are percentages). */
  ratios?: ReadonlySet<string>;
  organisation?: string;
  layout?: ReportLayout;
  /** The day the file is made (YYYY-MM-DD), today by default. */
  generatedOn?: string;
}

/** The words of a report file in one language: heads, codes, periods. */
function reportWords(locale: Locale, ctx: ReportFileContext) {
  const t = (key: string, fallback: string, params?: Record<string, string | number>) => (hasKey(key) ? translate(locale, key, params) : fallback);
  const units = ctx.units ?? new Map<string, string>();
  const prefixed = new Set<ReportDimension>(['sex', 'service', 'program', 'population', 'result', 'strategy', 'modality', 'kind', 'marital_status', 'schooling', 'housing', 'occupation']);
  const tag = locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-FR';
  const day = (iso: string) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const period = (code: string): string => {
    let m: RegExpMatchArray | null;
    if ((m = code.match(/^(\d{4})-S([12])$/))) return t('report.period.semester', code, { n: m[2]!, year: m[1]! });
    if ((m = code.match(/^(\d{4})-Q([1-4])$/))) return t('report.period.quarter', code, { n: m[2]!, year: m[1]! });
    if ((m = code.match(/^(\d{4})-(\d{2})$/))) return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
    if ((m = code.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) return t('report.period.range', code, { from: day(m[1]!), to: day(m[2]!) });
    return code;
  };
  /** A dimension value in words; `withCode` adds a unit's code after its name. */
  const value = (d: ReportDimension, v: string, withCode = false): string => {
    if (v === ALL_VALUES) return t('report.all', v);
    if (d === 'period') return period(v);
    if (v === '') return d === 'worker' ? t('worker.not_recorded', v) : t('report.not_recorded', v);
    if ((d === 'org_unit' || d === 'site') && units.has(v)) return withCode ? `${units.get(v)} (${v})` : units.get(v)!;
    if (d === 'age_band') return v === UNKNOWN_AGE_BAND ? t('report.age_unknown', v) : t(ageBandLabelKey(v) ?? v, v);
    return prefixed.has(d) ? t(`${d}.${v}`, v) : v;
  };
  return {
    locale,
    t,
    period,
    value,
    dimension: (d: ReportDimension) => (d === 'period' ? t('report.period', d) : t(`report.dimension.${d}`, d)),
    indicator: (code: string) => ctx.indicators?.get(code) ?? t(`indicator.${code}`, code),
    day,
  };
}
type Words = ReturnType<typeof reportWords>;

/** The values of a dimension in the rows (no total), in the order the screens show them. */
function orderedValues(rows: readonly ReportRow[], q: ReportQuery, d: ReportDimension, words: Words, locale: Locale): string[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = d === 'period' ? r.period : String(r[d] ?? '');
    // A period total carries the query's period; the values are the sub-periods of the grain.
    if (d === 'period' ? isOfGrain(v, q.grain) : v !== ALL_VALUES) seen.add(v);
  }
  return sortDimensionValues(d, [...seen], (v) => words.value(d, v), locale);
}

/** Finds a row by indicator and dimension values (`*` = total; the period total is the query's period). */
function rowFinder(rows: readonly ReportRow[], q: ReportQuery) {
  const keyOf = (indicator: string, values: Partial<Record<ReportDimension, string>>) =>
    [indicator, ...q.by.map((d) => (d === 'period' ? (values.period === undefined || values.period === ALL_VALUES ? q.period : values.period) : (values[d] ?? ALL_VALUES)))].join('\u0000');
  const index = new Map<string, ReportRow>();
  for (const r of rows) {
    const key = keyOf(r.indicator, Object.fromEntries(q.by.map((d) => [d, d === 'period' ? r.period : String(r[d])])));
    if (!index.has(key)) index.set(key, r);
  }
  return (indicator: string, values: Partial<Record<ReportDimension, string>>) => index.get(keyOf(indicator, values));
}

/**
 * Writes the title block (title, organisation, program, period, level, filters, date) from row 1;
 * returns the next free row.
 */
function writeTitle(sheet: ExcelJS.Worksheet, title: string, q: ReportQuery, words: Words, ctx: ReportFileContext): number {
  const { t } = words;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
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
  lines.forEach(([label, text], i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = text;
  });
  return 2 + lines.length + 1;
}

/** Sets a cell to a report number: empty without a value, a percentage for a rate. */
function putNumber(cell: ExcelJS.Cell, value: number | null | undefined, percent: boolean): void {
  cell.value = value === null || value === undefined ? null : value;
  cell.numFmt = percent ? PERCENT_FORMAT : COUNT_FORMAT;
  cell.alignment = { horizontal: 'right' };
}

/** Landscape, one page wide, the head rows repeated on each page. */
function setPrint(sheet: ExcelJS.Worksheet, headFrom: number, headTo: number): void {
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `${headFrom}:${headTo}` };
}

/**
 * The performance framework as on screen: one row per indicator; for each value of the first
 * dimension (units) and the total, the value by the second (age bands) and in all, then the
 * target, gap and achievement of the group.
 */
function writePerformance(sheet: ExcelJS.Worksheet, rows: readonly ReportRow[], q: ReportQuery, words: Words, locale: Locale, ctx: ReportFileContext): void {
  const { t } = words;
  const top = writeTitle(sheet, `${t('report.file.performance', 'performance')} — ${t(`program.${q.program}`, q.program)}`, q, words, ctx);
  const [groupDim, subDim] = q.by as [ReportDimension | undefined, ReportDimension | undefined];
  const groups = [...(groupDim ? orderedValues(rows, q, groupDim, words, locale) : []), ALL_VALUES];
  const subs = subDim ? [...orderedValues(rows, q, subDim, words, locale), ALL_VALUES] : [ALL_VALUES];
  const find = rowFinder(rows, q);
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
function writePivot(sheet: ExcelJS.Worksheet, rows: readonly ReportRow[], q: ReportQuery, words: Words, locale: Locale, ctx: ReportFileContext): void {
  const { t } = words;
  let at = writeTitle(sheet, `${t('report.file.pivot', 'pivot')} — ${t(`program.${q.program}`, q.program)}`, q, words, ctx);
  const [rowDim, colDim] = q.by as [ReportDimension | undefined, ReportDimension | undefined];
  const rowValues = [...(rowDim ? orderedValues(rows, q, rowDim, words, locale) : []), ALL_VALUES];
  const colValues = colDim ? [...orderedValues(rows, q, colDim, words, locale), ALL_VALUES] : [null];
  const find = rowFinder(rows, q);
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

  const workbook = new ExcelJS.Workbook();
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
