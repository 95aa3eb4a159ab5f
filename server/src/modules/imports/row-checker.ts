import { checkCode, codeProblemParams, formatIssue, hasInvalidCharacters, parseRegisterNo, rowReader, type CodeScheme, type FieldIssue, type ReadRow, type RowShape, type TextFormat } from '@relais/core';
import { importsPolicy } from './imports.policy.ts';
import type { Importer, RowIssue } from './import-report.ts';

/** The params of an `invalid_format` issue: the documented format and its example. */
export const formatParams = (format: TextFormat) => formatIssue('', format).params;

/** May the importer write at this unit? The command line may write anywhere. */
export function mayWrite(importer: Importer, permission: 'org_unit.manage' | 'person.write' | 'service.write' | 'target.manage', path: string): boolean {
  return importsPolicy.importAt(importer.ctx?.actor ?? null, permission, path);
}

/** A kind's core row schema as an importer reads it: its columns in order (a row's issues follow them) and its reader. */
export function rowSchema<S extends RowShape>(shape: S) {
  return { columns: Object.keys(shape), read: rowReader(shape) };
}

/** The person codes of a file's `code` cells that the scheme accepts, once each (their persons are read in one query). */
export function codesInFile(scheme: CodeScheme, rows: readonly { cells: Record<string, string> }[]): string[] {
  return [...new Set(rows.map((r) => checkCode(scheme, r.cells.code ?? '')).flatMap((c) => (c.ok ? [c.code] : [])))];
}

/** A person found by her code: her record, or the one it was merged into. */
type PersonIds = ReadonlyMap<string, { id: string; merged_into: string | null }>;

/** The checks of one row's cells, each failure naming the line and the column. */
/** A row's id, taken once in a file: a second row naming it is refused, pointing at the first (`false`). */
export function claimIdInFile(firstLineOfId: Map<string, number>, id: string, line: number, issues: RowIssue[]): boolean {
  const first = firstLineOfId.get(id);
  if (first !== undefined) {
    issues.push({ line, column: 'id', issue: { field: 'id', code: 'duplicate_in_file', params: { value: id, first } } });
    return false;
  }
  firstLineOfId.set(id, line);
  return true;
}

export class RowChecker {
  issues: RowIssue[] = [];
  /** A cell holding NUL or a lone surrogate is refused as such, the row's other checks aside. */
  constructor(
    private readonly line: number,
    cells: Record<string, string>,
  ) {
    for (const [column, value] of Object.entries(cells)) if (hasInvalidCharacters(value)) this.fail(column, 'invalid_characters');
  }
  fail(column: string, code: FieldIssue['code'], params?: Record<string, string | number>) {
    // One reason per cell: a cell with invalid characters says only that.
    if (this.issues.some((i) => i.column === column && i.issue.code === 'invalid_characters')) return;
    this.issues.push({ line: this.line, column, issue: { field: column, code, ...(params ? { params } : {}) } });
  }
  /** Reads the row's cells with the core row schema of its kind (`rowReader`); each refused cell fails with the schema's issue. */
  read<S extends RowShape>(reader: (cells: Record<string, string>) => ReadRow<S>, cells: Record<string, string>) {
    const { values, issues } = reader(cells);
    for (const issue of issues) this.fail(issue.field, issue.code, issue.params);
    return values;
  }
  /** The row's person code, as the scheme writes it; null (and refused, with the scheme's problem) when the scheme refuses it. */
  code(scheme: CodeScheme, cells: Record<string, string>): string | null {
    const checked = checkCode(scheme, cells.code ?? '');
    if (checked.ok) return checked.code;
    this.fail('code', 'invalid_code', codeProblemParams(checked.problems[0]!));
    return null;
  }
  /** The id of the person a valid code names (a merged code stands for the record it was merged into); unknown: refused. */
  person(code: string | null, persons: PersonIds): string | null {
    if (code === null) return null;
    const p = persons.get(code);
    if (!p) this.fail('code', 'unknown_reference', { value: code });
    return p ? (p.merged_into ?? p.id) : null;
  }
  /** The unit a cell names by its code: unknown, refused; one where the importer may not write (`may`), refused too. */
  unit<U>(units: ReadonlyMap<string, U>, column: string, value: string | undefined, may: (unit: U) => boolean): U | undefined {
    const unit = units.get((value ?? '').toUpperCase());
    if (value && !unit) this.fail(column, 'unknown_reference', { value });
    else if (unit && !may(unit)) this.fail(column, 'invalid_choice');
    return unit;
  }
  /** Puts the row's issues in the order of its columns (the row schema's keys; other columns first). */
  inColumnOrder(columns: readonly string[]) {
    const rank = (c: string) => columns.indexOf(c);
    this.issues = this.issues.map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue.column) - rank(b.issue.column) || a.i - b.i).map((x) => x.issue);
  }
  /** A testing register number: a whole number, or the paper register's `2026-017` of the service's year. */
  registerNo(cells: Record<string, string>, column: string, year: number | null): number | null {
    const v = cells[column] ?? '';
    if (v === '') return null;
    const parsed = parseRegisterNo(v, year ?? Number(v.slice(0, 4)));
    if (!parsed.ok) {
      this.fail(column, parsed.issue.code, parsed.issue.params);
      return null;
    }
    return this.number(String(parsed.registerNo), column, /^\d+$/, 1, 1_000_000);
  }
  private number(v: string, column: string, shape: RegExp, min: number, max: number): number | null {
    if (v === '') return null;
    if (!shape.test(v)) {
      this.fail(column, 'invalid_type');
      return null;
    }
    const n = Number(v);
    if (n < min) this.fail(column, 'too_small', { min });
    else if (n > max) this.fail(column, 'too_big', { max });
    else return n;
    return null;
  }
}
