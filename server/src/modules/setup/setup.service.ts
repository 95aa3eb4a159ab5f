import { DomainError, type SetupChecklist, type SetupRequest } from '@relais/core';
import { isUniqueViolation, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { checkPassword } from '../../lib/password-rules.ts';
import { recordAudit } from '../audit/index.ts';
import { syncReportFacts } from '../reports/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { anyOrganisation, insertFirstRows, insertOrganisation, loadChecklist, lockOrganisations } from './setup.repository.ts';

export interface CreatedOrganisation {
  organisationId: string;
  rootUnitId: string;
  adminId: string;
}

/**
 * Creates an organisation with its root org unit (the country level, coded like
 * the organisation), every program enabled, and its first administrator on the
 * root. Used by the first-run page and by `relais init`.
 */
export async function createOrganisation(trx: Queryable, input: SetupRequest): Promise<CreatedOrganisation> {
  const organisationId = newId();
  const rootUnitId = newId();
  const adminId = newId();
  checkPassword('admin.password', input.admin.password, { username: input.admin.username, organisationCode: input.organisation.code });
  const passwordHash = await hashPassword(input.admin.password);
  try {
    await insertOrganisation(trx, { id: organisationId, code: input.organisation.code, name: input.organisation.name });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('organisation_code_taken');
    throw error;
  }
  await insertFirstRows(trx, { organisationId, rootUnitId, adminId, assignmentId: newId(), code: input.organisation.code, name: input.organisation.name, admin: input.admin, passwordHash, locale: input.locale });
  await recordAudit(trx, { organisationId, actorId: adminId }, {
    action: 'setup',
    entityType: 'organisation',
    entityId: organisationId,
    details: { code: input.organisation.code, admin: input.admin.username },
  });
  await syncReportFacts(trx, organisationId);
  return { organisationId, rootUnitId, adminId };
}

export function createSetupService(db: Queryable) {
  return {
    /** The administrator's first steps after setup, each ticked from the organisation's data. */
    checklist(ctx: RequestContext): Promise<SetupChecklist> {
      return loadChecklist(db, ctx.actor.organisationId);
    },

    async needsSetup(): Promise<boolean> {
      return !(await anyOrganisation(db));
    },

    /** First run through the web: only while no organisation exists (checked under a table lock, so two first runs cannot both win). */
    async setupFirstOrganisation<T>(input: SetupRequest, then: (trx: Queryable, created: CreatedOrganisation) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await lockOrganisations(trx);
        if (await anyOrganisation(trx)) throw new DomainError('setup_already_done');
        const created = await createOrganisation(trx, input);
        return then(trx, created);
      });
    },
  };
}
export type SetupService = ReturnType<typeof createSetupService>;
