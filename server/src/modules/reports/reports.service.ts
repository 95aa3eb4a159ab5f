import type { z } from 'zod';
import { DomainError, formatIssue, parsePeriod, type Locale, type ReportQuery, type ReportRow, type TargetInput, invalidField } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { unitWhere } from '../org-units/index.ts';
import { createReportEngine } from './report.engine.ts';
import { findCustomIndicators, loadIndicators } from './indicators.repository.ts';
import { programWaiting } from './report-facts.repository.ts';
import type { ReportFileContext } from './report-words.ts';
import { findReportNames } from './report-catalogue.repository.ts';
import { reportsPolicy } from './reports.policy.ts';
import { upsertTargets } from './targets.repository.ts';

export function createReportsService(db: Queryable) {
  const engine = createReportEngine(db);
  return {
    /** A report on the units (and programs) where the user may read reports. */
    async report(ctx: RequestContext, q: ReportQuery): Promise<ReportRow[]> {
      return engine.run(ctx.actor.organisationId, reportsPolicy.readScope(ctx.actor), q, undefined, ctx.actor);
    },

    /** Whether the program's report facts are being rebuilt (reports are then slower, still exact). */
    factsBuilding: (ctx: RequestContext, program: string) => programWaiting(db, ctx.actor.organisationId, program),

    /** What a report file names besides its rows: the organisation, its units, its own indicators, which indicators are rates. */
    async fileContext(ctx: RequestContext, locale: Locale): Promise<Omit<ReportFileContext, 'layout' | 'generatedOn'>> {
      const org = ctx.actor.organisationId;
      const [names, own, all] = await Promise.all([findReportNames(db, org), findCustomIndicators(db, org), loadIndicators(db, org)]);
      return {
        ...(names.organisation ? { organisation: names.organisation } : {}),
        units: names.units,
        indicators: new Map(own.map((i) => [i.code, i.labels[locale]])),
        ratios: new Set(all.filter((i) => i.measure.kind === 'ratio').map((i) => i.code)),
      };
    },

    async setTarget(ctx: RequestContext, t: z.output<typeof TargetInput>) {
      if (!(await loadIndicators(db, ctx.actor.organisationId)).some((i) => i.code === t.indicator)) throw invalidField('indicator', 'invalid_choice');
      if (!parsePeriod(t.period)) throw new DomainError('validation_failed', { fields: [formatIssue('period', 'period')] });
      const unit = await unitWhere(db, ctx.actor.organisationId, t.orgUnitId, (u) => reportsPolicy.setTargetsAt(ctx.actor, u.path));
      return withTransaction(db, async (trx) => {
        await upsertTargets(trx, ctx.actor.organisationId, [{ indicator: t.indicator, program: t.program, unitId: unit.id, period: t.period, value: t.value }]);
        await recordAudit(trx, whoOf(ctx), { action: 'target.set', entityType: 'target', entityId: `${t.indicator}:${t.program}:${unit.code}:${t.period}`, orgUnit: { id: unit.id, path: unit.path }, details: { value: t.value } });
        return { ...t, orgUnitCode: unit.code };
      });
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
