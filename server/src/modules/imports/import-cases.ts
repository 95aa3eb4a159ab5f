import { caseRow, wallClockNow } from '@relais/core';
import { contentId, newId } from '../../lib/ids.ts';
import { isSystemActor, SYSTEM_USER_ID } from '../../context/system.ts';
import { selectUnitsByCode } from '../org-units/index.ts';
import { selectIdsByCodes } from '../registry/index.ts';
import { loadCaseSettings, loadRegistrySettings } from '../settings/index.ts';
import { selectEnabledPrograms } from '../capture/index.ts';
import { casesPolicy, openMany, selectCasesByIds, selectOpenCasesOf, type ImportedCase } from '../cases/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, claimIdInFile, codesInFile, rowSchema } from './row-checker.ts';

/** A date alone (`YYYY-MM-DD`) is read as 00:00 for a reception. */
const atMinute = (v: string) => (v.length === 10 ? `${v}T00:00` : v);

/**
 * Cases, checked with the rules of opening one (the organisation's typology, an incident before
 * the reception, never in the future, one open case per person and program, the importer's
 * `case.write` on the unit for the program) and written by the cases module (`openMany`). A
 * row with `closed_on` and `closure_reason` is a closed case with its history.
 */
export const importCases: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const [units, settings, caseSettings, enabledPrograms] = await Promise.all([selectUnitsByCode(trx, org), loadRegistrySettings(trx, org), loadCaseSettings(trx, org), selectEnabledPrograms(trx, org)]);
  const now = wallClockNow(caseSettings.timeZone);
  const persons = await selectIdsByCodes(trx, org, codesInFile(settings.codeScheme, table.rows));
  const actor = importer.ctx && !isSystemActor(importer.ctx.actor) ? importer.ctx.actor : null;
  const { columns, read } = rowSchema(caseRow());
  const issues: RowIssue[] = [];
  const firstLineOfId = new Map<string, number>();
  const plan: (ImportedCase & { line: number })[] = [];
  for (const [i, { line, cells }] of table.rows.entries()) {
    const c = new RowChecker(line, cells);
    const row = c.read(read, cells);
    const code = c.code(settings.codeScheme, cells);
    const personId = c.person(code, persons);
    const program = row.program ?? null;
    if (program && !enabledPrograms.has(program)) c.fail('program', 'invalid_choice');
    const unit = c.unit(units, 'section', row.section, (u) => !program || !actor || casesPolicy.openAt(actor, u, program));
    const openedAt = row.opened_at ? atMinute(row.opened_at) : null;
    if (openedAt && openedAt > now) c.fail('opened_at', 'future_date');
    const incident = row.incident_at ?? null;
    // The incident precedes the reception (a date on either side: compare the dates).
    if (incident && openedAt) {
      const bothTimed = incident.length > 10 && row.opened_at!.length > 10;
      if (bothTimed ? incident > openedAt : incident.slice(0, 10) > openedAt.slice(0, 10)) c.fail('incident_at', 'after_reception');
    }
    const violenceType = row.violence_type ?? null;
    if (violenceType && !caseSettings.violenceTypes.some((t) => t.code === violenceType)) c.fail('violence_type', 'invalid_choice');
    if (violenceType && !incident && !c.issues.some((x) => x.column === 'incident_at')) c.fail('incident_at', 'required');
    // Closed: both the date and the reason, or neither.
    const closedOn = row.closed_on ?? null;
    const reason = row.closure_reason ?? null;
    if (closedOn && !reason && !cells.closure_reason) c.fail('closure_reason', 'required');
    if (reason && !closedOn && !cells.closed_on) c.fail('closed_on', 'required');
    if (closedOn && openedAt && closedOn < openedAt.slice(0, 10)) c.fail('closed_on', 'too_small', { min: openedAt.slice(0, 10) });
    c.inColumnOrder(columns);
    issues.push(...c.issues);
    if (c.issues.length === 0 && personId && program && unit && openedAt && row.entry_door) {
      const id = row.id ? row.id.toLowerCase() : contentId(org, 'case', code ?? '', program, openedAt);
      if (!claimIdInFile(firstLineOfId, id, line, issues)) continue;
      plan.push({
        line,
        id,
        beneficiary_id: personId,
        program,
        org_unit_id: unit.id,
        opened_at: openedAt,
        entry_door: row.entry_door,
        incident_on: incident ? incident.slice(0, 10) : null,
        incident_time: incident && incident.length > 10 ? incident.slice(11) : null,
        violence_type: violenceType,
        closed_on: closedOn,
        closure_reason: reason,
        case_worker_id: actor?.userId ?? SYSTEM_USER_ID,
      });
    }
    if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
  }
  // Rows already in the database (a re-import) are left as they are; an id of another person's or program's case is refused.
  const known = await selectCasesByIds(trx, org, plan.map((p) => p.id));
  for (const p of plan) {
    const k = known.get(p.id);
    if (k && (k.beneficiary_id !== p.beneficiary_id || k.program !== p.program)) issues.push({ line: p.line, column: 'id', issue: { field: 'id', code: 'taken' } });
  }
  const fresh = plan.filter((p) => !known.has(p.id));
  // One open case per person and program: in the file, and beside those in the database.
  const openInBase = await selectOpenCasesOf(trx, org, [...new Set(fresh.map((p) => p.beneficiary_id))]);
  const openInFile = new Map<string, number>();
  for (const p of fresh.filter((x) => !x.closed_on)) {
    const key = `${p.beneficiary_id}:${p.program}`;
    if (openInBase.has(key) || openInFile.has(key)) issues.push({ line: p.line, column: 'code', issue: { field: 'code', code: 'case_already_open' } });
    else openInFile.set(key, p.line);
  }
  const report: ImportReport = { kind: 'cases', dryRun, rows: table.rows.length, created: fresh.length, unchanged: plan.length - fresh.length, applied: false, issues };
  if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : fresh.length };
  await openMany(
    trx,
    org,
    fresh.map(({ line: _line, ...c }) => c),
    { createdBy: actor?.userId ?? SYSTEM_USER_ID, changedBy: actor?.userId ?? null, newId },
  );
  importer.onProgress?.('written', fresh.length, fresh.length);
  return { ...report, applied: true };
};
