import { DomainError, programCodes, type Program, type ProgramCode } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { programsPolicy } from './programs.policy.ts';
import { selectPrograms, upsertProgramEnabled } from './programs.repository.ts';

export function createProgramsService(db: Queryable) {
  return {
    /** Every known program with whether the organisation runs it, in catalogue order. */
    async listPrograms(ctx: RequestContext): Promise<Program[]> {
      const rows = await selectPrograms(db, ctx.actor.organisationId);
      const enabled = new Map(rows.map((r) => [r.code, r.enabled]));
      return programCodes.map((code) => ({ code, enabled: enabled.get(code) ?? false }));
    },

    /** Enabling a program is an organisation-wide setting: only administrators of the root unit. */
    async setProgramEnabled(ctx: RequestContext, code: ProgramCode, enabled: boolean): Promise<Program> {
      if (!programsPolicy.manage(ctx.actor)) throw new DomainError('forbidden');
      if (!programCodes.includes(code)) throw new DomainError('program_unknown');
      return db.transaction().execute(async (trx) => {
        await upsertProgramEnabled(trx, ctx.actor.organisationId, code, enabled);
        await recordAudit(trx, whoOf(ctx), { action: 'program.update', entityType: 'program', entityId: code, details: { enabled } });
        return { code, enabled };
      });
    },
  };
}
export type ProgramsService = ReturnType<typeof createProgramsService>;
