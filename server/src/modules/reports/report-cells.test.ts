import { describe, expect, it } from 'vitest';
import type { ReportDimension } from '@relais/core';
import { CELL_SEPARATOR, cellsOf } from './report-cells.ts';

const key = (...parts: string[]) => parts.join(CELL_SEPARATOR);

describe('the cells of a breakdown', () => {
  const values = new Map<ReportDimension, readonly string[]>([
    ['sex', ['F', 'M', 'X']],
    ['age_band', ['<25', '>=25']],
  ]);

  it('lists every combination of the listed values, then the values met in the data, "not recorded" last', () => {
    expect(cellsOf(['sex'], values, [key('M'), key('')])).toEqual(['F', 'M', 'X', '']);
    expect(cellsOf(['sex', 'age_band'], values, [key('M', 'unknown')])).toEqual([
      key('F', '<25'), key('F', '>=25'), key('M', '<25'), key('M', '>=25'), key('M', 'unknown'), key('X', '<25'), key('X', '>=25'),
    ]);
    expect(cellsOf([], values, [])).toEqual(['']);
  });

  it('keeps to the cells with data when the combinations would be too many', () => {
    expect(cellsOf(['sex', 'age_band'], values, [key('F', '<25')], 5)).toEqual([key('F', '<25')]);
    // A dimension without a list contributes only what was seen.
    expect(cellsOf(['worker'], values, [key('amina')])).toEqual(['amina']);
  });
});
