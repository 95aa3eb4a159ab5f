import { DomainError, adxPeriod, checkDhis2Mapping, dhis2Period, formatIssue, parsePeriod, type DataValueSet, type Dhis2Mapping, type ReportDimension } from '@relais/core';
import type { z } from 'zod';
import type { Dhis2ExportQuery } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { toAdx } from './dhis2.adx.ts';
import { loadCaseSettings, loadDhis2Mapping, loadRegistrySettings, storeDhis2Mapping } from '../settings/index.ts';
import { selectUnitsByCode } from './dhis2.repository.ts';
import { loadIndicators } from './indicators.repository.ts';
import { createReportEngine, type ReportScope } from './report.engine.ts';
import { reportsPolicy } from './reports.policy.ts';

type ExportQuery = z.output<typeof Dhis2ExportQuery>;

/** Is a unit (by path) within the reader's scope for the program? */
function readable(scope: ReportScope, path: string, program: string): boolean {
  return scope === 'organisation' || scope.some((p) => path.startsWith(p.path) && (p.programs === null || p.programs.includes(program)));
}

/** A value as DHIS2 reads it: the factor applied, at most 6 decimals, never in exponent notation. */
function formatValue(value: number, factor = 1): string {
  return String(Math.round(value * factor * 1e6) / 1e6);
}

/** Builds DHIS2 `dataValueSets` (and ADX) from reports, through the organisation's mapping. */
export function createDhis2Service(db: Queryable) {
  // The DHIS2 export leaves the organisation: it is external (only cases with consent to reporting count, GBVIMS).
  const engine = createReportEngine(db, { external: true });

  /**
   * The data values of a period: every mapped cell (entry × mapped unit within the reader's
   * scope, at the requested level), zeros included unless the mapping leaves them out; a
   * ratio with nothing to divide has no value and is not sent.
   */
  async function dataValueSet(organisationId: string, readerScope: ReportScope, q: ExportQuery): Promise<DataValueSet> {
    const period = dhis2Period(q.period);
    if (!period || !parsePeriod(q.period)) throw new DomainError('validation_failed', { fields: [formatIssue('period', 'period')] });
    const mapping = await loadDhis2Mapping(db, organisationId);
    const indicators = new Map((await loadIndicators(db, organisationId)).map((i) => [i.code, i]));
    const units = (await selectUnitsByCode(db, organisationId, Object.keys(mapping.orgUnits))).filter(
      (u) => readable(readerScope, u.path, q.program) && (!q.orgUnitLevel || u.level === q.orgUnitLevel),
    );
    const dataValues: DataValueSet['dataValues'] = [];
    for (const entry of mapping.dataElements.filter((e) => e.program === q.program)) {
      const definition = indicators.get(entry.indicator);
      if (!definition || units.length === 0) continue;
      const dims = Object.keys(entry.disaggregation) as ReportDimension[];
      const rows = await engine.run(organisationId, readerScope, {
        program: q.program,
        period: q.period,
        indicators: [entry.indicator],
        by: ['org_unit', ...dims],
        grain: 'month',
        filters: {},
        ...(q.orgUnitLevel ? { orgUnitLevel: q.orgUnitLevel } : {}),
      });
      const byUnit = new Map<string, number | null>();
      for (const row of rows) {
        if (row.org_unit === '*' || !dims.every((d) => row[d] === entry.disaggregation[d])) continue;
        byUnit.set(String(row.org_unit), row.value);
      }
      const isCount = definition.measure.kind !== 'ratio';
      const attributeOptionCombo = entry.attributeOptionCombo ?? mapping.attributeOptionCombo;
      for (const unit of units) {
        // A count with no row is 0; a ratio with no row had nothing to divide.
        const value = byUnit.has(unit.code) ? byUnit.get(unit.code)! : isCount ? 0 : null;
        if (value === null || (value === 0 && mapping.omitZeros)) continue;
        dataValues.push({
          dataElement: entry.dataElement,
          period,
          orgUnit: mapping.orgUnits[unit.code]!,
          ...(entry.categoryOptionCombo ? { categoryOptionCombo: entry.categoryOptionCombo } : {}),
          ...(attributeOptionCombo ? { attributeOptionCombo } : {}),
          value: formatValue(value, entry.factor),
        });
      }
    }
    return { idScheme: mapping.idScheme === 'code' ? 'CODE' : 'UID', ...(mapping.dataSet ? { dataSet: mapping.dataSet } : {}), period, dataValues };
  }

  return {
    getMapping: (ctx: RequestContext) => loadDhis2Mapping(db, ctx.actor.organisationId),

    /** Stores the mapping after checking it whole: every problem is named, none is stored. */
    async setMapping(ctx: RequestContext, mapping: Dhis2Mapping): Promise<Dhis2Mapping> {
      if (!reportsPolicy.changeDhis2Mapping(ctx.actor)) throw new DomainError('forbidden');
      const organisationId = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const issues = checkDhis2Mapping(mapping, {
          indicators: (await loadIndicators(trx, organisationId)).map((i) => i.code),
          units: (await selectUnitsByCode(trx, organisationId)).map((u) => u.code),
          populations: (await loadRegistrySettings(trx, organisationId)).populations,
          violenceTypes: (await loadCaseSettings(trx, organisationId)).violenceTypes.map((t) => t.code),
        });
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        await storeDhis2Mapping(trx, organisationId, mapping);
        await recordAudit(trx, whoOf(ctx), { action: 'dhis2.mapping', entityType: 'organisation', entityId: organisationId, details: { dataElements: mapping.dataElements.length } });
        return mapping;
      });
    },

    dataValueSet,

    /** The period's dataValueSets payload for the reader. */
    export: (ctx: RequestContext, q: ExportQuery) => dataValueSet(ctx.actor.organisationId, reportsPolicy.readScope(ctx.actor), q),

    /** The same values as an ADX document; refused when there is no value (the ADX schema wants one). */
    async exportAdx(ctx: RequestContext, q: ExportQuery): Promise<string> {
      const set = await dataValueSet(ctx.actor.organisationId, reportsPolicy.readScope(ctx.actor), q);
      if (set.dataValues.length === 0) throw new DomainError('dhis2_nothing_to_export');
      return toAdx(set, adxPeriod(q.period)!, new Date());
    },
  };
}
export type Dhis2Service = ReturnType<typeof createDhis2Service>;
