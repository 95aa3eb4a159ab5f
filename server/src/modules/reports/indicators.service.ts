import { DomainError, appliesToProgram, isBuiltInService, checkIndicatorDefinition, defaultIndicators, indicatorsUsing, type IndicatorDefinition, type IndicatorInput, invalidField } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { loadDhis2Mapping } from '../settings/index.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';
import { deleteIndicator, deleteTargetsOf, findCustomIndicators, insertIndicator, loadIndicators, updateIndicator, type StoredIndicator } from './indicators.repository.ts';
import { syncReportFacts, type ReportFactsBuilder } from './report-facts.service.ts';
import { reportsPolicy } from './reports.policy.ts';

function toDefinition(input: IndicatorInput): StoredIndicator {
  return { code: input.code, labels: input.labels, measure: input.measure as IndicatorDefinition['measure'] };
}

/**
 * An organisation's own indicators, added by its administrators (settings at the root).
 * A change stores the report rules in the same transaction; their facts are built after the
 * commit, in the background (ADR 0010).
 */
export function createIndicatorsService(db: Queryable, reportFacts: Pick<ReportFactsBuilder, 'kick'>) {
  const checked = async (trx: Queryable, ctx: RequestContext, def: StoredIndicator) => {
    if (!reportsPolicy.changeIndicators(ctx.actor)) throw new DomainError('forbidden');
    const others = await loadIndicators(trx, ctx.actor.organisationId);
    const issues = checkIndicatorDefinition(def, others);
    // A service the organisation defined may be counted like a built-in one; an unknown code may not.
    const filter = 'filter' in def.measure ? def.measure.filter : {};
    if (Array.isArray(filter.services)) {
      const defined = await loadDefinedServices(trx, ctx.actor.organisationId);
      filter.services.forEach((code, i) => {
        if (!isBuiltInService(code) && !defined.has(code)) issues.push({ field: `measure.filter.services.${i}`, code: 'invalid_choice' });
      });
    }
    if (issues.length) throw new DomainError('validation_failed', { fields: issues });
  };

  /** One transaction that changes the definitions and stores the rules they give; then the facts are built. */
  const changing = async <T>(ctx: RequestContext, work: (trx: Queryable) => Promise<T>): Promise<T> => {
    const out = await withTransaction(db, async (trx) => {
      const result = await work(trx);
      await syncReportFacts(trx, ctx.actor.organisationId);
      return result;
    });
    reportFacts.kick();
    return out;
  };

  return {
    /** The defaults, then the organisation's own; with `program`, only those meant for it. */
    async list(ctx: RequestContext, program?: string) {
      const custom = await findCustomIndicators(db, ctx.actor.organisationId);
      return [...defaultIndicators.map((i) => ({ code: i.code, measure: i.measure, ...(i.programs ? { programs: i.programs } : {}) })), ...custom.map((i) => ({ ...i, custom: true }))].filter(
        (i) => program === undefined || appliesToProgram(i, program),
      );
    },

    async create(ctx: RequestContext, input: IndicatorInput) {
      const def = toDefinition(input);
      return changing(ctx, async (trx) => {
        await checked(trx, ctx, def);
        try {
          await insertIndicator(trx, ctx.actor.organisationId, ctx.actor.userId, def);
        } catch (error) {
          if (isUniqueViolation(error)) throw invalidField('code', 'taken');
          throw error;
        }
        await recordAudit(trx, whoOf(ctx), { action: 'indicator.create', entityType: 'indicator', entityId: def.code, details: { measure: def.measure } });
        return { ...def, custom: true };
      });
    },

    async update(ctx: RequestContext, code: string, input: IndicatorInput) {
      if (input.code !== code) throw invalidField('code', 'invalid');
      const def = toDefinition(input);
      return changing(ctx, async (trx) => {
        await checked(trx, ctx, def);
        if (!(await updateIndicator(trx, ctx.actor.organisationId, def))) throw new DomainError('not_found');
        await recordAudit(trx, whoOf(ctx), { action: 'indicator.update', entityType: 'indicator', entityId: code, details: { measure: def.measure } });
        return { ...def, custom: true };
      });
    },

    async remove(ctx: RequestContext, code: string) {
      if (!reportsPolicy.changeIndicators(ctx.actor)) throw new DomainError('forbidden');
      return changing(ctx, async (trx) => {
        const all = await loadIndicators(trx, ctx.actor.organisationId);
        if (defaultIndicators.some((d) => d.code === code) || !all.some((i) => i.code === code)) throw new DomainError('not_found');
        const users = indicatorsUsing(code, all);
        if (users.length) throw new DomainError('indicator_in_use', { params: { indicators: users.join(', ') } });
        if ((await loadDhis2Mapping(trx, ctx.actor.organisationId)).dataElements.some((e) => e.indicator === code)) throw new DomainError('indicator_mapped');
        await deleteIndicator(trx, ctx.actor.organisationId, code);
        await deleteTargetsOf(trx, ctx.actor.organisationId, code);
        await recordAudit(trx, whoOf(ctx), { action: 'indicator.delete', entityType: 'indicator', entityId: code });
      });
    },
  };
}
export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
