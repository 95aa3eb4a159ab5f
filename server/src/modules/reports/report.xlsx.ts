import ExcelJS from 'exceljs';
import { hasKey, translate, type Locale, type ReportQuery, type ReportRow } from '@relais/core';

/** A report as a real spreadsheet: a header row, numbers as numbers. */
export async function reportWorkbook(columns: string[], rows: Record<string, unknown>[], sheetName = 'report'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => (r[c] === null || r[c] === undefined ? null : (r[c] as string | number))));
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The file of a report for people: column heads and codes translated (indicator, dimension
 * values), numbers as numbers; CSV in UTF-8 with a BOM so spreadsheet programs read accents.
 */
export async function reportFile(
  rows: ReportRow[],
  q: ReportQuery,
  locale: Locale,
  format: 'xlsx' | 'csv',
  names: { units?: ReadonlyMap<string, string>; indicators?: ReadonlyMap<string, string> } = {},
) {
  const unitNames = names.units ?? new Map<string, string>();
  const t = (key: string, fallback: string) => (hasKey(key) ? translate(locale, key) : fallback);
  const dims = q.by.filter((d) => d !== 'period');
  const heads = [
    t('report.indicator', 'indicator'),
    t('report.period', 'period'),
    ...dims.map((d) => t(`report.dimension.${d}`, d)),
    t('report.value', 'value'),
    t('report.target', 'target'),
    t('report.gap', 'gap'),
    t('report.achievement', 'achievement'),
  ];
  const label = (d: string, v: string) => {
    if (v === '*') return t('report.all', '*');
    if ((d === 'org_unit' || d === 'site') && unitNames.has(v)) return `${unitNames.get(v)} (${v})`;
    if (d === 'age_band' && v === 'unknown') return t('report.age_unknown', v);
    if (d === 'worker' && v === '') return t('worker.not_recorded', v);
    const prefix: Record<string, string> = { sex: 'sex', service: 'service', program: 'program', population: 'population', result: 'result', strategy: 'strategy', modality: 'modality', kind: 'kind', marital_status: 'marital_status', schooling: 'schooling', housing: 'housing', occupation: 'occupation' };
    return prefix[d] ? t(`${prefix[d]}.${v}`, v) : v;
  };
  const table = rows.map((r) => [
    names.indicators?.get(r.indicator) ?? t(`indicator.${r.indicator}`, r.indicator),
    String(r.period),
    ...dims.map((d) => label(d, String(r[d] ?? ''))),
    r.value,
    r.target,
    r.gap,
    r.achievement,
  ]);
  const base = `relais-${q.program}-${q.period.replace(/[^0-9A-Za-z-]/g, '_')}`;
  if (format === 'csv') {
    const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const text = '\ufeff' + [heads, ...table].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
    return { data: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', name: `${base}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Relais';
  const sheet = workbook.addWorksheet(q.program);
  if (locale === 'ar') sheet.views = [{ rightToLeft: true }];
  sheet.addRow(heads).font = { bold: true };
  for (const line of table) sheet.addRow(line);
  sheet.columns.forEach((col) => {
    col.width = 18;
  });
  return { data: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: `${base}.xlsx` };
}
