import { sql } from 'kysely';
import { DomainError, programCodes, type SetupChecklist, type SetupRequest } from '@relais/core';
import { isUniqueViolation, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { recordAudit } from '../audit/index.ts';
import { syncReportFacts } from '../reports/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { loadChecklist } from './setup.repository.ts';

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
  const passwordHash = await hashPassword(input.admin.password);
  try {
    await trx.insertInto('organisation').values({ id: organisationId, code: input.organisation.code, name: input.organisation.name }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('organisation_code_taken');
    throw error;
  }
  await trx
    .insertInto('org_unit')
    .values({
      organisation_id: organisationId,
      id: rootUnitId,
      code: input.organisation.code,
      name: input.organisation.name,
      level: 'country',
      parent_id: null,
      path: `/${rootUnitId}/`,
    })
    .execute();
  await trx
    .insertInto('program')
    .values(programCodes.map((code) => ({ organisation_id: organisationId, code, enabled: true })))
    .execute();
  await trx
    .insertInto('app_user')
    .values({
      organisation_id: organisationId,
      id: adminId,
      username: input.admin.username,
      display_name: input.admin.displayName,
      password_hash: passwordHash,
      locale: input.locale,
    })
    .execute();
  await trx
    .insertInto('role_assignment')
    .values({ organisation_id: organisationId, id: newId(), user_id: adminId, role: 'administrator', org_unit_id: rootUnitId, programs: null })
    .execute();
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
      const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
      return !row;
    },

    /** First run through the web: only while no organisation exists (checked under a table lock, so two first runs cannot both win). */
    async setupFirstOrganisation<T>(input: SetupRequest, then: (trx: Queryable, created: CreatedOrganisation) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => {
        await sql`lock table organisation in exclusive mode`.execute(trx);
        const existing = await trx.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
        if (existing) throw new DomainError('setup_already_done');
        const created = await createOrganisation(trx, input);
        return then(trx, created);
      });
    },
  };
}
export type SetupService = ReturnType<typeof createSetupService>;
