import {
  catalogueOf,
  ageBandCodes,
  serviceDefinitions,
  subPeriodsOf,
  type ProgramServiceSettings,
  type ReportDimension,
  type ReportQuery,
} from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { loadCaseSettings, loadRegistrySettings } from '../settings/index.ts';
import { findReportSites, findReportUnits, findReportWorkers } from './report-catalogue.repository.ts';
import type { ReportScope } from './report.sql.ts';

/**
 * The values a report lists for each of its dimensions, in report order (docs/indicators.md,
 * "Zero cells"): catalogue codes, the program's services and their fields, the organisation's
 * populations, the periods of the grain, the units, sites and workers in the reader's scope —
 * narrowed by the query's filters. `units`: every unit in scope a target may be shown on.
 */
export async function listedValues(db: Queryable, organisationId: string, scope: ReportScope, q: ReportQuery, program: ProgramServiceSettings | undefined) {
  const paths = scope === 'organisation' ? null : scope.filter((p) => p.programs === null || p.programs.includes(q.program)).map((p) => p.path);
  const values = new Map<ReportDimension, readonly string[]>();
  let units = new Set<string>();
  const fieldValues = (field: 'result' | 'strategy' | 'modality' | 'kind') => {
    const used = new Set((program?.services ?? []).flatMap((s) => serviceDefinitions[s]?.[field] ?? []));
    return (catalogueOf(field) ?? []).filter((v) => used.has(v));
  };
  for (const d of q.by) {
    let list: readonly string[];
    switch (d) {
      case 'period':
        list = subPeriodsOf(q.period, q.grain) ?? [];
        break;
      case 'program':
        list = [q.program];
        break;
      case 'age_band':
        list = ageBandCodes;
        break;
      case 'population':
        list = (await loadRegistrySettings(db, organisationId)).populations;
        break;
      case 'service':
        list = program?.services ?? [];
        break;
      case 'result':
      case 'strategy':
      case 'modality':
      case 'kind':
        list = fieldValues(d);
        break;
      case 'org_unit': {
        const found = await findReportUnits(db, organisationId, paths, q.orgUnitLevel);
        units = new Set(found.map((u) => u.code).filter((c) => !q.filters.org_unit || q.filters.org_unit.includes(c)));
        list = found.filter((u) => u.active).map((u) => u.code);
        break;
      }
      case 'site':
        list = await findReportSites(db, organisationId, paths, q.filters.org_unit);
        break;
      case 'worker':
        list = await findReportWorkers(db, organisationId, q.program, paths, q.filters.org_unit);
        break;
      case 'violence_type':
        list = (await loadCaseSettings(db, organisationId)).violenceTypes.map((t) => t.code);
        break;
      default:
        list = catalogueOf(d) ?? [];
    }
    const kept = q.filters[d];
    values.set(d, kept ? list.filter((v) => kept.includes(v)) : list);
  }
  return { values, units };
}
