import { DomainError, ImportQuery, ImportReport, importMaxBytes, translate, type Locale } from '@relais/core';
import type { Router } from '../../http/router.ts';
import { fieldIssueMessage } from '../../http/errors.ts';
import { FileFormatError, parseCsv, parseXlsx, type Table } from './parse.ts';
import type { ImportReport as Report, ImportService } from './import.service.ts';

/** The report as users read it: every issue in words, with its line and column. */
export function presentReport(report: Report, locale: Locale): ImportReport {
  const { issues, ...rest } = report;
  return {
    ...rest,
    errors: issues.map((i) => ({
      line: i.line,
      column: i.column,
      code: i.issue.code,
      message: translate(locale, 'import.error_line', { line: i.line, column: i.column, message: fieldIssueMessage(locale, i.issue, i.column) }),
    })),
  };
}

/** Reads an uploaded file: XLSX (a zip, "PK" magic) or UTF-8 CSV. */
export async function readTable(data: Buffer): Promise<Table> {
  try {
    if (data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b) return await parseXlsx(data);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return parseCsv(text);
  } catch (error) {
    if (error instanceof FileFormatError || error instanceof TypeError) throw new DomainError('file_unreadable');
    throw error;
  }
}

export function registerImportRoutes(router: Router, imports: ImportService): void {
  router.session({
    method: 'POST',
    url: '/imports',
    background: true,
    summary: 'Import a CSV (UTF-8, header row) or XLSX file of org-units, beneficiaries or services, whole or not at all; dryRun=true previews it',
    tag: 'imports',
    permission: 'import.run',
    query: ImportQuery,
    response: ImportReport,
    rawBody: { limit: importMaxBytes },
    handler: async ({ ctx, query, body, locale }) => {
      const table = await readTable(body as unknown as Buffer);
      const report = await imports.importTable({ organisationId: ctx.actor.organisationId, ctx }, query.kind, table, { dryRun: query.dryRun === 'true' });
      return presentReport(report, locale);
    },
  });
}
