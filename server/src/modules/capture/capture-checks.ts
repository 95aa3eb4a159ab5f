import { DomainError, isOwnSite, recordingUnitIds, type PlaceUnit, type ServiceRecord, invalidField } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { holdsAt, orgConfig, scope, type RequestContext } from '../../context/index.ts';
import { capturePolicy } from './capture.policy.ts';
import { findUnit, findUnitKept, selectUnitsUnderKept, unitWhere } from '../org-units/index.ts';
import { findBeneficiary, visibleIds } from '../registry/index.ts';
import { isProgramEnabled, isWorkerAround, selectServices, type ServiceRow } from './capture.repository.ts';

/** The checks every write of capture shares (place, program, worker, person) and the reading of saved services. */

export type Unit = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export function toRecord(row: ServiceRow, mayReadNotes: boolean): ServiceRecord {
  return {
    id: row.id,
    contactId: row.contact_id,
    beneficiary: { id: row.beneficiary_id, code: row.beneficiary_code },
    date: row.service_date,
    worker: row.worker_id ? { id: row.worker_id, displayName: row.worker_name ?? '?' } : null,
    orgUnit: { id: row.org_unit_id, code: row.org_unit_code, name: row.org_unit_name },
    site: row.site_id ? { id: row.site_id, code: row.site_code ?? '?', name: row.site_name ?? '?' } : null,
    program: row.program,
    service: row.service,
    quantity: row.quantity,
    result: row.result,
    strategy: row.strategy,
    modality: row.modality,
    kind: row.kind,
    treated: row.treated,
    platform: row.platform,
    registerYear: row.register_year,
    registerNo: row.register_no,
    registerNoLocked: row.register_no_edited,
    note: mayReadNotes ? row.note : null,
    voiceNoteId: mayReadNotes ? row.voice_note_id : null,
    groupSessionId: row.group_session_id,
    fields: (row.fields as ServiceRecord['fields']) ?? null,
    definitionVersion: row.definition_version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The unit, program, site and worker of a write, each checked against the user's rights; issues name the field.
 * A new record goes to a unit where the user records (`recordingUnitIds`, the rule the web's list follows); a
 * correction keeps the unit the record has (`keepUnit`).
 */
export async function checkPlace(trx: Queryable, ctx: RequestContext, p: { orgUnitId: string; siteId: string | null; program: string; workerId?: string | undefined }, keepUnit = false) {
  const org = ctx.actor.organisationId;
  // Units and programs change seldom: kept in the process while the organisation's configuration is the same (ADR 0046).
  const unit = await unitWhere(trx, org, p.orgUnitId, (u) => capturePolicy.recordAt(ctx.actor, u), ctx.actor);
  if (!keepUnit) {
    const mine = await selectUnitsUnderKept(trx, ctx.actor, capturePolicy.recordingUnits(ctx.actor));
    const places = recordingUnitIds(mine.map((u) => ({ id: u.id, parentId: u.parent_id, level: u.level as PlaceUnit['level'], active: u.active })));
    if (!places.has(unit.id)) throw invalidField('orgUnitId', 'invalid_choice');
  }
  const enabled = await orgConfig(ctx.actor, `program:${p.program}`, () => isProgramEnabled(trx, org, p.program));
  const mayProgram = ctx.actor.assignments.some(
    (a) => unit.path.startsWith(a.orgUnitPath) && (a.programs === null || a.programs.includes(p.program)) && holdsAt({ ...ctx.actor, assignments: [a] }, 'service.write', unit.path),
  );
  if (!enabled || !mayProgram) throw invalidField('program', 'invalid_choice');
  // A site recorded as its own unit is the site of the record too.
  let site: Unit | null = isOwnSite(unit) ? unit : null;
  if (site && p.siteId && p.siteId !== unit.id) throw invalidField('siteId', 'invalid_choice');
  if (!site && p.siteId) {
    site = (await findUnitKept(trx, ctx.actor, p.siteId)) ?? null;
    if (!site || !site.path.startsWith(unit.path)) throw invalidField('siteId', 'invalid_choice');
  }
  const workerId = p.workerId ?? ctx.actor.userId;
  if (workerId !== ctx.actor.userId && !(await isWorkerAround(trx, org, workerId, unit.path))) throw invalidField('workerId', 'invalid_choice');
  return { unit, site, workerId };
}

/** The person a service is for: visible to the user; a merged record stands for the record it was merged into. */
export async function personFor(trx: Queryable, ctx: RequestContext, beneficiaryId: string, field = 'beneficiaryId') {
  const org = ctx.actor.organisationId;
  let person = await findBeneficiary(trx, org, beneficiaryId);
  for (let hops = 0; person?.merged_into && hops < 20; hops++) person = await findBeneficiary(trx, org, person.merged_into);
  if (!person || !(await visibleIds(trx, org, [person.id], scope(ctx.actor, 'person.read'))).has(person.id)) throw invalidField(field, 'invalid_choice');
  return person;
}

/**
 * Where a record about one person is written (a case, a story): a unit where `may` lets the user write,
 * a program the organisation runs and a person she may see; issues name the field.
 */
export async function unitAndPerson(trx: Queryable, ctx: RequestContext, input: { orgUnitId: string; program: string; beneficiaryId: string }, may: (unit: Unit) => boolean) {
  const org = ctx.actor.organisationId;
  const unit = await unitWhere(trx, org, input.orgUnitId, may);
  if (!(await isProgramEnabled(trx, org, input.program))) throw invalidField('program', 'invalid_choice');
  const person = await personFor(trx, ctx, input.beneficiaryId);
  return { unit, person };
}

/** Saved services as the API returns them, in the order of `ids`. */
export async function loadServices(trx: Queryable, ctx: RequestContext, ids: string[]): Promise<ServiceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectServices(trx, ctx.actor.organisationId).where('s.id', 'in', ids).execute();
  const notes = capturePolicy.seeNotes(ctx.actor);
  const order = new Map(ids.map((id, i) => [id, i]));
  // In the order asked: the n-th service of a saved contact is the n-th of the request.
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((r) => toRecord(r, notes));
}

/** A service the user may see (or correct), with its unit; not_found otherwise. */
export async function visibleService(trx: Queryable, ctx: RequestContext, id: string, permission: 'person.read' | 'service.write') {
  const row = await selectServices(trx, ctx.actor.organisationId).where('s.id', '=', id).where('s.deleted_at', 'is', null).executeTakeFirst();
  const unit = row ? await findUnit(trx, ctx.actor.organisationId, row.org_unit_id) : undefined;
  // A role granted for some programs sees and corrects only those programs' services.
  if (!row || !unit || !capturePolicy.reachService(ctx.actor, permission, unit.path, row.program)) throw new DomainError('not_found');
  return { row, unit };
}
