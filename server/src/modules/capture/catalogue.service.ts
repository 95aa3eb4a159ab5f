import { DomainError, programCodes, serviceCodes, serviceDefinitions, type ProgramServiceSettings } from '@relais/core';
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
