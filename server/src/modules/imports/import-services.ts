import { checkAnyServiceEntry, definedQuantity, definedValuesFromCells, serviceRow } from '@relais/core';
import { contentId, newId } from '../../lib/ids.ts';
import { isSystemActor } from '../../context/system.ts';
import { selectUnitsByCode } from '../org-units/index.ts';
import { selectIdsByCodes } from '../registry/index.ts';
import { loadProgramServices, loadRegistrySettings } from '../settings/index.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';
import { caseMismatch, registerKey, selectActiveUsernames, selectCaseKeys, selectEnabledPrograms, selectExistingServices, takenRegisterNos, writeServices, type NewService } from '../capture/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, codesInFile, mayWrite, rowSchema } from './row-checker.ts';

/**
 * Services, checked with the same rules as a contact (core `checkServiceEntry`) and written by
 * capture's one write of services (`writeServices`): in bulk, tests numbered, persons known where
 * served since the earliest date.
 */
export const importServices: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const [units, settings, programs, usernames, enabledPrograms, defined] = await Promise.all([
    selectUnitsByCode(trx, org),
    loadRegistrySettings(trx, org),
    loadProgramServices(trx, org),
    selectActiveUsernames(trx, org),
    selectEnabledPrograms(trx, org),
    loadDefinedServices(trx, org),
  ]);
  const persons = await selectIdsByCodes(trx, org, codesInFile(settings.codeScheme, table.rows));
  // The cases the file names (a service given in a case: capture's rule, `caseMismatch`).
  const caseIds = [...new Set(table.rows.map((r) => (r.cells.case_id ?? '').toLowerCase()).filter((v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)))];
  const cases = await selectCaseKeys(trx, org, caseIds);
  const { columns, read } = rowSchema(serviceRow());
  const issues: RowIssue[] = [];
  const firstLineOfId = new Map<string, number>();
  let duplicates = 0;
  const registerNos = new Map<string, number>();
  const plan: (NewService & { line: number })[] = [];
  const createdBy = importer.ctx && !isSystemActor(importer.ctx.actor) ? importer.ctx.actor.userId : null;
  for (const [i, { line, cells }] of table.rows.entries()) {
    const c = new RowChecker(line, cells);
    const row = c.read(read, cells);
    const id = row.id ? row.id.toLowerCase() : null;
    const code = c.code(settings.codeScheme, cells);
    const personId = c.person(code, persons);
    const date = row.date ?? null;
    const unit = c.unit(units, 'section', row.section, (u) => mayWrite(importer, 'service.write', u.path));
    const program = row.program ?? null;
    if (program && !enabledPrograms.has(program)) c.fail('program', 'invalid_choice');
    const service = row.service ?? null;
    let site: string | null = null;
    if (row.site) {
      const s = units.get(row.site.toUpperCase());
      if (!s) c.fail('site', 'unknown_reference', { value: row.site });
      else if (unit && !s.path.startsWith(unit.path)) c.fail('site', 'invalid_choice');
      else site = s.id;
    }
    // Optional: paper registers and old exports rarely name an account that still exists.
    let workerId: string | null = null;
    if (row.worker) {
      workerId = usernames.get(row.worker.toLowerCase()) ?? null;
      if (!workerId) c.fail('worker', 'unknown_reference', { value: row.worker });
    }
    // A defined service reads its fields from the columns named by their keys (its quantity from `quantity` too).
    const def = service ? defined.get(service) : undefined;
    const fields = def ? definedValuesFromCells(def.fields, cells, row.quantity ?? null) : null;
    const quantity = def ? definedQuantity(def.fields, fields) : (row.quantity ?? null);
    const result = row.result ?? null;
    const strategy = row.strategy ?? null;
    const modality = row.modality ?? null;
    const kind = row.kind ?? null;
    const treatedText = row.treated ?? null;
    const treated = treatedText === null ? null : treatedText === 'yes';
    const registerNo = c.registerNo(cells, 'register_no', date ? Number(date.slice(0, 4)) : null);
    const caseId = row.case_id ? row.case_id.toLowerCase() : null;
    if (caseId && personId && program) {
      const mismatch = caseMismatch(cases.get(caseId), personId, program);
      if (mismatch) c.fail('case_id', mismatch);
    }
    // Each cell's own checks in the order of the columns; then the service's rules, which tie cells together.
    c.inColumnOrder(columns);
    if (service && program && c.issues.every((x) => x.column !== 'service' && x.column !== 'program')) {
      const entry = { service, quantity: def ? null : quantity, result, strategy, modality, kind, treated, platform: null, registerNo, fields };
      for (const issue of checkAnyServiceEntry(entry, program, programs[program], defined, '')) {
        const column = issue.field === 'registerNo' ? 'register_no' : issue.field.replace(/^fields\./, '');
        if (c.issues.some((x) => x.column === column)) continue; // one reason per cell
        c.fail(column, issue.code, issue.params);
      }
    }
    if (date && unit && registerNo !== null && service === 'hiv_test') {
      const key = `${unit.id}:${date.slice(0, 4)}:${registerNo}`;
      if (registerNos.has(key)) c.fail('register_no', 'duplicate_in_file', { value: registerNo, first: registerNos.get(key)! });
      registerNos.set(key, line);
    }
    issues.push(...c.issues);
    if (c.issues.length === 0 && personId && date && unit && program && service) {
      const rowId = id ?? contentId(org, 'service', code ?? '', date, unit.code, program, service, quantity, result, kind, strategy, modality, treatedText, cells.site ?? '', cells.worker ?? '', registerNo, ...(caseId ? [caseId] : []), ...(fields ? [JSON.stringify(fields)] : []));
      if (firstLineOfId.has(rowId)) {
        // The same id twice is a mistake; the same row twice (no id) is one service, imported once.
        if (id) issues.push({ line, column: 'id', issue: { field: 'id', code: 'duplicate_in_file', params: { value: id, first: firstLineOfId.get(rowId)! } } });
        else duplicates++;
        continue;
      }
      firstLineOfId.set(rowId, line);
      plan.push({
        line,
        id: rowId,
        contact_id: contentId(org, 'contact', personId, date, unit.id, program, workerId),
        beneficiary_id: personId,
        service_date: date,
        worker_id: workerId,
        org_unit_id: unit.id,
        site_id: site,
        program,
        service,
        quantity,
        result,
        strategy,
        modality,
        kind,
        treated,
        platform: null,
        register_year: registerNo === null ? null : Number(date.slice(0, 4)),
        register_no: registerNo,
        group_session_id: null,
        note: null,
        case_id: caseId,
        fields,
        definition_version: def?.version ?? null,
        created_by: createdBy ?? '',
      });
    }
    if ((i + 1) % 10_000 === 0) importer.onProgress?.('checked', i + 1, table.rows.length);
  }
  // Rows already in the database (a re-import) are left as they are.
  const known = new Set((await selectExistingServices(trx, org, plan.map((p) => p.id))).map((r) => r.id));
  const fresh = plan.filter((p) => !known.has(p.id));
  // Transcribed register numbers must be free in the database too.
  const transcribed = fresh.filter((x) => x.register_no !== null);
  const taken = await takenRegisterNos(trx, org, transcribed.map((p) => ({ unitId: p.org_unit_id, year: p.register_year!, registerNo: p.register_no! })));
  for (const p of transcribed) {
    if (taken.has(registerKey({ unitId: p.org_unit_id, year: p.register_year!, registerNo: p.register_no! }))) issues.push({ line: p.line, column: 'register_no', issue: { field: 'register_no', code: 'taken' } });
  }
  const report: ImportReport = { kind: 'services', dryRun, rows: table.rows.length, created: fresh.length, unchanged: plan.length - fresh.length + duplicates, applied: false, issues };
  if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : fresh.length };
  // The command line writes as no one: a service names the first worker of the file, else a fresh id.
  const writer = createdBy ?? fresh.find((p) => p.worker_id)?.worker_id ?? newId();
  const rows: NewService[] = fresh.map(({ line: _line, ...row }) => ({ ...row, created_by: writer }));
  await writeServices(trx, org, rows, { skipExisting: true, onWritten: (done) => importer.onProgress?.('written', done, rows.length) });
  return { ...report, applied: true };
};
