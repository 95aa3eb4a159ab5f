import { ReportQuery, measureDimensions, parsePeriod, reportDimensions, type Measure, type OrgUnitLevel, type PeriodGrain, type ProgramCode, type ReportDimension } from '@relais/core';

/**
 * The pivot table's query model: the draft the form edits, and the core `ReportQuery` it
 * becomes (or the message key saying what is missing). No React here: unit-testable.
 */

/** The grains of the period dimension, as the core schema lists them. */
export const grains: readonly PeriodGrain[] = ReportQuery.shape.grain.unwrap().options;
/** Dimensions whose values are typed (open vocabularies): codes separated by commas. */
export const typedDimensions = new Set<ReportDimension>(['worker', 'period']);

export interface FilterDraft {
  id: number;
  dim: ReportDimension;
  values: string[];
  /** Typed codes, for the dimensions without a list of values. */
  text: string;
}

export interface PivotDraft {
  program: ProgramCode | null;
  indicators: string[];
  rows: ReportDimension;
  columns: ReportDimension | '';
  period: string;
  grain: PeriodGrain;
  /** '' = the unit where each service was given. */
  level: OrgUnitLevel | '';
  filters: FilterDraft[];
  suppressBelow: string;
}

export type PivotProblem = 'reports.noIndicator' | 'pivot.sameDimension' | 'reports.periodInvalid' | 'pivot.chooseValue' | 'pivot.suppressInvalid' | 'reports.noProgram';

export const typedValues = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];

/** The query of a draft, or the key of the message that says what is missing. */
export function queryOf(draft: PivotDraft): { query: ReportQuery } | { problem: PivotProblem } {
  if (!draft.program) return { problem: 'reports.noProgram' };
  if (draft.indicators.length === 0) return { problem: 'reports.noIndicator' };
  if (draft.rows === draft.columns) return { problem: 'pivot.sameDimension' };
  if (!parsePeriod(draft.period)) return { problem: 'reports.periodInvalid' };
  const filters: Partial<Record<ReportDimension, string[]>> = {};
  for (const f of draft.filters) {
    const values = typedDimensions.has(f.dim) ? typedValues(f.text) : f.values;
    if (values.length === 0) return { problem: 'pivot.chooseValue' };
    filters[f.dim] = values;
  }
  const suppress = draft.suppressBelow.trim();
  if (suppress && !/^\d+$/.test(suppress)) return { problem: 'pivot.suppressInvalid' };
  const suppressBelow = suppress ? Number(suppress) : undefined;
  // The bounds are the schema's (2 to 50).
  if (suppressBelow !== undefined && !ReportQuery.shape.suppressBelow.safeParse(suppressBelow).success) return { problem: 'pivot.suppressInvalid' };
  const by = [draft.rows, ...(draft.columns ? [draft.columns] : [])];
  const usesUnits = by.includes('org_unit') || filters.org_unit !== undefined;
  return {
    query: {
      program: draft.program,
      period: draft.period,
      indicators: draft.indicators,
      by,
      grain: draft.grain,
      ...(usesUnits && draft.level ? { orgUnitLevel: draft.level } : {}),
      filters,
      ...(suppressBelow !== undefined ? { suppressBelow } : {}),
    },
  };
}

/**
 * The dimensions every chosen indicator can be broken down by (the server refuses the others,
 * e.g. `audience` and `age_group` for service indicators): a ratio has its parts' dimensions; an
 * indicator of unknown shape limits nothing. None chosen: all.
 */
export function offeredDimensions(indicators: readonly { code: string; measure: Measure | null }[], chosen: readonly string[]): ReportDimension[] {
  const byCode = new Map(indicators.map((i) => [i.code, i.measure]));
  const sets: ReadonlySet<ReportDimension>[] = [];
  const add = (code: string, depth: number) => {
    const measure = byCode.get(code);
    if (!measure || depth > 3) return;
    if (measure.kind === 'ratio') {
      add(measure.numerator, depth + 1);
      add(measure.denominator, depth + 1);
    } else sets.push(measureDimensions(measure));
  };
  for (const code of chosen) add(code, 0);
  return reportDimensions.filter((d) => sets.every((set) => set.has(d)));
}
