/**
 * The one CSV writer of the product (report exports, the command line, import templates and
 * error lists): UTF-8 with a byte-order mark, comma-separated, CRLF, RFC 4180 quoting.
 *
 * Text that a spreadsheet would run as a formula is neutralised as OWASP recommends: a text
 * cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or the full-width
 * `＝ ＋ － ＠`) gets a leading `'`. Numbers are written as numbers (a gap of -188 stays a number).
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell as CSV text: empty for null, neutralised when text starts like a formula, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as a CSV document (the byte-order mark makes spreadsheet programs read UTF-8). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
