import { DomainError, isBuiltInService, programCodes, serviceCodes, serviceDefinitions, translate, type DefinedService, type FieldIssue, type Locale, type ProgramServiceSettings } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { loadProgramServices, storeProgramServices } from '../settings/index.ts';
import { capturePolicy } from './capture.policy.ts';
import { selectEnabledPrograms } from './capture.repository.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';

/**
 * Who follows a change of a program's services. Reach and paquet minimum decide who
 * counts, so the report facts follow; the reports module listens (wired in app.ts), the
 * catalogue does not import it (no capture ⇄ reports circle).
 */
export interface ProgramServicesListener {
  /** Inside the transaction of the change. */
  changed(trx: Queryable, organisationId: string): Promise<void>;
  /** After its commit. */
  committed(): void;
}

/**
 * A defined service in a program's reach or paquet minimum (ADR 0028) is one the organisation
 * defined for that program; the paquet minimum takes no retired one (it can no longer be given,
 * every contact would miss it). Reach keeps a retired one: its past records still count.
 */
function definedServiceIssues(program: string, settings: ProgramServiceSettings, defined: ReadonlyMap<string, DefinedService>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const list of ['reach', 'paquetMinimum'] as const) {
    settings[list].forEach((code, i) => {
      if (isBuiltInService(code)) return;
      const def = defined.get(code);
      if (!def || def.program !== program || (list === 'paquetMinimum' && def.retired)) {
        // Named by the list and the code refused: « Paquet minimum « douche » : valeur non autorisée. »
        const named = (locale: Locale) => `${translate(locale, `field.${list}`)} « ${code} »`;
        issues.push({ field: `${list}.${i}`, code: 'invalid_choice', params: { label_fr: named('fr'), label_ar: named('ar'), label_en: named('en') } });
      }
    });
  }
  return issues;
}

export function createCatalogueService(db: Queryable, listener: ProgramServicesListener) {
  return {
    /** Services with the fields they take, and each program's settings. */
    async getCatalogue(ctx: RequestContext) {
      const programs = await loadProgramServices(db, ctx.actor.organisationId);
      const enabled = await selectEnabledPrograms(db, ctx.actor.organisationId);
      const defined = await loadDefinedServices(db, ctx.actor.organisationId);
      return {
        services: serviceCodes.map((code) => ({ code, ...serviceDefinitions[code] })),
        programs: programCodes.filter((p) => enabled.has(p)).map((code) => ({ code, ...programs[code]! })),
        definedServices: [...defined.values()].filter((d) => enabled.has(d.program)),
      };
    },

    async updateProgram(ctx: RequestContext, code: string, settings: ProgramServiceSettings) {
      if (!capturePolicy.changeCatalogue(ctx.actor)) throw new DomainError('forbidden');
      const saved = await withTransaction(db, async (trx) => {
        const issues = definedServiceIssues(code, settings, await loadDefinedServices(trx, ctx.actor.organisationId));
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        await storeProgramServices(trx, ctx.actor.organisationId, code, settings);
        // Reach and paquet minimum decide who counts: the report facts follow (built after the commit).
        await listener.changed(trx, ctx.actor.organisationId);
        await recordAudit(trx, whoOf(ctx), { action: 'catalogue.update', entityType: 'program', entityId: code, details: { ...settings } });
        return { code, ...settings };
      });
      listener.committed();
      return saved;
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
