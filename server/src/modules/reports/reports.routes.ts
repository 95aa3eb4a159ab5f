import { z } from 'zod';
import { DataValueSet, Dhis2ExportQuery, Dhis2Mapping, IndicatorCodeParams, IndicatorInput, IndicatorItem, IndicatorList,
  IndicatorListQuery, Ok, ReportQuery, ReportResult, TargetInput } from '@relais/core';
import type { Dhis2Service } from './dhis2.service.ts';
import { ok, type Router } from '../../http/router.ts';
import type { ReportsService } from './reports.service.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { reportFile } from './report.xlsx.ts';

export function registerReportRoutes(router: Router, reports: ReportsService, dhis2: Dhis2Service, indicators: IndicatorsService): void {
  router.session({
    method: 'GET',
    url: '/indicators',
    summary: 'Indicator definitions (data: a measure over filtered services)',
    tag: 'reports',
    permission: 'report.read',
    query: IndicatorListQuery,
    response: IndicatorList,
    handler: async ({ ctx, query }) => ({ items: await indicators.list(ctx, query.program) }),
  });
  router.session({
    method: 'POST',
    url: '/indicators',
    summary: 'Add an indicator of the organisation (administrators at the root); its report facts are built in the background',
    tag: 'reports',
    permission: 'settings.manage',
    body: IndicatorInput,
    response: IndicatorItem,
    status: 201,
    handler: ({ ctx, body }) => indicators.create(ctx, body),
  });
  router.session({
    method: 'PUT',
    url: '/indicators/:code',
    summary: 'Change an indicator of the organisation (not a default one)',
    tag: 'reports',
    permission: 'settings.manage',
    params: IndicatorCodeParams,
    body: IndicatorInput,
    response: IndicatorItem,
    handler: ({ ctx, params, body }) => indicators.update(ctx, params.code, body),
  });
  router.session({
    method: 'DELETE',
    url: '/indicators/:code',
    summary: 'Delete an indicator of the organisation, with its targets (refused while a ratio or the DHIS2 mapping uses it)',
    tag: 'reports',
    permission: 'settings.manage',
    params: IndicatorCodeParams,
    response: Ok,
    handler: ({ ctx, params }) => ok(indicators.remove(ctx, params.code)),
  });
  router.session({
    method: 'POST',
    url: '/reports/query',
    background: true,
    summary: 'Compute indicators for a program and period, broken down by dimensions, with totals (`*`) and targets',
    tag: 'reports',
    permission: 'report.read',
    body: ReportQuery,
    response: ReportResult,
    handler: async ({ ctx, body }) => ({ rows: await reports.report(ctx, body), factsBuilding: await reports.factsBuilding(ctx, body.program) }),
  });
  router.session({
    method: 'POST',
    url: '/reports/export',
    background: true,
    summary: 'The same report as a file: XLSX (labels in the user’s language, rates as percentages; layout=performance or pivot: the screen’s table under a title block, then every row) or CSV (every row)',
    tag: 'reports',
    permission: 'report.read',
    query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), layout: z.enum(['performance', 'pivot', 'rows']).default('rows') }),
    body: ReportQuery,
    files: [{ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', binary: true }, { type: 'text/csv' }],
    handler: async ({ ctx, body, query, reply, locale }) => {
      const rows = await reports.report(ctx, body);
      const file = await reportFile(rows, body, locale, query.format, { ...(await reports.fileContext(ctx, locale)), layout: query.layout });
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.name}"`);
      return reply.send(file.data);
    },
  });
  router.session({
    method: 'GET',
    url: '/dhis2/mapping',
    summary: 'The DHIS2 mapping (indicator and disaggregation → data element and category option combo; unit → DHIS2 uid)',
    tag: 'reports',
    permission: 'report.read',
    response: Dhis2Mapping,
    handler: ({ ctx }) => dhis2.getMapping(ctx),
  });
  router.session({
    method: 'PUT',
    url: '/dhis2/mapping',
    summary: 'Set the DHIS2 mapping (root administrators); checked whole: identifiers of its idScheme, known indicators, units and disaggregation values, no DHIS2 cell or org unit written twice (every problem listed)',
    tag: 'reports',
    permission: 'settings.manage',
    body: Dhis2Mapping,
    response: Dhis2Mapping,
    handler: ({ ctx, body }) => dhis2.setMapping(ctx, body),
  });
  router.session({
    method: 'POST',
    url: '/reports/dhis2',
    background: true,
    summary: 'The period’s aggregates as a DHIS2 dataValueSets payload (format=json) or ADX XML (format=adx; refused with dhis2_nothing_to_export when there is no value); every mapped cell, zeros included unless the mapping leaves them out',
    tag: 'reports',
    permission: 'report.read',
    query: z.object({ format: z.enum(['json', 'adx']).default('json') }),
    body: Dhis2ExportQuery,
    response: DataValueSet,
    files: [{ type: 'application/adx+xml' }],
    errors: ['dhis2_nothing_to_export'],
    handler: async ({ ctx, body, query, reply }) => {
      if (query.format === 'json') return dhis2.export(ctx, body);
      const adx = await dhis2.exportAdx(ctx, body);
      reply.header('content-type', 'application/adx+xml; charset=utf-8');
      return reply.send(adx);
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
