import { beneficiaryRow, checkCodeAgainstPerson } from '@relais/core';
import { contentId } from '../../lib/ids.ts';
import { isSystemActor } from '../../context/system.ts';
import { selectUnitsByCode } from '../org-units/index.ts';
import { loadRegistrySettings } from '../settings/index.ts';
import { registerMany, type NewBeneficiaryRow, selectIdsByCodes, selectMergedInto } from '../registry/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, codesInFile, mayWrite, rowSchema } from './row-checker.ts';

/** Beneficiaries, registered in bulk by the registry (`registerMany`, which queues their probable duplicates). */
export const importBeneficiaries: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const [units, settings] = await Promise.all([selectUnitsByCode(trx, org), loadRegistrySettings(trx, org)]);
  const existing = await selectIdsByCodes(trx, org, codesInFile(settings.codeScheme, table.rows));
  const { columns, read } = rowSchema(beneficiaryRow());
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  let plan: NewBeneficiaryRow[] = [];
  let unchanged = 0;
  for (const [i, { line, cells }] of table.rows.entries()) {
    const c = new RowChecker(line, cells);
    const code = c.code(settings.codeScheme, cells);
    if (code && seen.has(code)) c.fail('code', 'duplicate_in_file', { value: code, first: seen.get(code)! });
    if (code) seen.set(code, line);
    const row = c.read(read, cells);
    const populations = (row.populations ?? '').split(';').map((p) => p.trim().toUpperCase()).filter(Boolean);
    for (const p of populations) if (!settings.populations.includes(p)) c.fail('populations', 'invalid_choice');
    const sex = row.sex ?? null;
    // The registry's rule: the sex and birth year entered must be those the code carries.
    if (code) for (const issue of checkCodeAgainstPerson(settings.codeScheme, code, { sex, birthYear: row.birth_year ?? null })) c.fail(issue.field === 'sex' ? 'sex' : 'birth_year', issue.code, issue.params);
    const unit = c.unit(units, 'section', row.section, (u) => mayWrite(importer, 'person.write', u.path));
    const registeredOn = row.registered_on ?? null;
    c.inColumnOrder(columns);
    issues.push(...c.issues);
    if (c.issues.length === 0 && code && unit && registeredOn && sex) {
      if (existing.has(code)) unchanged++;
      else
        plan.push({
          id: contentId(org, 'beneficiary', code),
          code,
          unitId: unit.id,
          registeredOn,
          populations: [...new Set(populations)],
          sex,
          birthYear: row.birth_year ?? null,
          entryDoor: row.entry_door ?? null,
          maritalStatus: row.marital_status ?? null,
          schooling: row.schooling ?? null,
          housing: row.housing ?? null,
          occupation: row.occupation ?? null,
        });
    }
    if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
  }
  // A record's id derives from the code it was first imported under: a row whose id is taken was
  // imported before and its code corrected since. The same file imported again creates nothing.
  const taken = new Set<string>();
  for (let i = 0; i < plan.length; i += 5000) for (const r of await selectMergedInto(trx, org, plan.slice(i, i + 5000).map((p) => p.id))) taken.add(r.id);
  if (taken.size) {
    unchanged += taken.size;
    plan = plan.filter((p) => !taken.has(p.id));
  }
  const report: ImportReport = { kind: 'beneficiaries', dryRun, rows: table.rows.length, created: plan.length, unchanged, applied: false, issues };
  if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : plan.length };
  const registeredBy = importer.ctx && !isSystemActor(importer.ctx.actor) ? importer.ctx.actor.userId : null;
  await registerMany(trx, org, settings.codeScheme, plan, { registeredBy, onProgress: importer.onProgress });
  return { ...report, applied: true };
};
