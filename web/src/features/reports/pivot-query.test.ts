import { describe, expect, it } from 'vitest';
import { ReportQuery } from '@relais/core';
import { grains, offeredDimensions, queryOf, typedValues, type PivotDraft } from './pivot-query.ts';

const draft = (over: Partial<PivotDraft> = {}): PivotDraft => ({
  program: 'prev_ps',
  indicators: ['reached'],
  rows: 'org_unit',
  columns: 'sex',
  period: '2024',
  grain: 'month',
  level: '',
  filters: [],
  suppressBelow: '',
  ...over,
});

describe('pivot query model', () => {
  it('offers the grains of the core schema', () => {
    expect([...grains].sort()).toEqual(['month', 'quarter', 'semester', 'year']);
  });

  it('turns a complete draft into a query the core schema accepts', () => {
    const result = queryOf(draft({ level: 'section', suppressBelow: ' 5 ' }));
    expect(result).toEqual({
      query: { program: 'prev_ps', period: '2024', indicators: ['reached'], by: ['org_unit', 'sex'], grain: 'month', orgUnitLevel: 'section', filters: {}, suppressBelow: 5 },
    });
    if (!('query' in result)) throw new Error('no query');
    expect(ReportQuery.safeParse(result.query).success).toBe(true);
  });

  it('sends the unit level only when units are shown or filtered, and no column when none is chosen', () => {
    expect(queryOf(draft({ rows: 'sex', columns: '', level: 'region' }))).toEqual({
      query: { program: 'prev_ps', period: '2024', indicators: ['reached'], by: ['sex'], grain: 'month', filters: {} },
    });
    const filtered = queryOf(draft({ rows: 'sex', columns: '', level: 'region', filters: [{ id: 1, dim: 'org_unit', values: ['AGA'], text: '' }] }));
    expect(filtered).toMatchObject({ query: { orgUnitLevel: 'region', filters: { org_unit: ['AGA'] } } });
  });

  it('reads typed codes for open vocabularies (workers, periods), once each', () => {
    expect(typedValues(' nadia, amina;nadia  sara ')).toEqual(['nadia', 'amina', 'sara']);
    expect(typedValues(' , ; ')).toEqual([]);
    const result = queryOf(draft({ filters: [{ id: 1, dim: 'worker', values: ['ignored'], text: 'nadia amina' }, { id: 2, dim: 'population', values: ['PS', 'HSH'], text: 'ignored' }] }));
    expect(result).toMatchObject({ query: { filters: { worker: ['nadia', 'amina'], population: ['PS', 'HSH'] } } });
  });

  it('says what is missing, first thing first', () => {
    expect(queryOf(draft({ program: null, indicators: [] }))).toEqual({ problem: 'reports.noProgram' });
    expect(queryOf(draft({ indicators: [] }))).toEqual({ problem: 'reports.noIndicator' });
    expect(queryOf(draft({ rows: 'sex', columns: 'sex' }))).toEqual({ problem: 'pivot.sameDimension' });
    expect(queryOf(draft({ period: '2024-13' }))).toEqual({ problem: 'reports.periodInvalid' });
    expect(queryOf(draft({ filters: [{ id: 1, dim: 'sex', values: [], text: '' }] }))).toEqual({ problem: 'pivot.chooseValue' });
    expect(queryOf(draft({ filters: [{ id: 1, dim: 'worker', values: [], text: ' , ' }] }))).toEqual({ problem: 'pivot.chooseValue' });
  });

  it('keeps the suppression threshold within the schema’s bounds (2 to 50)', () => {
    expect(queryOf(draft({ suppressBelow: 'five' }))).toEqual({ problem: 'pivot.suppressInvalid' });
    expect(queryOf(draft({ suppressBelow: '1' }))).toEqual({ problem: 'pivot.suppressInvalid' });
    expect(queryOf(draft({ suppressBelow: '51' }))).toEqual({ problem: 'pivot.suppressInvalid' });
    expect(queryOf(draft({ suppressBelow: '2' }))).toMatchObject({ query: { suppressBelow: 2 } });
    expect(queryOf(draft({ suppressBelow: '50' }))).toMatchObject({ query: { suppressBelow: 50 } });
    expect(queryOf(draft({ suppressBelow: '' }))).not.toHaveProperty('query.suppressBelow');
  });

  it('offers audience and age group with cascade indicators only, and only the dimensions every chosen indicator has', () => {
    const indicators = [
      { code: 'reached', measure: { kind: 'distinct_persons', filter: {} } },
      { code: 'persons_sensitised', measure: { kind: 'count_cascade', cascade: 'persons_sensitised' } },
      { code: 'cascade_sessions', measure: { kind: 'count_cascade', cascade: 'cascade_sessions' } },
      { code: 'people_trained', measure: { kind: 'count_cascade', cascade: 'people_trained' } },
      { code: 'cascade_sessions_per_trained', measure: { kind: 'ratio', numerator: 'cascade_sessions', denominator: 'people_trained' } },
    ] as const;
    const cascade = offeredDimensions(indicators, ['persons_sensitised']);
    expect(cascade).toEqual(['period', 'org_unit', 'program', 'sex', 'audience', 'age_group']);
    expect(offeredDimensions(indicators, ['cascade_sessions_per_trained'])).toEqual(cascade);
    const services = offeredDimensions(indicators, ['reached']);
    expect(services).toContain('service');
    expect(services).not.toContain('audience');
    expect(services).not.toContain('age_group');
    expect(offeredDimensions(indicators, ['reached', 'persons_sensitised'])).toEqual(['period', 'org_unit', 'program', 'sex']);
  });
});
