import fs from 'node:fs';
import { ReportQuery, toCsv, type CsvValue } from '@relais/core';
import { createReportsService, reportWorkbook } from '../modules/reports/index.ts';
import { contextOf, locale, parseInput, UsageError, withDb, type Command } from './shared.ts';

/** `relais report`: one row per cell of a report on the whole organisation, as JSON lines, CSV or XLSX. */
export const report: Command = async ({ config, values }) => {
  if (!values.org || !values.program || !values.period || !values.indicators) throw new UsageError('report needs --org, --program, --period and --indicators');
  const filters: Record<string, string[]> = {};
  for (const pair of (values.filter ?? '').split(',').filter(Boolean)) {
    const [dim, value] = pair.split('=');
    if (!dim || !value) throw new UsageError(`--filter takes dimension=value pairs: ${pair}`);
    (filters[dim.trim()] ??= []).push(value.trim());
  }
  const query = parseInput(ReportQuery, {
    program: values.program,
    period: values.period,
    indicators: values.indicators.split(',').map((x) => x.trim()),
    by: (values.by ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    filters,
    ...(values.grain ? { grain: values.grain } : {}),
    ...(values.level ? { orgUnitLevel: values.level } : {}),
  });
  const format = values.format === 'jsonl' || !values.format ? 'jsonl' : values.format;
  if (format !== 'jsonl' && format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is jsonl, csv or xlsx');
  // The system's context administers the whole organisation: the report counts every unit.
  const { rows, ratios } = await withDb(config, async (db) => {
    const ctx = await contextOf(db, values.org!);
    const reports = createReportsService(db.kysely);
    return { rows: await reports.report(ctx, query), ratios: (await reports.fileContext(ctx, locale)).ratios };
  });
  const columns = ['indicator', 'period', ...query.by.filter((d) => d !== 'period'), 'value', 'target', 'gap', 'achievement'];
  const shaped = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  if (format === 'jsonl') {
    const text = shaped.map((r) => JSON.stringify(r)).join('\n') + (shaped.length ? '\n' : '');
    if (values.output) fs.writeFileSync(values.output, text);
    else process.stdout.write(text);
  } else if (format === 'csv') {
    const text = toCsv([columns, ...shaped.map((r) => columns.map((c) => r[c] as CsvValue))]);
    if (values.output) fs.writeFileSync(values.output, text);
    else process.stdout.write(text);
  } else {
    const data = await reportWorkbook(columns, shaped, { ratios });
    if (values.output) fs.writeFileSync(values.output, data);
    else process.stdout.write(data);
  }
  return 0;
};
