import { isRootUnit, orgUnitRow } from '@relais/core';
import { contentId } from '../../lib/ids.ts';
import { insertUnit, selectUnitsByCode } from '../org-units/index.ts';
import type { ImportReport, KindImporter, RowIssue } from './import-report.ts';
import { RowChecker, mayWrite, rowSchema } from './row-checker.ts';

interface PlannedUnit {
  line: number;
  code: string;
  name: string;
  parent: string;
  level: string;
  latitude: number | null;
  longitude: number | null;
}

/** Org units in any order (a parent may come later in the file); a row without a parent goes under the root unit. */
export const importOrgUnits: KindImporter = async (trx, importer, table, dryRun) => {
  const org = importer.organisationId;
  const units = await selectUnitsByCode(trx, org);
  // A row without a parent goes directly under the organisation's root unit.
  const rootCode = [...units.values()].find((u) => isRootUnit({ parentId: u.parent_id }))!.code;
  const { columns, read } = rowSchema(orgUnitRow());
  const issues: RowIssue[] = [];
  const planned = new Map<string, PlannedUnit>();
  let unchanged = 0;
  for (const { line, cells } of table.rows) {
    const c = new RowChecker(line, cells);
    const row = c.read(read, cells);
    const code = row.code ?? null;
    const name = row.name ?? null;
    const parent = row.parent_code ? row.parent_code.toUpperCase() : rootCode;
    const level = row.level ?? null;
    const latitude = row.latitude ?? null;
    const longitude = row.longitude ?? null;
    // A place is both coordinates or neither: the missing one is named.
    if (latitude !== null && !cells.longitude) c.fail('longitude', 'required');
    if (longitude !== null && !cells.latitude) c.fail('latitude', 'required');
    c.inColumnOrder(columns);
    if (code && planned.has(code)) c.fail('code', 'duplicate_in_file', { value: code, first: planned.get(code)!.line });
    const existing = code ? units.get(code) : undefined;
    if (c.issues.length === 0 && code && name && parent && level) {
      if (existing) {
        const parentRow = existing.parent_id ? [...units.values()].find((u) => u.id === existing.parent_id) : undefined;
        // The root unit itself, given without a parent, is there already.
        const sameParent = isRootUnit({ parentId: existing.parent_id }) ? !cells.parent_code : parentRow?.code === parent;
        if (existing.name === name && existing.level === level && sameParent) unchanged++;
        else c.fail('code', 'taken');
      } else planned.set(code, { line, code, name, parent, level, latitude, longitude });
    }
    issues.push(...c.issues);
  }
  // Parents: already in the database, or earlier or later in the file.
  const paths = new Map<string, { id: string; path: string }>([...units.values()].map((u) => [u.code, { id: u.id, path: u.path }]));
  const order: PlannedUnit[] = [];
  let pending = [...planned.values()];
  while (pending.length) {
    const ready = pending.filter((p) => paths.has(p.parent));
    if (ready.length === 0) break;
    for (const p of ready) {
      const parent = paths.get(p.parent)!;
      const id = contentId(org, 'org_unit', p.code);
      paths.set(p.code, { id, path: `${parent.path}${id}/` });
      order.push(p);
    }
    pending = pending.filter((p) => !ready.includes(p));
  }
  for (const p of pending) issues.push({ line: p.line, column: 'parent_code', issue: { field: 'parent_code', code: 'unknown_reference', params: { value: p.parent } } });
  for (const p of order) {
    const parent = paths.get(p.parent)!;
    if (!mayWrite(importer, 'org_unit.manage', parent.path)) issues.push({ line: p.line, column: 'parent_code', issue: { field: 'parent_code', code: 'invalid_choice' } });
  }
  const report: ImportReport = { kind: 'org-units', dryRun, rows: table.rows.length, created: order.length, unchanged, applied: false, issues };
  if (issues.length || dryRun) return { ...report, created: issues.length ? 0 : order.length };
  for (const p of order) {
    const { id, path } = paths.get(p.code)!;
    await insertUnit(trx, { organisation_id: org, id, code: p.code, name: p.name, level: p.level, parent_id: paths.get(p.parent)!.id, path, latitude: p.latitude, longitude: p.longitude });
  }
  importer.onProgress?.('written', order.length, order.length);
  return { ...report, applied: true };
};
