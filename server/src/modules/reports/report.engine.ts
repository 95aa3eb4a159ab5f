import {
  DomainError,
  formatIssue,
  defaultAgeBands,
  defaultViolenceTypes,
  parsePeriod,
  type IndicatorDefinition,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
} from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { orgConfig, type Actor } from '../../context/index.ts';
import { loadCaseSettings, loadProgramServices } from '../settings/index.ts';
import { loadRules } from './report-facts.repository.ts';
import { loadIndicators } from './indicators.repository.ts';
import { loadTargets } from './report-catalogue.repository.ts';
import { CELL_SEPARATOR } from './report-cells.ts';
import { listedValues } from './report-listing.ts';
import { collectSets, dimensionsUsed, monthSpan, planReport, reportIssues, setKey, type BaseMeasure } from './report-plan.ts';
import { caseQuery } from './case-report.sql.ts';
import { referralQuery } from './referral-report.sql.ts';
import { cascadeQuery } from './cascade-report.sql.ts';
import { harmReductionQuery } from './harm-reduction-report.sql.ts';
import { reportRows } from './report-rows.ts';
import { liveQuery, personFactsQuery, rollupQuery, type ReportScope, type ReportSqlContext } from './report.sql.ts';

export { monthSpan } from './report-plan.ts';
export type { ReportScope } from './report.sql.ts';

export interface ReportEngineOptions {
  /** `live` reads the services for everything (the reference the facts are tested against). */
  source?: 'auto' | 'live';
  /**
   * An export marked external (the DHIS2 export): only cases with consent to reporting count
   * (GBVIMS). A query with `suppressBelow` (a report for outside the organisation) is external too.
   */
  external?: boolean;
}

/**
 * The report engine: the same for the API, the screens and `relais report`.
 * Live (no overnight tables): it reads the report facts the triggers keep in the
 * transaction of every write (ADR 0010) — all the grouping sets of an indicator in one
 * query — or, for what the facts cannot answer, the services themselves, one exact
 * query per grouping set. Either way a total is the distinct count over all cells,
 * never their sum (docs/indicators.md). The planner (`report-plan.ts`) chooses the
 * source of each indicator, the builders (`report.sql.ts`) write its SQL, this runs them.
 */
export function createReportEngine(db: Queryable, options: ReportEngineOptions = {}) {
  /** A report; `indicators` defaults to the organisation's (the defaults and its own). */
  async function run(organisationId: string, scope: ReportScope, q: ReportQuery, given?: readonly IndicatorDefinition[], kept?: Pick<Actor, 'organisationId' | 'configVersion'>): Promise<ReportRow[]> {
    // `kept`: the actor of a request, whose organisation's definitions this process may keep (ADR 0046).
    const config = <T>(key: string, read: () => Promise<T>) => (kept ? orgConfig(kept, key, read) : read());
    const indicators = given ?? (await config('indicators', () => loadIndicators(db, organisationId)));
    const period = parsePeriod(q.period);
    if (!period) throw new DomainError('validation_failed', { fields: [formatIssue('period', 'period')] });
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const issues = reportIssues(q, indicators);
    if (issues.length) throw new DomainError('validation_failed', { fields: issues });
    const program = (await config('programServices', () => loadProgramServices(db, organisationId)))[q.program];
    // The stored rules are read only when the facts may answer (a period of whole months).
    const mayReadFacts = options.source !== 'live' && monthSpan(period.from, period.to) !== null;
    const storedRules = mayReadFacts ? await loadRules(db, organisationId, q.program, { readyOnly: true }) : [];
    const plan = planReport({ q, period, indicators, program, storedRules, source: options.source ?? 'auto' });
    // The typology (an organisation setting) gives the family of a violence type.
    const typology = dimensionsUsed(q).has('violence_family') ? (await loadCaseSettings(db, organisationId)).violenceTypes : defaultViolenceTypes;
    const ctx: ReportSqlContext = {
      organisationId,
      scope,
      q,
      period,
      program,
      bands: defaultAgeBands,
      external: options.external === true || q.suppressBelow !== undefined,
      violenceTypes: typology,
    };

    type SetValues = Map<string, Map<string, number>>;
    const batches = new Map<string, Promise<SetValues | null>>();
    /** All the sets of one indicator at once, from the facts or the roll-up; null when neither can answer it. */
    const fromFacts = (code: string, measure: BaseMeasure): Promise<SetValues | null> => {
      if (!batches.has(code)) {
        const source = plan.sourceOf(code);
        const span = plan.span!;
        const collect = async (query: ReturnType<typeof personFactsQuery>) => collectSets(q.by, plan.sets, (await query.execute(db)).rows);
        batches.set(
          code,
          source.from === 'facts'
            ? collect(personFactsQuery(ctx, span, plan.sets, source.slot, source.reachSlot))
            : source.from === 'rollup' && (measure.kind === 'count_services' || measure.kind === 'sum_quantity')
              ? collect(rollupQuery(ctx, span, plan.sets, measure))
              : Promise.resolve(null),
        );
      }
      return batches.get(code)!;
    };
    /** Values of one indicator for one grouping set from the services. */
    const live = async (measure: BaseMeasure, dims: ReportDimension[]): Promise<Map<string, number>> => {
      const query =
        measure.kind === 'count_cases'
          ? caseQuery(ctx, measure, dims)
          : measure.kind === 'count_cascade'
            ? cascadeQuery(ctx, measure, dims)
            : measure.kind === 'referral_stat'
              ? referralQuery(ctx, measure, dims)
              : measure.kind === 'harm_reduction_stat'
                ? harmReductionQuery(ctx, measure, dims)
                : liveQuery(ctx, measure, dims);
      const rows = await query.execute(db);
      const out = new Map<string, number>();
      for (const r of rows.rows) out.set(dims.map((_, i) => String(r[`d${i}`])).join(CELL_SEPARATOR), Number(r.value));
      return out;
    };

    const cache = new Map<string, Map<string, number>>();
    const valuesOf = async (code: string, dims: ReportDimension[]): Promise<Map<string, number>> => {
      const key = `${code}|${setKey(dims)}`;
      if (cache.has(key)) return cache.get(key)!;
      const def = byCode.get(code);
      if (!def) throw new DomainError('validation_failed', { fields: [{ field: 'indicators', code: 'invalid_choice' }] });
      let result: Map<string, number>;
      if (def.measure.kind === 'ratio') {
        const [num, den] = await Promise.all([valuesOf(def.measure.numerator, dims), valuesOf(def.measure.denominator, dims)]);
        result = new Map();
        // Exact here; rounded once, on the row (so an achievement is not taken from a rounded rate).
        for (const [cell, d] of den) if (d > 0) result.set(cell, (num.get(cell) ?? 0) / d);
      } else result = (await fromFacts(code, def.measure))?.get(setKey(dims)) ?? (await live(def.measure, dims));
      cache.set(key, result);
      return result;
    };

    const targets = await loadTargets(db, organisationId, q.program);
    const listed = await listedValues(db, organisationId, scope, q, program);
    const values = new Map<string, Map<string, number>>();
    for (const code of q.indicators) for (const dims of plan.sets) values.set(`${code}|${setKey(dims)}`, await valuesOf(code, dims));
    return reportRows({ q, sets: plan.sets, values, isCount: (code) => byCode.get(code)!.measure.kind !== 'ratio', targets, listed });
  }

  return { run };
}
export type ReportEngine = ReturnType<typeof createReportEngine>;
