import type { Queryable } from '../../db/index.ts';
import type { RequestContext } from '../../context/index.ts';
import { systemContext } from '../../context/system.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnitByCode } from '../org-units/index.ts';
import { findOrganisationAndRoot, selectOrganisationIds } from './setup.repository.ts';

/**
 * The operator's command line: it acts on an organisation named by its code, as the system
 * (an administrator of the root unit, audited as no one), through the same services as the API.
 */

/** The context of a command on the organisation with this code; null when there is none. */
export async function operatorContext(db: Queryable, organisationCode: string): Promise<RequestContext | null> {
  const found = await findOrganisationAndRoot(db, organisationCode.toUpperCase());
  return found ? systemContext(found.organisation, found.root) : null;
}

/** A unit of the command's organisation, by code. */
export async function unitByCode(db: Queryable, ctx: RequestContext, code: string) {
  return (await findUnitByCode(db, ctx.actor.organisationId, code.toUpperCase())) ?? null;
}

/** Audits a restore in every organisation the backup held. */
export async function auditRestore(db: Queryable, file: string): Promise<void> {
  for (const id of await selectOrganisationIds(db)) {
    await recordAudit(db, { organisationId: id, actorId: null }, { action: 'backup.restore', entityType: 'organisation', entityId: id, details: { file } });
  }
}
