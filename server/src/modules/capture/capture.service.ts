import { DomainError, checkAnyServiceEntry, definedQuantity, invalidField, serviceCodes, type ServiceRecord, type UpdateService } from '@relais/core';
import type { z } from 'zod';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { orgConfig, type RequestContext } from '../../context/index.ts';
import { capturePolicy } from './capture.policy.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findUnitKept } from '../org-units/index.ts';
import { markServiceDeleted, selectServicePage, updateServiceRow } from './capture.repository.ts';
import { checkPlace, loadServices, toRecord, visibleService } from './capture-checks.ts';
import { createContactsService } from './contacts.service.ts';
import { createGroupSessionsService } from './group-sessions.service.ts';
import { createRegisterNumbersService } from './register-numbers.service.ts';
import { visiblePlaces } from './visibility.ts';
import { serviceChanged } from './service-writes.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';

export { attendanceService } from './group-sessions.service.ts';

/** Services as saved: listed, corrected, deleted. */
function createServicesService(db: Queryable) {
  return {
    async listServices(
      ctx: RequestContext,
      q: { beneficiaryId?: string | undefined; orgUnitId?: string | undefined; workerId?: string | undefined; program?: string | undefined; service?: readonly string[] | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
    ) {
      const org = ctx.actor.organisationId;
      // A code of the filter is built in or one the organisation defined (retired ones included: their records stay).
      const builtIn = (code: string) => (serviceCodes as readonly string[]).includes(code);
      const defined = q.service?.some((code) => !builtIn(code)) ? await orgConfig(ctx.actor, 'definedServices', () => loadDefinedServices(db, org)) : null;
      const unknown = q.service?.find((code) => !builtIn(code) && !defined?.has(code));
      if (unknown !== undefined) throw invalidField('service', 'invalid_choice', { value: unknown });
      let within: string | undefined;
      if (q.orgUnitId) within = (await findUnitKept(db, ctx.actor, q.orgUnitId))?.path ?? '/none/';
      const places = await visiblePlaces(db, ctx.actor, 'person.read', within);
      const { rows, total, totalCapped } = await selectServicePage(db, org, places, q);
      const notes = capturePolicy.seeNotes(ctx.actor);
      return { items: rows.map((r) => toRecord(r, notes)), total, totalCapped };
    },

    async updateService(ctx: RequestContext, id: string, patch: z.output<typeof UpdateService>): Promise<ServiceRecord> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const { row } = await visibleService(trx, ctx, id, 'service.write');
        // A defined service (ADR 0028) is corrected by its fields, checked against its definition in force (the record takes its version).
        const def = row.definition_version !== null ? (await loadDefinedServices(trx, org)).get(row.service) : undefined;
        const merged = {
          service: row.service,
          quantity: patch.quantity !== undefined ? patch.quantity : row.quantity,
          result: patch.result !== undefined ? patch.result : row.result,
          strategy: patch.strategy !== undefined ? patch.strategy : row.strategy,
          modality: patch.modality !== undefined ? patch.modality : row.modality,
          kind: patch.kind !== undefined ? patch.kind : row.kind,
          treated: patch.treated !== undefined ? patch.treated : row.treated,
          platform: patch.platform !== undefined ? patch.platform : row.platform,
          registerNo: null,
          fields: def ? (patch.fields !== undefined ? patch.fields : (row.fields as Record<string, unknown> | null)) : (patch.fields ?? null),
        };
        // A defined record keeps its values and version unless its fields are corrected: a note or a date is corrected whatever the definition became.
        const refields = def !== undefined && patch.fields !== undefined;
        if (refields) merged.quantity = definedQuantity(def.fields, merged.fields);
        else if (def) merged.quantity = row.quantity;
        const builtIns = Object.entries(patch).filter(([k, v]) => ['quantity', 'result', 'strategy', 'modality', 'kind', 'treated', 'platform'].includes(k) && v !== null);
        const issues = def
          ? [...builtIns.map(([k]) => ({ field: k, code: 'not_applicable' as const })), ...(refields ? checkAnyServiceEntry({ ...merged, quantity: null }, row.program, undefined, new Map([[row.service, def]]), '') : [])]
          : checkAnyServiceEntry(merged, row.program, undefined, new Map(), '');
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        if (patch.workerId) await checkPlace(trx, ctx, { orgUnitId: row.org_unit_id, siteId: null, program: row.program, workerId: patch.workerId }, true);
        await updateServiceRow(trx, org, id, {
          quantity: merged.quantity,
          result: merged.result,
          strategy: merged.strategy,
          modality: merged.modality,
          kind: merged.kind,
          treated: merged.treated,
          platform: merged.platform,
          ...(refields ? { fields: JSON.stringify(merged.fields), definition_version: def.version } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.date ? { service_date: patch.date } : {}),
          ...(patch.workerId ? { worker_id: patch.workerId } : {}),
        });
        await serviceChanged(trx, org, id);
        await recordAudit(trx, whoOf(ctx), { action: 'service.update', entityType: 'service', entityId: id, details: { fields: Object.keys(patch) } });
        return (await loadServices(trx, ctx, [id]))[0]!;
      });
    },

    /** Deletes a service (kept as a tombstone, so field phones forget it too). */
    async deleteService(ctx: RequestContext, id: string): Promise<void> {
      await withTransaction(db, (trx) => removeService(trx, ctx, id));
    },
  };
}

/** Deletes a service inside the caller's transaction: checked, kept as a tombstone, its stock given back, audited. */
export async function removeService(trx: Queryable, ctx: RequestContext, id: string): Promise<void> {
  const { row, unit } = await visibleService(trx, ctx, id, 'service.write');
  await markServiceDeleted(trx, ctx.actor.organisationId, id, ctx.actor.userId);
  await serviceChanged(trx, ctx.actor.organisationId, id);
  await recordAudit(trx, whoOf(ctx), {
    action: 'service.delete',
    entityType: 'service',
    entityId: id,
    orgUnit: { id: unit.id, path: unit.path },
    details: { service: row.service, date: row.service_date, beneficiary: row.beneficiary_code, registerNo: row.register_no },
  });
}

/**
 * Capture's use cases: contacts (contacts.service.ts), group sessions (group-sessions.service.ts),
 * register numbers (register-numbers.service.ts) and the services as saved (here). Every write of
 * services goes through `writeServices` (service-writes.ts).
 */
export function createCaptureService(db: Queryable) {
  return {
    ...createContactsService(db),
    ...createGroupSessionsService(db),
    ...createRegisterNumbersService(db),
    ...createServicesService(db),
  };
}
export type CaptureService = ReturnType<typeof createCaptureService>;
