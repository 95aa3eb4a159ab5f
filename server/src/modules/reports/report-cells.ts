import type { ReportDimension } from '@relais/core';

/** Separates the dimension values in the key of a cell. */
export const CELL_SEPARATOR = '\u0000';

/** A breakdown lists every combination of its dimensions' values up to this many cells; beyond, the cells with data. */
export const MAX_ZERO_CELLS = 10_000;

/**
 * The cells of one breakdown (`dims`), in report order: every combination of the values each
 * dimension lists (`values`, in their order) when there are at most `limit` of them, and every
 * cell with a value (`observed`, keys of values joined by CELL_SEPARATOR). A dimension without
 * a list of values (null) contributes only the values seen. Values outside a list come after it
 * in code order, "not recorded" (`''`) last.
 */
export function cellsOf(
  dims: readonly ReportDimension[],
  values: ReadonlyMap<ReportDimension, readonly string[]>,
  observed: Iterable<string>,
  limit = MAX_ZERO_CELLS,
): string[] {
  // The grand total is always a row.
  if (dims.length === 0) return [''];
  const keys = new Set(observed);
  if (dims.every((d) => values.has(d))) {
    const lists = dims.map((d) => values.get(d)!);
    if (lists.reduce((n, l) => n * l.length, 1) <= limit) {
      let grid: string[][] = [[]];
      for (const list of lists) grid = grid.flatMap((prefix) => list.map((v) => [...prefix, v]));
      for (const parts of grid) keys.add(parts.join(CELL_SEPARATOR));
    }
  }
  const ranks = dims.map((d) => new Map((values.get(d) ?? []).map((v, i) => [v, i])));
  const rank = (i: number, v: string) => (v === '' ? Number.MAX_SAFE_INTEGER : (ranks[i]!.get(v) ?? ranks[i]!.size));
  return [...keys].sort((a, b) => {
    const pa = a.split(CELL_SEPARATOR);
    const pb = b.split(CELL_SEPARATOR);
    for (let i = 0; i < dims.length; i++) {
      const d = rank(i, pa[i]!) - rank(i, pb[i]!) || (pa[i]! < pb[i]! ? -1 : pa[i]! > pb[i]! ? 1 : 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}
