import { z } from 'zod';
import { ReportQuery, ReportResult, TargetInput } from '@relais/core';
import type { Router } from '../../http/router.ts';
import type { ReportsService } from './reports.service.ts';
import { reportFile } from './report.xlsx.ts';

export function registerReportRoutes(router: Router, reports: ReportsService): void {
  router.session({
    method: 'GET',
    url: '/indicators',
    summary: 'Indicator definitions (data: a measure over filtered services)',
    tag: 'reports',
    permission: 'report.read',
    response: z.object({ items: z.array(z.object({ code: z.string(), measure: z.unknown() })) }),
    handler: async () => ({ items: reports.listIndicators() }),
  });
  router.session({
    method: 'POST',
    url: '/reports/query',
    summary: 'Compute indicators for a program and period, broken down by dimensions, with totals (`*`) and targets',
    tag: 'reports',
    permission: 'report.read',
    body: ReportQuery,
    response: ReportResult,
    handler: async ({ ctx, body }) => ({ rows: await reports.report(ctx, body) }),
  });
  router.session({
    method: 'POST',
    url: '/reports/export',
    summary: 'The same report as a file: XLSX (numbers as numbers, labels in the user’s language) or CSV',
    tag: 'reports',
    permission: 'report.read',
    query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    body: ReportQuery,
    response: z.unknown(),
    handler: async ({ ctx, body, query, reply, locale }) => {
      const rows = await reports.report(ctx, body);
      const file = await reportFile(rows, body, locale, query.format);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.send(file.data);
    },
  });
  router.session({
    method: 'PUT',
    url: '/targets',
    summary: 'Set a target (indicator × program × org unit × period)',
    tag: 'reports',
    permission: 'target.manage',
    body: TargetInput,
    response: TargetInput.extend({ orgUnitCode: z.string() }),
    handler: ({ ctx, body }) => reports.setTarget(ctx, body),
  });
}
