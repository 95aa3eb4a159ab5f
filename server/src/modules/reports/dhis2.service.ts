import type { Dhis2Mapping} from '@relais/core';
import { DomainError, dhis2Period, parsePeriod, type DataValueSet, type ReportDimension } from '@relais/core';
import type { z } from 'zod';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { programScope, type RequestContext, holdsAtRoot } from '../../http/actor.ts';
import { invalidField } from '../../http/errors.ts';
import { recordAudit, whoOf } from '../audit/audit.service.ts';
import { loadDhis2Mapping, storeDhis2Mapping } from './dhis2.repository.ts';
import { loadIndicators } from './indicators.repository.ts';
import { createReportEngine, type ReportScope } from './report.engine.ts';

/** Builds DHIS2 `dataValueSets` (and ADX) from reports, through the organisation's mapping. */
export function createDhis2Service(db: Queryable) {
  const engine = createReportEngine(db);

  /** The data values of a period, for units of the mapping within the reader's scope. */
  async function dataValueSet(organisationId: string, readerScope: ReportScope, q: { program: z.infer<typeof Dhis2Mapping>['dataElements'][number]['program']; period: string; orgUnitLevel?: string | undefined }): Promise<DataValueSet> {
    const period = dhis2Period(q.period);
    if (!period || !parsePeriod(q.period)) throw invalidField('period', 'invalid_format');
    const mapping = await loadDhis2Mapping(db, organisationId);
    const dataValues: DataValueSet['dataValues'] = [];
    for (const entry of mapping.dataElements.filter((e) => e.program === q.program)) {
      const dims = Object.keys(entry.disaggregation) as ReportDimension[];
      const rows = await engine.run(organisationId, readerScope, {
        program: q.program,
        period: q.period,
        indicators: [entry.indicator],
        by: ['org_unit', ...dims.filter((d) => d !== 'org_unit')],
        grain: 'month',
        filters: {},
        ...(q.orgUnitLevel ? { orgUnitLevel: q.orgUnitLevel as 'section' } : {}),
      });
      for (const row of rows) {
        if (row.org_unit === '*' || row.value === null) continue;
        if (!dims.every((d) => row[d] === entry.disaggregation[d])) continue;
        if (Object.keys(row).some((k) => !['indicator', 'period', 'value', 'target', 'gap', 'achievement', 'org_unit', ...dims].includes(k))) continue;
        const orgUnit = mapping.orgUnits[String(row.org_unit)];
        if (!orgUnit) continue;
        dataValues.push({ dataElement: entry.dataElement, period, orgUnit, ...(entry.categoryOptionCombo ? { categoryOptionCombo: entry.categoryOptionCombo } : {}), value: String(row.value) });
      }
    }
    return { ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}), period, dataValues };
  }

  return {
    getMapping: (ctx: RequestContext) => loadDhis2Mapping(db, ctx.actor.organisationId),

    async setMapping(ctx: RequestContext, mapping: Dhis2Mapping): Promise<Dhis2Mapping> {
      const atRoot = holdsAtRoot(ctx.actor, 'settings.manage');
      if (!atRoot) throw new DomainError('forbidden');
      return withTransaction(db, async (trx) => {
        // Each entry sends an indicator of the organisation (an unknown one would fail every export).
        const codes = new Set((await loadIndicators(trx, ctx.actor.organisationId)).map((i) => i.code));
        const unknown = mapping.dataElements.flatMap((e, i) => (codes.has(e.indicator) ? [] : [{ field: `dataElements.${i}.indicator`, code: 'unknown_reference' as const, params: { value: e.indicator } }]));
        if (unknown.length) throw new DomainError('validation_failed', { fields: unknown });
        await storeDhis2Mapping(trx, ctx.actor.organisationId, mapping);
        await recordAudit(trx, whoOf(ctx), { action: 'dhis2.mapping', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { dataElements: mapping.dataElements.length } });
        return mapping;
      });
    },

    dataValueSet,

    async export(ctx: RequestContext, q: { program: z.infer<typeof Dhis2Mapping>['dataElements'][number]['program']; period: string; orgUnitLevel?: string | undefined }) {
      return dataValueSet(ctx.actor.organisationId, programScope(ctx.actor, 'report.read'), q);
    },
  };
}
export type Dhis2Service = ReturnType<typeof createDhis2Service>;

/** The same values as ADX XML (urn:ihe:qrph:adx:2015), one group per org unit. */
export function toAdx(set: DataValueSet, from: string, to: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  const byUnit = new Map<string, DataValueSet['dataValues']>();
  for (const v of set.dataValues) byUnit.set(v.orgUnit, [...(byUnit.get(v.orgUnit) ?? []), v]);
  const groups = [...byUnit.entries()].map(
    ([orgUnit, values]) =>
      `  <group orgUnit="${esc(orgUnit)}" period="${from}/P${days}D"${set.dataSet ? ` dataSet="${esc(set.dataSet)}"` : ''}>\n` +
      values.map((v) => `    <dataValue dataElement="${esc(v.dataElement)}"${v.categoryOptionCombo ? ` categoryOptionCombo="${esc(v.categoryOptionCombo)}"` : ''} value="${esc(v.value)}"/>`).join('\n') +
      '\n  </group>',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${new Date().toISOString()}">\n${groups.join('\n')}\n</adx>\n`;
}
