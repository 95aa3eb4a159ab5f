import { z } from 'zod';
import { DomainError, ProgramServices, defaultProgramServices, programCodes, serviceCodes, serviceDefinitions, type ProgramServiceSettings } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { type RequestContext, holdsAtRoot } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/audit.service.ts';
import { getSetting, putSetting } from '../registry/registry.repository.ts';
import { syncReportFacts, type ReportFactsBuilder } from '../reports/report-facts.service.ts';

const KEY = 'program_services';

export { ProgramServices as ProgramServicesSchema } from '@relais/core';
const Stored = z.record(z.string(), ProgramServices);

/** Per-program service settings of the organisation, defaults filled in. */
export async function loadProgramServices(db: Queryable, organisationId: string): Promise<Record<string, ProgramServiceSettings>> {
  const parsed = Stored.safeParse(await getSetting(db, organisationId, KEY));
  return { ...defaultProgramServices, ...(parsed.success ? parsed.data : {}) };
}

export function createCatalogueService(db: Queryable, reportFacts: Pick<ReportFactsBuilder, 'kick'>) {
  return {
    /** Services with the fields they take, and each program's settings. */
    async getCatalogue(ctx: RequestContext) {
      const programs = await loadProgramServices(db, ctx.actor.organisationId);
      const enabled = new Set(
        (await db.selectFrom('program').select('code').where('organisation_id', '=', ctx.actor.organisationId).where('enabled', '=', true).execute()).map((r) => r.code),
      );
      return {
        services: serviceCodes.map((code) => ({ code, ...serviceDefinitions[code] })),
        programs: programCodes.filter((p) => enabled.has(p)).map((code) => ({ code, ...programs[code]! })),
      };
    },

    async updateProgram(ctx: RequestContext, code: string, settings: ProgramServiceSettings) {
      const atRoot = holdsAtRoot(ctx.actor, 'settings.manage');
      if (!atRoot) throw new DomainError('forbidden');
      const saved = await withTransaction(db, async (trx) => {
        const stored = Stored.safeParse(await getSetting(trx, ctx.actor.organisationId, KEY));
        const next = { ...(stored.success ? stored.data : {}), [code]: settings };
        await putSetting(trx, ctx.actor.organisationId, KEY, next);
        // Reach and paquet minimum decide who counts: the report facts follow (built after the commit).
        await syncReportFacts(trx, ctx.actor.organisationId);
        await recordAudit(trx, whoOf(ctx), { action: 'catalogue.update', entityType: 'program', entityId: code, details: { ...settings } });
        return { code, ...settings };
      });
      reportFacts.kick();
      return saved;
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
