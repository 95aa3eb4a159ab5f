import { describe, expect, it } from 'vitest';
import { lastCompleteSemester, recentSemesters, semesterIndicators, semesterOf, typologyOf } from './semester-report.ts';

describe('semester report', () => {
  it('knows the semester of a day, the last complete one and those before', () => {
    expect(semesterOf('2024-06-30')).toBe('2024-S1');
    expect(semesterOf('2024-07-01')).toBe('2024-S2');
    expect(lastCompleteSemester('2024-07-01')).toBe('2024-S1');
    expect(lastCompleteSemester('2025-03-10')).toBe('2024-S2');
    expect(recentSemesters('2025-03-10', 4)).toEqual(['2025-S1', '2024-S2', '2024-S1', '2023-S2']);
  });

  it('lays out every figure of the Chams report once', () => {
    expect(new Set(semesterIndicators).size).toBe(semesterIndicators.length);
    expect(semesterIndicators).toEqual(expect.arrayContaining(['sensitised', 'survivors_cared', 'pep_within_72h', 'legal_served', 'retention_rate', 'cases_opened']));
  });

  it('builds the typology: the four Chams families always, shares of all cases, types largest first, totals from the engine', () => {
    const t = typologyOf([
      { family: '*', type: '*', value: 10 },
      { family: 'physical_sexual', type: '*', value: 6 },
      { family: 'physical_sexual', type: 'rape', value: 2 },
      { family: 'physical_sexual', type: 'physical_assault', value: 4 },
      { family: 'physical_sexual', type: 'forced_marriage', value: 0 },
      { family: 'economic', type: '*', value: 2 },
      { family: 'economic', type: 'denial_of_resources', value: 2 },
      { family: '', type: '', value: 2 },
      { family: '*', type: 'rape', value: 2 },
    ]);
    expect(t.total).toBe(10);
    expect(t.families.map((f) => [f.family, f.count, f.share])).toEqual([
      ['physical_sexual', 6, 0.6],
      ['psychological', 0, 0],
      ['economic', 2, 0.2],
      ['trafficking', 0, 0],
      ['', 2, 0.2],
    ]);
    expect(t.families[0]!.types).toEqual([
      { type: 'physical_assault', count: 4, share: 0.4 },
      { type: 'rape', count: 2, share: 0.2 },
    ]);
  });

  it('without totals from the engine sums the types; no case gives shares of 0, never a division by zero', () => {
    expect(typologyOf([{ family: 'trafficking', type: 'trafficking', value: 1 }, { family: 'other', type: 'other', value: 1 }])).toMatchObject({
      total: 2,
      families: [{ family: 'physical_sexual', count: 0 }, { family: 'psychological' }, { family: 'economic' }, { family: 'trafficking', count: 1, share: 0.5 }, { family: 'other', count: 1 }],
    });
    expect(typologyOf([]).families.every((f) => f.share === 0 && f.count === 0)).toBe(true);
  });
});
