import { describe, expect, it } from 'vitest';
import type { IndicatorInfo } from '../../api/indicators.ts';
import type { ReportRequest, ReportRowData } from '../../api/endpoints.ts';
import { ALL, drillTargetOf, indexReport, isRatio, mainIndicatorsOf, measureFilterOf, referralStatOf, valueIn } from './report-model.ts';

const query = (over: Partial<ReportRequest> = {}): ReportRequest => ({ program: 'prev_ps', period: '2024', indicators: ['reached'], by: [], grain: 'month', filters: {}, ...over });
const row = (over: Partial<ReportRowData> & Record<string, unknown>): ReportRowData =>
  ({ indicator: 'reached', period: '2024', value: 1, target: null, gap: null, achievement: null, ...over }) as ReportRowData;

const indicators: IndicatorInfo[] = [
  { code: 'reached', measure: { kind: 'distinct_persons', filter: { services: 'reach' } } },
  { code: 'tested', measure: { kind: 'distinct_persons', filter: { services: ['hiv_test'], result: ['positive', 'negative'] } } },
  { code: 'testing_rate', measure: { kind: 'ratio', numerator: 'tested', denominator: 'reached' } },
  { code: 'rate_of_rate', measure: { kind: 'ratio', numerator: 'testing_rate', denominator: 'reached' } },
  { code: 'paquet', measure: { kind: 'distinct_persons_full_paquet' } },
  { code: 'unknown_shape', measure: null },
];

describe('report model', () => {
  it('proposes the main indicators of the prevention programs, else the generic ones', () => {
    expect(mainIndicatorsOf('prev_ps')).toContain('testing_rate');
    expect(mainIndicatorsOf('prev_hsh')).toEqual(mainIndicatorsOf('prev_ps'));
    for (const program of ['mediation', 'gbv', 'harm_reduction'] as const) expect(mainIndicatorsOf(program)).toEqual(['services_delivered', 'beneficiaries_served']);
  });

  it('knows a ratio by its measure, and an unknown code is not one', () => {
    expect(isRatio(indicators, 'testing_rate')).toBe(true);
    expect(isRatio(indicators, 'reached')).toBe(false);
    expect(isRatio(indicators, 'nowhere')).toBe(false);
    expect(isRatio(indicators, 'unknown_shape')).toBe(false);
  });

  it('reads the value of a dimension in a row: the period total carries the query period', () => {
    const q = query({ period: '2024', by: ['period', 'sex'], grain: 'quarter' });
    expect(valueIn(row({ period: '2024', sex: 'F' }), 'period', q)).toBe(ALL);
    expect(valueIn(row({ period: '2024-Q2', sex: 'F' }), 'period', q)).toBe('2024-Q2');
    expect(valueIn(row({ period: '2024', sex: 'F' }), 'sex', q)).toBe('F');
    expect(valueIn(row({ period: '2024', sex: null }), 'sex', q)).toBe('');
    expect(valueIn(row({ period: '2024' }), 'sex', q)).toBe('');
    expect(valueIn(row({ period: '2024', age_band: 25 }), 'age_band', q)).toBe('25');
    // A period that is itself of the grain (a month asked by month) is a value, not a total.
    const monthly = query({ period: '2024-03', by: ['period'], grain: 'month' });
    expect(valueIn(row({ period: '2024-03' }), 'period', monthly)).toBe('2024-03');
  });

  it('indexes rows by indicator and dimension values; totals are found with * or by leaving the value out', () => {
    const q = query({ by: ['sex', 'period'], grain: 'quarter', indicators: ['reached', 'tested'] });
    const rows = [
      row({ sex: 'F', period: '2024-Q1', value: 3 }),
      row({ sex: 'M', period: '2024-Q1', value: 2 }),
      row({ sex: 'F', period: '2024', value: 7 }),
      row({ sex: '*', period: '2024', value: 10 }),
      row({ sex: '*', period: '2024-Q1', value: 5, target: 8 }),
      row({ indicator: 'tested', sex: 'F', period: '2024-Q1', value: 1 }),
    ];
    const index = indexReport(rows, q);
    expect(index.get('reached', { sex: 'F', period: '2024-Q1' })?.value).toBe(3);
    expect(index.get('reached', { sex: 'M', period: '2024-Q1' })?.value).toBe(2);
    expect(index.get('reached', { sex: 'F' })?.value).toBe(7);
    expect(index.get('reached', { sex: ALL, period: ALL })?.value).toBe(10);
    expect(index.get('reached', {})?.value).toBe(10);
    expect(index.get('reached', { period: '2024-Q1' })?.value).toBe(5);
    expect(index.get('tested', { sex: 'F', period: '2024-Q1' })?.value).toBe(1);
    expect(index.get('tested', { sex: 'M', period: '2024-Q1' })).toBeUndefined();
    expect(index.values('sex').sort()).toEqual(['F', 'M']);
    expect(index.values('period')).toEqual(['2024-Q1']);
    expect(index.hasTargets('reached')).toBe(true);
    expect(index.hasTargets('tested')).toBe(false);
  });

  it('keeps the first row of a key (a single sub-period is its own total)', () => {
    const q = query({ period: '2024-03', by: ['period'], grain: 'month' });
    const index = indexReport([row({ period: '2024-03', value: 4 }), row({ period: '2024-03', value: 99 })], q);
    expect(index.get('reached', { period: '2024-03' })?.value).toBe(4);
    expect(index.get('reached', {})?.value).toBe(4);
  });

  it('maps a cell to the services it counts: unit, service and dates', () => {
    const q = query({ period: '2024', by: ['org_unit', 'period'], grain: 'quarter' });
    expect(drillTargetOf(q, 'reached', { org_unit: 'AGA', period: '2024-Q3' })).toEqual({
      program: 'prev_ps',
      from: '2024-07-01',
      to: '2024-09-30',
      orgUnitCode: 'AGA',
      service: null,
      indicator: 'reached',
    });
    // Totals and unconstrained dimensions leave the whole period and every unit.
    expect(drillTargetOf(q, 'reached', { org_unit: ALL, period: ALL })).toEqual({ program: 'prev_ps', from: '2024-01-01', to: '2024-12-31', orgUnitCode: null, service: null, indicator: 'reached' });
  });

  it('keeps the intersection of a sub-period with a custom range', () => {
    const q = query({ period: '2024-02-10..2024-05-20', by: ['period'], grain: 'month' });
    expect(drillTargetOf(q, 'reached', { period: '2024-02' })).toMatchObject({ from: '2024-02-10', to: '2024-02-29' });
    expect(drillTargetOf(q, 'reached', { period: '2024-05' })).toMatchObject({ from: '2024-05-01', to: '2024-05-20' });
    expect(drillTargetOf(q, 'reached', { period: '2024-03' })).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
  });

  it('uses a one-value filter as the value, and refuses cells the services list cannot show', () => {
    expect(drillTargetOf(query({ filters: { service: ['hiv_test'] } }), 'tested', {})).toMatchObject({ service: 'hiv_test', orgUnitCode: null });
    expect(drillTargetOf(query({ filters: { org_unit: ['AGA', 'CASA'] } }), 'reached', {})).toBeNull();
    expect(drillTargetOf(query({ by: ['sex'] }), 'reached', { sex: 'F' })).toBeNull();
    // A total over a dimension the list cannot filter on is fine: it constrains nothing.
    expect(drillTargetOf(query({ by: ['sex'] }), 'reached', { sex: ALL })).not.toBeNull();
    expect(drillTargetOf(query({ period: 'not a period' }), 'reached', {})).toBeNull();
    expect(drillTargetOf(query({ by: ['period'] }), 'reached', { period: 'garbage' })).toBeNull();
  });

  it('finds the filter of an indicator, through a ratio to its numerator', () => {
    expect(measureFilterOf(indicators, 'reached')).toEqual({ services: 'reach' });
    expect(measureFilterOf(indicators, 'testing_rate')).toEqual({ services: ['hiv_test'], result: ['positive', 'negative'] });
    expect(measureFilterOf(indicators, 'rate_of_rate')).toEqual({ services: ['hiv_test'], result: ['positive', 'negative'] });
    expect(measureFilterOf(indicators, 'paquet')).toEqual({});
    expect(measureFilterOf(indicators, 'unknown_shape')).toBeNull();
    expect(measureFilterOf(indicators, 'nowhere')).toBeNull();
  });

  it('knows a referral indicator (through a ratio to its numerator): its drill-down lists referrals, not services', () => {
    const referrals: IndicatorInfo[] = [
      ...indicators,
      { code: 'referrals_sent', measure: { kind: 'referral_stat', stat: 'sent' } },
      { code: 'referrals_delivered', measure: { kind: 'referral_stat', stat: 'delivered' } },
      { code: 'referral_completion_rate', measure: { kind: 'ratio', numerator: 'referrals_delivered', denominator: 'referrals_sent' } },
    ];
    expect(referralStatOf(referrals, 'referrals_sent')).toBe('sent');
    expect(referralStatOf(referrals, 'referral_completion_rate')).toBe('delivered');
    expect(referralStatOf(referrals, 'reached')).toBeNull();
    expect(measureFilterOf(referrals, 'referrals_sent')).toBeNull();
  });

  it('stops following ratios of ratios after a few steps (a loop is no filter)', () => {
    const loop: IndicatorInfo[] = [
      { code: 'a', measure: { kind: 'ratio', numerator: 'b', denominator: 'b' } },
      { code: 'b', measure: { kind: 'ratio', numerator: 'a', denominator: 'a' } },
    ];
    expect(measureFilterOf(loop, 'a')).toBeNull();
  });
});
