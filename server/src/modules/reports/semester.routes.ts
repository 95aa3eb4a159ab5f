import { SemesterReport, SemesterReportQuery } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { SemesterService } from './semester.service.ts';
import { semesterWorkbook } from './semester.xlsx.ts';

/** The semester report (the GBV program's report to its donor), as data for the screen and as an XLSX file. */
export function registerSemesterRoutes(router: Router, semester: SemesterService): void {
  router.session({
    method: 'GET',
    url: '/reports/semester',
    background: true,
    summary: 'The semester report of a program: each figure of its sections (0 when nothing was counted), survivors cared for by clinic, the violence typology with shares; on the unit given and all under it',
    tag: 'reports',
    permission: 'report.read',
    query: SemesterReportQuery,
    response: SemesterReport,
    handler: ({ ctx, query }) => semester.report(ctx, query),
  });
  router.session({
    method: 'GET',
    url: '/reports/semester.xlsx',
    background: true,
    summary: 'The semester report as an XLSX file: one sheet laid out as the screen (title block, sections, numbers as numbers, shares as 0.0 %), in the caller’s language',
    tag: 'reports',
    permission: 'report.read',
    query: SemesterReportQuery,
    files: [{ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', binary: true }],
    handler: async ({ ctx, query, reply, locale }) => {
      const file = await semesterWorkbook(await semester.report(ctx, query), locale);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.send(file.data);
    },
  });
}
