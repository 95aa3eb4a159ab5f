import { describe, expect, it } from 'vitest';
import { adxPeriod, checkDhis2Mapping, dhis2Period } from './dhis2.ts';

describe('DHIS2 periods', () => {
  it('writes ADX periods with the calendar durations DHIS2 reads (never day counts)', () => {
    expect(adxPeriod('2024')).toBe('2024-01-01/P1Y');
    expect(adxPeriod('2024-S1')).toBe('2024-01-01/P6M');
    expect(adxPeriod('2024-S2')).toBe('2024-07-01/P6M');
    expect(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map(adxPeriod)).toEqual(['2024-01-01/P3M', '2024-04-01/P3M', '2024-07-01/P3M', '2024-10-01/P3M']);
    expect(adxPeriod('2024-02')).toBe('2024-02-01/P1M');
    expect(adxPeriod('2024-01-01..2024-03-15')).toBeNull();
    expect(dhis2Period('2024-S2')).toBe('2024S2');
  });
});

describe('DHIS2 mapping check', () => {
  const context = { indicators: ['reached'], units: ['AGA'], populations: ['PS', 'HSH'] };
  const entry = { indicator: 'reached', dataElement: 'DEreachPS01', disaggregation: {} };

  it('takes codes when the mapping says so, and uids otherwise', () => {
    const byCode = { idScheme: 'code' as const, orgUnits: { AGA: 'MA_AGADIR' }, dataElements: [{ ...entry, dataElement: 'PS_REACHED' }] };
    expect(checkDhis2Mapping(byCode, context)).toEqual([]);
    expect(checkDhis2Mapping({ ...byCode, idScheme: 'uid' }, context).map((i) => `${i.field}: ${i.code}`)).toEqual(['orgUnits.AGA: not_a_uid', 'dataElements.0.dataElement: not_a_uid']);
  });

  it('knows each dimension’s values, the organisation’s populations among them, and at most three dimensions', () => {
    const check = (disaggregation: Record<string, string>) => checkDhis2Mapping({ idScheme: 'uid', orgUnits: {}, dataElements: [{ ...entry, disaggregation }] }, context).map((i) => `${i.field}: ${i.code}`);
    expect(check({ population: 'HSH', sex: 'F', age_band: '>=25' })).toEqual([]);
    expect(check({ population: 'PUDI' })).toEqual(['dataElements.0.disaggregation.population: not_one_of']);
    expect(check({ org_unit: 'AGA' })).toEqual(['dataElements.0.disaggregation.org_unit: unknown_dimension']);
    expect(check({ population: 'PS', sex: 'F', age_band: '<25', result: 'positive' })).toEqual(['dataElements.0.disaggregation: too_big']);
  });
});
