import { completableSteps, insertionRow, type InsertionStepKind } from '@relais/core';
import { contentId } from '../../lib/ids.ts';
import { isSystemActor, SYSTEM_USER_ID } from '../../context/system.ts';
import { selectUnitsByCode } from '../org-units/index.ts';
import { selectIdsByCodes } from '../registry/index.ts';
import { loadRegistrySettings } from '../settings/index.ts';
import { selectEnabledPrograms } from '../capture/index.ts';
import { HARM_REDUCTION, insertSteps, selectStepOwners } from '../harm-reduction/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, claimIdInFile, codesInFile, mayWrite, rowSchema } from './row-checker.ts';

/**
 * Steps of insertion pathways (ADR 0033), checked with the rules of adding one (core's
 * `InsertionStepInput`: the last day not before the first, `completed` for a training or an
 * internship only and then with its last day; a unit where the importer records harm-reduction
 * services, the program run by the organisation) and written by the harm-reduction module. A
 * row without `id` is known by its content (person, step, title, first day): a file imported
 * again creates nothing.
 */
export const importInsertion: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const [units, settings, enabledPrograms] = await Promise.all([selectUnitsByCode(trx, org), loadRegistrySettings(trx, org), selectEnabledPrograms(trx, org)]);
  const persons = await selectIdsByCodes(trx, org, codesInFile(settings.codeScheme, table.rows));
  const actor = importer.ctx && !isSystemActor(importer.ctx.actor) ? importer.ctx.actor : null;
  const { columns, read } = rowSchema(insertionRow());
  const issues: RowIssue[] = [];
  const firstLineOfId = new Map<string, number>();
  const plan: Array<Parameters<typeof insertSteps>[2][number] & { line: number }> = [];
  for (const [i, { line, cells }] of table.rows.entries()) {
    const c = new RowChecker(line, cells);
    const row = c.read(read, cells);
    const code = c.code(settings.codeScheme, cells);
    const personId = c.person(code, persons);
    const unit = c.unit(units, 'section', row.section, (u) => u.active && mayWrite(importer, 'service.write', u.path));
    if (unit && !enabledPrograms.has(HARM_REDUCTION)) c.fail('section', 'invalid_choice');
    const kind = row.kind as InsertionStepKind | undefined;
    const endDate = row.end_date ?? null;
    const completed = row.completed === undefined ? null : row.completed === 'yes';
    if (endDate && row.start_date && endDate < row.start_date) c.fail('end_date', 'ends_before_start');
    if (completed !== null && kind && !completableSteps.includes(kind)) c.fail('completed', 'not_applicable');
    else if (completed === true && !endDate && !cells.end_date) c.fail('end_date', 'required');
    c.inColumnOrder(columns);
    issues.push(...c.issues);
    if (c.issues.length === 0 && personId && unit && kind && row.activity && row.start_date) {
      const id = row.id ? row.id.toLowerCase() : contentId(org, 'insertion', code ?? '', kind, row.activity, row.start_date);
      if (!claimIdInFile(firstLineOfId, id, line, issues)) continue;
      plan.push({
        line,
        id,
        beneficiary_id: personId,
        org_unit_id: unit.id,
        kind,
        activity: row.activity,
        start_date: row.start_date,
        end_date: endDate,
        completed,
        note: row.note ?? null,
        created_by: actor?.userId ?? SYSTEM_USER_ID,
      });
    }
    if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
  }
  // Rows already written (a re-import) are left as they are; an id of another person's step is refused.
  const known = await selectStepOwners(trx, org, plan.map((p) => p.id));
  for (const p of plan) if (known.has(p.id) && known.get(p.id) !== p.beneficiary_id) issues.push({ line: p.line, column: 'id', issue: { field: 'id', code: 'taken' } });
  const fresh = plan.filter((p) => !known.has(p.id));
  const report: ImportReport = { kind: 'insertion', dryRun, rows: table.rows.length, created: fresh.length, unchanged: plan.length - fresh.length, applied: false, issues };
  if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : fresh.length };
  await insertSteps(trx, org, fresh.map(({ line: _line, ...s }) => s));
  importer.onProgress?.('written', fresh.length, fresh.length);
  return { ...report, applied: true };
};
