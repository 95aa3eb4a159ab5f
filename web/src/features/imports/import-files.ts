import { toCsv } from '@relais/core';
import type { ImportError, ImportKind } from '../../api/import-report.ts';
import { saveFile } from '../../ui/save-file.ts';

/** The columns of each kind of file, in the order of the template (docs/exchange-format.md). */
export const importColumns: Record<ImportKind, readonly string[]> = {
  'org-units': ['code', 'name', 'parent_code', 'level'],
  beneficiaries: ['code', 'populations', 'sex', 'birth_year', 'section', 'registered_on', 'entry_door', 'marital_status', 'schooling', 'housing', 'occupation'],
  services: ['id', 'code', 'date', 'section', 'program', 'service', 'quantity', 'result', 'kind', 'strategy', 'modality', 'treated', 'site', 'worker', 'register_no', 'case_id'],
  targets: ['indicator', 'program', 'org_unit', 'period', 'value'],
  cases: ['id', 'code', 'program', 'section', 'opened_at', 'entry_door', 'incident_at', 'violence_type', 'closed_on', 'closure_reason'],
  insertion: ['id', 'code', 'section', 'kind', 'activity', 'start_date', 'end_date', 'completed', 'note'],
};

/** What the template's example row is built from: the user's unit, username and today. */
export interface TemplateContext {
  unitCode: string;
  username: string;
  today: string;
}

/** One example row per kind (fictional values; the unit and worker are the user's own). */
function exampleRow(kind: ImportKind, c: TemplateContext): Record<string, string> {
  switch (kind) {
    case 'org-units':
      return { code: `${c.unitCode}-SITE1`, name: 'Site 1', parent_code: c.unitCode, level: 'site' };
    case 'beneficiaries':
      return {
        code: 'FAMO1985F',
        populations: 'PS;PVVIH',
        sex: 'F',
        birth_year: '1985',
        section: c.unitCode,
        registered_on: c.today,
        entry_door: 'outreach',
        marital_status: 'single',
        schooling: 'secondary',
        housing: 'tenant',
        occupation: 'employed',
      };
    case 'services':
      return { code: 'FAMO1985F', date: c.today, section: c.unitCode, program: 'prev_ps', service: 'condoms', quantity: '10', worker: c.username };
    case 'cases':
      return { code: 'FAMO1985F', program: 'gbv', section: c.unitCode, opened_at: `${c.today}T09:30`, entry_door: 'outreach', incident_at: c.today, violence_type: 'physical_assault' };
    case 'insertion':
      return { code: 'FAMO1985F', section: c.unitCode, kind: 'training', activity: 'Initiation à la couture', start_date: c.today };
    case 'targets':
      return { indicator: 'reached', program: 'prev_ps', org_unit: c.unitCode, period: c.today.slice(0, 4), value: '500' };
  }
}

/** The template of a kind: its header row and one example row. */
export function templateCsv(kind: ImportKind, context: TemplateContext): string {
  const columns = importColumns[kind];
  const example = exampleRow(kind, context);
  return toCsv([columns, columns.map((c) => example[c] ?? '')]);
}

/** Every error of a report as CSV, under translated headers. */
export function errorsCsv(errors: readonly ImportError[], headers: { line: string; column: string; message: string }): string {
  return toCsv([[headers.line, headers.column, headers.message], ...errors.map((e) => [e.line, e.column, e.message])]);
}

/** Saves a text as a file on the device. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveFile(new Blob([text], { type }), fileName);
}
