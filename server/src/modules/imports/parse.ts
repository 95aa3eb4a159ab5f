import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../lib/workbook.ts';

/** A table read from a file: the header's column names and the rows, each with its line number in the file. */
export interface Table {
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

export class FileFormatError extends Error {
  override name = 'FileFormatError';
}

/**
 * RFC 4180 CSV in UTF-8 (a BOM is ignored): quoted fields may hold separators,
 * quotes ("") and line breaks. The separator is `,` or `;` (French Excel),
 * whichever the header line uses.
 */
export function parseCsv(text: string): Table {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      endRecord();
      line++;
      recordLine = line;
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      recordLine = line;
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new FileFormatError(`line ${recordLine}: a quoted field is not closed`);
  if (field !== '' || fields.length) endRecord();
  return toTable(records);
}

/** The first worksheet of an XLSX file, read like a CSV: header row first, cells as text (dates as YYYY-MM-DD). */
export async function parseXlsx(data: Buffer): Promise<Table> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new FileFormatError('not a readable XLSX file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileFormatError('the workbook has no worksheet');
  const records: { line: number; fields: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) fields.push(cellText(row.getCell(c).value));
    if (fields.some((f) => f !== '')) records.push({ line: rowNumber, fields });
  });
  return toTable(records);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    return '';
  }
  return String(value).trim();
}

function toTable(records: { line: number; fields: string[] }[]): Table {
  const [header, ...rest] = records;
  if (!header) throw new FileFormatError('the file is empty: a header row is expected');
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  return {
    columns,
    rows: rest.map((r) => ({ line: r.line, cells: Object.fromEntries(columns.map((c, i) => [c, (r.fields[i] ?? '').trim()])) })),
  };
}
