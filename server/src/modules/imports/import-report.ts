import type { FieldIssue, ImportKind } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import type { RegisterManyPhase } from '../registry/index.ts';
import type { Table } from './parse.ts';

export const importColumns: Record<ImportKind, { required: string[]; optional: string[] }> = {
  'org-units': { required: ['code', 'name', 'parent_code', 'level'], optional: ['latitude', 'longitude'] },
  beneficiaries: {
    required: ['code', 'populations', 'sex', 'section', 'registered_on'],
    optional: ['birth_year', 'entry_door', 'marital_status', 'schooling', 'housing', 'occupation'],
  },
  targets: { required: ['indicator', 'program', 'org_unit', 'period', 'value'], optional: [] },
  services: {
    required: ['code', 'date', 'section', 'program', 'service'],
    optional: ['id', 'quantity', 'result', 'kind', 'strategy', 'modality', 'treated', 'site', 'worker', 'register_no', 'case_id'],
  },
  cases: {
    required: ['code', 'program', 'section', 'opened_at', 'entry_door'],
    optional: ['id', 'incident_at', 'violence_type', 'closed_on', 'closure_reason'],
  },
  insertion: { required: ['code', 'section', 'kind', 'activity', 'start_date'], optional: ['id', 'end_date', 'completed', 'note'] },
};

/** One rejected cell: the line in the file, the column, and why (a validation code with its params). */
export interface RowIssue {
  line: number;
  column: string;
  issue: FieldIssue;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  unchanged: number;
  applied: boolean;
  issues: RowIssue[];
}

/** Who imports: a user (her scope applies) or the operator's command line (the whole organisation). */
export interface Importer {
  organisationId: string;
  ctx: RequestContext | null;
  onProgress?: (phase: 'checked' | RegisterManyPhase, done: number, total: number) => void;
}

/** One importer of one kind: checks every row, then (not dry run, no issue) writes through the modules' use cases. */
export type KindImporter = (trx: Queryable, importer: Importer, table: Table, dryRun: boolean) => Promise<ImportReport>;
