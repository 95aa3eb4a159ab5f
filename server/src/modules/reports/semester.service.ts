import {
  appliesToProgram,
  CARE_BY_CLINIC,
  invalidField,
  parsePeriod,
  semesterIndicators,
  semesterRates,
  TYPOLOGY_INDICATOR,
  typologyOf,
  type OrgUnitLevel,
  type ReportDimension,
  type ReportQuery,
  type ReportRow,
  type SemesterReport,
  type SemesterReportQuery,
  type SelectedStories,
} from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { holdsAt, type RequestContext } from '../../context/index.ts';
import { findUnit, selectUnitsUnder } from '../org-units/index.ts';
import { createReportEngine } from './report.engine.ts';
import { loadIndicators } from './indicators.repository.ts';
import { findReportNames } from './report-catalogue.repository.ts';
import { programWaiting } from './report-facts.repository.ts';
import { reportsPolicy } from './reports.policy.ts';

const ALL = '*';
/** The typology's dimensions (the cases' violence family and type). */
const TYPOLOGY_BY: ReportDimension[] = ['violence_family', 'violence_type'];

/** The stories module's donor list (`GET /stories/selected`), given by the app: no import between the modules. */
export type SelectedStoriesOf = (ctx: RequestContext, q: { period: string; program: string; orgUnitId: string }) => Promise<SelectedStories>;

/**
 * The semester report (the GBV program's report to its donor) from the report engine: the
 * figures of its sections, survivors cared for by clinic, the violence typology. Three report
 * queries on the reader's scope, nothing of its own: the numbers are those of every report; the
 * selected stories are the stories module's donor list.
 */
export function createSemesterService(db: Queryable, selectedStories: SelectedStoriesOf) {
  /**
   * The stories of the unit when she reads reports there, else of each unit she reads reports of
   * under it (or anywhere, without a unit): never a story outside what she may list.
   */
  async function storiesOf(ctx: RequestContext, q: SemesterReportQuery, unit: { path: string; id: string } | null) {
    const mine = ctx.actor.assignments.filter((a) => holdsAt(ctx.actor, 'report.read', a.orgUnitPath) && (!unit || a.orgUnitPath.startsWith(unit.path)));
    const units = unit && holdsAt(ctx.actor, 'report.read', unit.path) ? [unit.id] : [...new Set(mine.map((a) => a.orgUnitId))];
    const lists = await Promise.all(units.map((orgUnitId) => selectedStories(ctx, { period: q.period, program: q.program, orgUnitId })));
    const seen = new Set<string>();
    return lists.flatMap((l) => l.items).filter((s) => !seen.has(s.storyId) && seen.add(s.storyId));
  }

  const engine = createReportEngine(db);
  return {
    /** The report of a program's semester on a unit (and all under it). */
    async report(ctx: RequestContext, q: SemesterReportQuery): Promise<SemesterReport> {
      const org = ctx.actor.organisationId;
      const period = parsePeriod(q.period);
      if (!period) throw invalidField('period', 'invalid_format');
      const scope = reportsPolicy.readScope(ctx.actor);
      const unit = q.orgUnitId ? await findUnit(db, org, q.orgUnitId) : undefined;
      // A unit inside or above what she reads reports of (the engine counts only her part of it).
      const readable = unit && scope.some((p) => (unit.path.startsWith(p.path) || p.path.startsWith(unit.path)) && (p.programs === null || p.programs.includes(q.program)));
      if (q.orgUnitId && !readable) throw invalidField('orgUnitId', 'invalid_choice');
      const narrowed = unit && unit.parent_id !== null ? unit : null;

      const known = await loadIndicators(db, org);
      // The engine refuses an indicator meant for other programs: those figures are 0 here.
      const codes = new Set(known.filter((i) => appliesToProgram(i, q.program)).map((i) => i.code));
      const base = { program: q.program, period: q.period, grain: 'semester', by: [], filters: {} } satisfies Partial<ReportQuery>;
      // The unit and all under it: its own code at its own level.
      const inUnit = narrowed ? { filters: { org_unit: [narrowed.code] }, orgUnitLevel: narrowed.level as OrgUnitLevel } : { filters: {} };
      const run = (indicators: string[], extra: Partial<ReportQuery>): Promise<ReportRow[]> =>
        indicators.length ? engine.run(org, scope, { ...base, indicators, ...extra } as ReportQuery, known) : Promise.resolve([]);

      const asked = semesterIndicators.filter((c) => codes.has(c));
      const [totals, byUnit, typologyRows, names, under, factsBuilding, stories] = await Promise.all([
        run(asked, inUnit),
        // By the unit each service was given at (the clinics); kept below when under the unit.
        run(codes.has(CARE_BY_CLINIC) ? [CARE_BY_CLINIC] : [], { by: ['org_unit'] }),
        run(codes.has(TYPOLOGY_INDICATOR) ? [TYPOLOGY_INDICATOR] : [], { ...inUnit, by: TYPOLOGY_BY }),
        findReportNames(db, org),
        narrowed ? selectUnitsUnder(db, org, [narrowed.path]) : Promise.resolve(null),
        programWaiting(db, org, q.program),
        storiesOf(ctx, q, unit ?? null),
      ]);

      // A count is 0 when nothing was counted; a rate over nobody has no value (not 0 %).
      const figures: Record<string, number | null> = {};
      for (const code of semesterIndicators) figures[code] = totals.find((r) => r.indicator === code)?.value ?? (semesterRates.has(code) ? null : 0);
      const inside = under ? new Set(under.map((u) => u.code)) : null;
      const clinics = byUnit
        .filter((r) => r.org_unit !== ALL && (r.value ?? 0) > 0 && (!inside || inside.has(String(r.org_unit))))
        .map((r) => ({ code: String(r.org_unit), name: names.units.get(String(r.org_unit)) ?? String(r.org_unit), value: r.value ?? 0 }))
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
      const typology = typologyOf(typologyRows.map((r) => ({ family: String(r.violence_family ?? ''), type: String(r.violence_type ?? ''), value: r.value ?? 0 })));
      return {
        organisation: names.organisation,
        program: q.program,
        period: q.period,
        from: period.from,
        to: period.to,
        unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
        figures,
        clinics,
        typology,
        stories,
        factsBuilding,
      };
    },
  };
}
export type SemesterService = ReturnType<typeof createSemesterService>;
