import { DomainError, type ImportKind } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { isSystemActor } from '../../context/system.ts';
import { recordAudit, type AuditWho } from '../audit/index.ts';
import { importBeneficiaries } from './import-beneficiaries.ts';
import { importCases } from './import-cases.ts';
import { importInsertion } from './import-insertion.ts';
import { importOrgUnits } from './import-org-units.ts';
import { importColumns, type ImportReport, type Importer, type KindImporter } from './import-report.ts';
import { importServices } from './import-services.ts';
import { importTargets } from './import-targets.ts';
import type { Table } from './parse.ts';

export { importKinds, type ImportKind } from '@relais/core';
export { importColumns, type ImportReport, type Importer, type RowIssue } from './import-report.ts';

/** One importer per kind, each in its own file; every write goes through the owning module. */
const importers: Record<ImportKind, KindImporter> = {
  'org-units': importOrgUnits,
  beneficiaries: importBeneficiaries,
  targets: importTargets,
  services: importServices,
  cases: importCases,
  insertion: importInsertion,
};

function missingColumns(kind: ImportKind, table: Table) {
  const missing = importColumns[kind].required.filter((c) => !table.columns.includes(c));
  if (missing.length) throw new DomainError('file_missing_columns', { params: { columns: missing.join(', ') } });
}

function auditWho(importer: Importer): AuditWho {
  const ctx = importer.ctx;
  return ctx && !isSystemActor(ctx.actor)
    ? { organisationId: importer.organisationId, actorId: ctx.actor.userId, requestId: ctx.requestId, ip: ctx.ip }
    : { organisationId: importer.organisationId, actorId: null };
}

/**
 * Imports a file whole or not at all, with the same rules as the API (core
 * contracts, code scheme, service definitions, the importer's scope). Rows are
 * written in bulk in one transaction; rows already imported (same id, or same
 * content when there is no id) are left unchanged, so importing a file again
 * creates nothing.
 */
export function createImportService(db: Queryable) {
  return {
    /** Checks (dryRun) or imports a parsed file of one kind, whole or not at all. */
    async importTable(importer: Importer, kind: ImportKind, table: Table, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
      missingColumns(kind, table);
      const dryRun = options.dryRun ?? false;
      return db.transaction().execute(async (trx) => {
        const report = await importers[kind](trx, importer, table, dryRun);
        report.issues.sort((a, b) => a.line - b.line);
        if (report.applied) {
          await recordAudit(trx, auditWho(importer), { action: 'import', entityType: 'file', details: { kind, rows: report.rows, created: report.created, unchanged: report.unchanged } });
        }
        return report;
      });
    },
  };
}
export type ImportService = ReturnType<typeof createImportService>;
