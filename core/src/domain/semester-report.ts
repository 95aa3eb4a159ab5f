import { violenceFamilies } from './cases.ts';

/**
 * The semester report a GBV program sends its donor (the Chams report, "Résultats observés au
 * 30 juin 2024"): sections of figures, care by clinic, the violence typology, the selected
 * most-significant-change stories. The screen and the XLSX lay it out from this one list.
 */
export const semesterSections = [
  { id: 'awareness', lines: ['sensitised'] },
  { id: 'care', lines: ['survivors_cared'] },
  { id: 'biomedical', lines: ['biomedical_served', 'tested_any', 'sti_treated', 'medical_other_served', 'pep_within_72h'] },
  { id: 'psychological', lines: ['psychological_served', 'psychiatric_referred'] },
  { id: 'social', lines: ['social_served'] },
  { id: 'legal', lines: ['legal_served'] },
  { id: 'autonomy', lines: ['in_vocational_training', 'placed_in_job'] },
  { id: 'follow_up', lines: ['cases_opened', 'cases_open_at_start', 'cases_retained', 'retention_rate', 'lost_to_follow_up'] },
] as const satisfies ReadonlyArray<{ id: string; lines: readonly string[] }>;
export type SemesterSectionId = (typeof semesterSections)[number]['id'];

/** Every figure of the report, in the order of its sections. */
export const semesterIndicators: readonly string[] = semesterSections.flatMap((s) => [...s.lines]);

/** Figures that are rates (fractions 0–1, shown as percentages; no value over nobody). */
export const semesterRates: ReadonlySet<string> = new Set(['retention_rate']);

/** The indicator the care section breaks down by clinic, and the one the typology counts. */
export const CARE_BY_CLINIC = 'survivors_cared';
export const TYPOLOGY_INDICATOR = 'cases_opened';

/** A semester's code (`2024-S1`) of a day (`YYYY-MM-DD`). */
export function semesterOf(day: string): string {
  return `${day.slice(0, 4)}-S${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The semester before one (`2024-S1` → `2023-S2`). */
export function previousSemester(code: string): string {
  const year = Number(code.slice(0, 4));
  return code.endsWith('S2') ? `${year}-S1` : `${year - 1}-S2`;
}

/** The last semester over on a day: the one before the day's own. */
export function lastCompleteSemester(day: string): string {
  return previousSemester(semesterOf(day));
}

/** The day's semester and the `count - 1` before it, newest first. */
export function recentSemesters(day: string, count: number): string[] {
  const out = [semesterOf(day)];
  while (out.length < count) out.push(previousSemester(out[out.length - 1]!));
  return out;
}

/** One row of the typology query's answer: a family, a type (`*` = all) and a count. */
export interface TypologyCell {
  family: string;
  type: string;
  value: number;
}

export interface TypologyType {
  type: string;
  count: number;
  /** Share of all cases opened in the period (0–1), 0 when there is none. */
  share: number;
}
export interface TypologyFamily {
  family: string;
  count: number;
  share: number;
  /** The types counted in the family (only those with cases), the largest first. */
  types: TypologyType[];
}
export interface Typology {
  total: number;
  families: TypologyFamily[];
}

const ALL = '*';

/**
 * The typology table from the cases opened by violence family and type: each family of the
 * typology (the four of the Chams table always; `other` and "not recorded" (`''`) when they
 * hold cases), its types, counts and shares of the total. Totals are the engine's own cells
 * (`*`) when present, else the sums.
 */
export function typologyOf(cells: readonly TypologyCell[]): Typology {
  const byFamily = new Map<string, Map<string, number>>();
  const familyTotals = new Map<string, number>();
  let total: number | null = null;
  for (const c of cells) {
    if (c.family === ALL && c.type === ALL) total = c.value;
    else if (c.family !== ALL && c.type === ALL) familyTotals.set(c.family, c.value);
    else if (c.family !== ALL && c.value > 0) {
      const types = byFamily.get(c.family) ?? new Map<string, number>();
      types.set(c.type, c.value);
      byFamily.set(c.family, types);
    }
  }
  const countOf = (family: string) => familyTotals.get(family) ?? [...(byFamily.get(family)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const known: readonly string[] = violenceFamilies;
  const extra = [...new Set([...byFamily.keys(), ...familyTotals.keys()])].filter((f) => !known.includes(f)).sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const families = [...violenceFamilies.filter((f) => f !== 'other' || countOf(f) > 0), ...extra.filter((f) => countOf(f) > 0)];
  const sum = total ?? families.reduce((a, f) => a + countOf(f), 0);
  const share = (n: number) => (sum > 0 ? n / sum : 0);
  return {
    total: sum,
    families: families.map((family) => ({
      family,
      count: countOf(family),
      share: share(countOf(family)),
      types: [...(byFamily.get(family) ?? new Map<string, number>()).entries()]
        .map(([type, count]) => ({ type, count, share: share(count) }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    })),
  };
}
