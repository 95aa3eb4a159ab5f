import { parsePeriod, targetRow } from '@relais/core';
import { selectUnitsByCode } from '../org-units/index.ts';
import { loadIndicators, selectTargetValues, targetKey, upsertTargets, type TargetRow } from '../reports/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, formatParams, mayWrite, rowSchema } from './row-checker.ts';

/** Targets per indicator, program, unit and period; a target already set takes the file's value. */
export const importTargets: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const [units, existing, indicators] = await Promise.all([selectUnitsByCode(trx, org), selectTargetValues(trx, org), loadIndicators(trx, org)]);
  const indicatorCodes = indicators.map((i) => i.code);
  const { columns, read } = rowSchema(targetRow());
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  const plan: TargetRow[] = [];
  let unchanged = 0;
  for (const { line, cells } of table.rows) {
    const c = new RowChecker(line, cells);
    const row = c.read(read, cells);
    const indicator = row.indicator ?? null;
    if (indicator !== null && !indicatorCodes.includes(indicator)) c.fail('indicator', 'invalid_choice');
    const program = row.program ?? null;
    const unit = c.unit(units, 'org_unit', row.org_unit, (u) => mayWrite(importer, 'target.manage', u.path));
    const period = row.period ?? null;
    if (period && !parsePeriod(period)) c.fail('period', 'invalid_format', formatParams('period'));
    const value = row.value ?? null;
    c.inColumnOrder(columns);
    if (c.issues.length === 0 && indicator && program && unit && period && value !== null) {
      const target = { indicator, program, unitId: unit.id, period, value };
      const key = targetKey(target);
      if (seen.has(key)) c.fail('period', 'duplicate_in_file', { value: period, first: seen.get(key)! });
      else {
        seen.set(key, line);
        if (existing.get(key) === value) unchanged++;
        else plan.push(target);
      }
    }
    issues.push(...c.issues);
  }
  const report: ImportReport = { kind: 'targets', dryRun, rows: table.rows.length, created: issues.length ? 0 : plan.length, unchanged, applied: false, issues };
  if (issues.length || dryRun) return report;
  await upsertTargets(trx, org, plan);
  return { ...report, applied: true };
};
