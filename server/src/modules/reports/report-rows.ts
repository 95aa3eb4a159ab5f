import { isRootUnit, type ReportDimension, type ReportQuery, type ReportRow } from '@relais/core';
import { CELL_SEPARATOR, cellsOf } from './report-cells.ts';
import { setKey } from './report-plan.ts';

const ALL = '*';

/** A number as reports give it: four decimals at most, rounded once, at the edge. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** A target of the program: indicator × unit (its code, and its parent: null at the root) × period. */
export interface ReportTarget {
  indicator: string;
  period: string;
  value: number | string;
  code: string;
  parentId: string | null;
}

/**
 * The rows of a report from the values of each indicator × grouping set (pure): every value of
 * each dimension in scope is a row (0, or no value for a ratio), and so is each cell with a
 * target; targets, gaps and achievements on the cells broken down by unit and period only;
 * small counts suppressed when asked.
 */
export function reportRows(input: {
  q: ReportQuery;
  sets: readonly ReportDimension[][];
  /** Values of `indicator|set key`, cell key → value. */
  values: ReadonlyMap<string, ReadonlyMap<string, number>>;
  isCount: (code: string) => boolean;
  targets: readonly ReportTarget[];
  listed: { values: ReadonlyMap<ReportDimension, readonly string[]>; units: ReadonlySet<string> };
}): ReportRow[] {
  const { q, sets, targets, listed } = input;
  const rootCode = targets.find((t) => isRootUnit(t))?.code;
  const rows: ReportRow[] = [];
  for (const code of q.indicators) {
    const isCount = input.isCount(code);
    for (const dims of sets) {
      const values = input.values.get(`${code}|${setKey(dims)}`) ?? new Map<string, number>();
      // Every value of each dimension in scope is a row (0, or no value for a ratio), and so is each cell with a target.
      const targeted = dims.every((d) => d === 'org_unit' || d === 'period')
        ? targets
            .filter(
              (t) =>
                t.indicator === code &&
                (dims.includes('org_unit') ? listed.units.has(t.code) : t.code === rootCode) &&
                (dims.includes('period') ? (listed.values.get('period') ?? []).includes(t.period) : t.period === q.period),
            )
            .map((t) => dims.map((d) => (d === 'org_unit' ? t.code : t.period)).join(CELL_SEPARATOR))
        : [];
      for (const cell of cellsOf(dims, listed.values, [...values.keys(), ...targeted])) {
        const parts = cell.split(CELL_SEPARATOR);
        const raw = values.get(cell) ?? (isCount ? 0 : null);
        const row: ReportRow = { indicator: code, period: q.period, value: raw === null ? null : round4(raw), target: null, gap: null, achievement: null };
        for (const d of q.by) if (d !== 'period') row[d] = dims.includes(d) ? parts[dims.indexOf(d)]! : ALL;
        if (dims.includes('period')) row.period = parts[dims.indexOf('period')]!;
        // A target is set per indicator × program × unit × period: it applies to cells broken down by nothing else.
        const others = dims.filter((d) => d !== 'org_unit' && d !== 'period');
        if (others.length === 0) {
          const unit = dims.includes('org_unit') ? row.org_unit : rootCode;
          const target = targets.find((t) => t.indicator === code && t.period === String(row.period) && t.code === unit);
          if (target) {
            row.target = Number(target.value);
            row.gap = raw === null ? null : round4(row.target - raw);
            row.achievement = row.target > 0 && raw !== null ? round4(raw / row.target) : null;
          }
        }
        if (q.suppressBelow && isCount && raw !== null && raw > 0 && raw < q.suppressBelow) {
          row.value = null;
          row.gap = null;
          row.achievement = null;
          row.suppressed = true;
        }
        rows.push(row);
      }
    }
  }
  return rows;
}
