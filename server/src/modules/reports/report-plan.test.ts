import { describe, expect, it } from 'vitest';
import { defaultIndicators, defaultProgramServices, type IndicatorDefinition, type ReportDimension, type ReportQuery } from '@relais/core';
import { collectSets, groupingSetsOf, planReport, reportIssues, validSlots } from './report-plan.ts';
import { REACH_SLOT, reportRules, reportSlots } from './report-rules.ts';
import { CELL_SEPARATOR } from './report-cells.ts';

const program = defaultProgramServices.prev_ps!;
const built = reportRules(defaultIndicators, { prev_ps: program });
const year = { from: '2024-01-01', to: '2024-12-31' };

function plan(by: ReportDimension[], options: { filters?: ReportQuery['filters']; period?: { from: string; to: string }; stored?: typeof built; indicators?: readonly IndicatorDefinition[]; source?: 'auto' | 'live' } = {}) {
  return planReport({
    q: { program: 'prev_ps', by, filters: options.filters ?? {} },
    period: options.period ?? year,
    indicators: options.indicators ?? defaultIndicators,
    program,
    storedRules: options.stored ?? built,
    source: options.source ?? 'auto',
  });
}

describe('the report planner: where each indicator’s numbers come from', () => {
  it('reads distinct persons from their facts, counts and sums from the roll-up', () => {
    const p = plan(['org_unit', 'sex']);
    const slots = reportSlots(defaultIndicators);
    expect(p.sourceOf('reached')).toEqual({ from: 'facts', slot: slots.get('reached'), reachSlot: null });
    expect(p.sourceOf('persons_full_paquet')).toEqual({ from: 'facts', slot: slots.get('persons_full_paquet'), reachSlot: null });
    expect(p.sourceOf('returned')).toEqual({ from: 'facts', slot: slots.get('returned'), reachSlot: slots.get(REACH_SLOT) });
    expect(plan(['org_unit', 'service']).sourceOf('condoms_distributed')).toEqual({ from: 'rollup' });
  });

  it('reads the services for a dimension its source cannot break down by', () => {
    expect(plan(['site']).sourceOf('reached')).toEqual({ from: 'live' });
    expect(plan(['sex']).sourceOf('tests_performed')).toEqual({ from: 'live' });
    // A filter counts as a dimension.
    expect(plan([], { filters: { worker: ['ep1'] } }).sourceOf('positive')).toEqual({ from: 'live' });
    expect(plan([], { filters: { worker: ['ep1'] } }).sourceOf('services_delivered')).toEqual({ from: 'rollup' });
  });

  it('reads the services for everything over a period that is not whole months, or when asked', () => {
    const partial = plan([], { period: { from: '2024-02-10', to: '2024-05-31' } });
    expect(partial.span).toBeNull();
    expect(partial.sourceOf('reached')).toEqual({ from: 'live' });
    expect(partial.sourceOf('condoms_distributed')).toEqual({ from: 'live' });
    expect(plan([], { source: 'live' }).sourceOf('reached')).toEqual({ from: 'live' });
    expect(plan([], { source: 'live' }).span).toBeNull();
  });

  it('reads the services for a slot whose stored rules are not the definitions’ (changed, or still building)', () => {
    const slots = reportSlots(defaultIndicators);
    const stale = built.map((r) => (r.indicator === 'positive' ? { ...r, results: ['indeterminate'] } : r));
    expect(plan([], { stored: stale }).sourceOf('positive')).toEqual({ from: 'live' });
    expect(plan([], { stored: stale }).sourceOf('tested_known_result')).toEqual({ from: 'facts', slot: slots.get('tested_known_result'), reachSlot: null });
    // "Returned" needs the reach's facts too.
    const noReach = built.filter((r) => r.indicator !== 'reached');
    expect(plan([], { stored: noReach }).sourceOf('returned')).toEqual({ from: 'live' });
    expect(plan([], { stored: [] }).sourceOf('beneficiaries_served')).toEqual({ from: 'live' });
  });

  it('never plans a ratio (it is computed from its two parts)', () => {
    expect(plan([]).sourceOf('testing_rate')).toEqual({ from: 'live' });
  });

  it('reads case measures from the case files, and the services for a filter that reads the case', () => {
    expect(plan(['org_unit']).sourceOf('cases_opened')).toEqual({ from: 'cases' });
    expect(plan(['org_unit']).sourceOf('lost_to_follow_up')).toEqual({ from: 'cases' });
    expect(plan(['org_unit']).sourceOf('survivors_cared')).toEqual({ from: 'live' });
    expect(plan(['org_unit']).sourceOf('pep_within_72h')).toEqual({ from: 'live' });
    // A case dimension is one the facts cannot break down by.
    expect(plan(['violence_type']).sourceOf('reached')).toEqual({ from: 'live' });
  });

  it('refuses an indicator meant for another program, and a case measure by a dimension cases do not have', () => {
    const q = (indicators: string[], by: ReportDimension[] = [], filters: ReportQuery['filters'] = {}, program: ReportQuery['program'] = 'gbv') => ({ program, indicators, by, filters });
    expect(reportIssues(q(['reached', 'cases_opened', 'survivors_cared'], ['org_unit', 'violence_type', 'sex']), defaultIndicators)).toEqual([]);
    expect(reportIssues(q(['reached', 'cases_opened'], [], {}, 'prev_ps'), defaultIndicators)).toEqual([{ field: 'indicators.1', code: 'invalid_choice' }]);
    expect(reportIssues(q(['nothing']), defaultIndicators)).toEqual([{ field: 'indicators.0', code: 'invalid_choice' }]);
    const issues = reportIssues(q(['retention_rate'], ['org_unit', 'worker'], { site: ['S1'] }), defaultIndicators);
    expect(issues.map((i) => [i.field, i.code, i.params?.value])).toEqual([
      ['by.1', 'unknown_dimension', 'worker'],
      ['filters.site', 'unknown_dimension', 'site'],
    ]);
    // A measure over services may be broken down by a case dimension (its case's; '' outside a case).
    expect(reportIssues(q(['sensitised'], ['violence_family', 'worker']), defaultIndicators)).toEqual([]);
  });

  it('lists every grouping set, the cells first and the grand total last', () => {
    expect(groupingSetsOf(['org_unit', 'sex'])).toEqual([['org_unit', 'sex'], ['sex'], ['org_unit'], []]);
    expect(groupingSetsOf([])).toEqual([[]]);
  });

  it('keeps the valid slots only when every rule of the slot is stored as expected', () => {
    expect(validSlots(built, built)).toEqual(new Set(built.map((r) => r.slot)));
    expect(validSlots(built, [])).toEqual(new Set());
  });

  it('splits a grouping-sets result into its sets (a null dimension is rolled up)', () => {
    const sets = groupingSetsOf(['org_unit', 'sex']);
    const out = collectSets(['org_unit', 'sex'], sets, [
      { d0: 'SA', d1: 'F', value: 2 },
      { d0: null, d1: 'F', value: 3 },
      { d0: 'SA', d1: null, value: '4' },
      { d0: null, d1: null, value: 5 },
    ]);
    expect(out.get('org_unit,sex')).toEqual(new Map([[`SA${CELL_SEPARATOR}F`, 2]]));
    expect(out.get('sex')).toEqual(new Map([['F', 3]]));
    expect(out.get('org_unit')).toEqual(new Map([['SA', 4]]));
    expect(out.get('')).toEqual(new Map([['', 5]]));
  });
});
