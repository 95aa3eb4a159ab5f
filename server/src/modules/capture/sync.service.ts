import { z } from 'zod';
import {
  DomainError,
  fieldIssuesOf,
  RecordContact,
  RecordGroupSession,
  RegisterBeneficiary,
  UpdateBeneficiary,
  defaultProgramServices,
  programCodes,
  serviceCodes,
  serviceDefinitions,
} from '@relais/core';
import { isIdConflict, isUniqueViolation, type Queryable } from '../../db/index.ts';
import { scope, type RequestContext } from '../../context/index.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { createRegistryService } from '../registry/index.ts';
import { createCaptureService } from './capture.service.ts';
import { recordContacts } from './contacts.service.ts';
import { loadProgramServices, loadRegistrySettings } from '../settings/index.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';
import {
  SYNC_HORIZON_KEY,
  insertAppliedOperations,
  readHorizon,
  selectAppliedOperations,
  selectChangedPersons,
  selectChangedServices,
  writeHorizon,
} from './sync.repository.ts';

type Operation = { id: string; kind: 'register_beneficiary' | 'update_beneficiary' | 'record_contact' | 'delete_service' | 'record_group_session'; payload: unknown };
/** What became of one operation; a rejected one carries its domain error (the edge words it in the caller's language). */
export type Outcome = { id: string; status: 'applied' | 'already_applied' | 'rejected'; error?: DomainError };

/** An edit of a person: `baseVersion`, the record's version it was made on (ADR 0036). */
const UpdatePayload = z.object({ id: z.uuid(), baseVersion: UpdateBeneficiary.shape.baseVersion, changes: UpdateBeneficiary.omit({ baseVersion: true }) });
const DeletePayload = z.object({ id: z.uuid() });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { fields: fieldIssuesOf(parsed.error.issues, value, ['payload']) });
}

/** Changes kept as tombstones this long; a client whose cursor is older must resync fully. */
export { SYNC_HORIZON_KEY };

export function createSyncService(db: Queryable, secrets: Secrets) {
  /** Applies one operation through the same services as the API, in `trx`. */
  async function apply(trx: Queryable, ctx: RequestContext, op: Operation): Promise<unknown> {
    const registry = createRegistryService(trx, secrets);
    const capture = createCaptureService(trx);
    switch (op.kind) {
      case 'register_beneficiary':
        return (await registry.register(ctx, parse(RegisterBeneficiary, op.payload))).beneficiary.id;
      case 'update_beneficiary': {
        const p = parse(UpdatePayload, op.payload);
        return (await registry.updateBeneficiary(ctx, p.id, { ...p.changes, ...(p.baseVersion !== undefined ? { baseVersion: p.baseVersion } : {}) })).id;
      }
      case 'record_contact':
        return (await capture.recordContact(ctx, parse(RecordContact, op.payload))).contactId;
      case 'delete_service':
        await capture.deleteService(ctx, parse(DeletePayload, op.payload).id);
        return null;
      case 'record_group_session':
        return (await capture.recordGroupSession(ctx, parse(RecordGroupSession, op.payload))).id;
    }
  }

  return {
    /**
     * Applies a batch: each operation at most once (remembered by its id, in
     * the transaction that applies it), atomically, a rejected one never
     * blocking the others. Contacts are checked one by one and the valid ones
     * written together (ADR 0008); should that write fail, each is applied in
     * its own transaction.
     */
    async push(ctx: RequestContext, operations: Operation[]): Promise<Outcome[]> {
      const org = ctx.actor.organisationId;
      const outcomes = new Map<string, Outcome>();
      const reject = (id: string, error: DomainError): Outcome => ({ id, status: 'rejected', error });

      /** One operation in its own transaction. */
      const applyOne = async (op: Operation): Promise<Outcome> => {
        try {
          const status = await db.transaction().execute(async (trx) => {
            if ((await selectAppliedOperations(trx, org, [op.id])).size) return 'already_applied' as const;
            const result = await apply(trx, ctx, op);
            await insertAppliedOperations(trx, org, ctx.actor.userId, [{ id: op.id, kind: op.kind, result }]);
            return 'applied' as const;
          });
          return { id: op.id, status };
        } catch (error) {
          if (isUniqueViolation(error, 'applied_operation_pkey')) return { id: op.id, status: 'already_applied' }; // a concurrent push won
          if (error instanceof DomainError) return reject(op.id, error);
          if (isIdConflict(error)) return reject(op.id, new DomainError('id_conflict')); // an id another organisation took
          throw error;
        }
      };

      /** Contacts of the batch: checked one by one, written together. */
      const applyContacts = async (batch: Operation[]) => {
        const decided = new Map<string, Outcome>();
        try {
          await db.transaction().execute(async (trx) => {
            const inputs = new Map<string, RecordContact>();
            for (const op of batch) {
              try {
                inputs.set(op.id, parse(RecordContact, op.payload));
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                decided.set(op.id, reject(op.id, error));
              }
            }
            const recorded = await recordContacts(trx, ctx, inputs);
            const applied: Operation[] = [];
            for (const op of batch) {
              const outcome = recorded.get(op.id);
              if (!outcome) continue;
              if (outcome.status === 'rejected') decided.set(op.id, reject(op.id, outcome.error));
              else {
                applied.push(op);
                decided.set(op.id, { id: op.id, status: outcome.status });
              }
            }
            await insertAppliedOperations(trx, org, ctx.actor.userId, applied.map((op) => ({ id: op.id, kind: op.kind, result: inputs.get(op.id)!.contactId ?? null })));
          });
          for (const [id, outcome] of decided) outcomes.set(id, outcome);
        } catch (error) {
          if (!(error instanceof DomainError) && !isUniqueViolation(error) && !isIdConflict(error)) throw error;
          for (const op of batch) outcomes.set(op.id, await applyOne(op));
        }
      };

      const ids = [...new Set(operations.map((o) => o.id))];
      const done = await selectAppliedOperations(db, org, ids);
      let pending: Operation[] = [];
      const flush = async () => {
        if (pending.length) await applyContacts(pending);
        pending = [];
      };
      const seen = new Set<string>();
      for (const op of operations) {
        if (seen.has(op.id) || done.has(op.id)) {
          if (!outcomes.has(op.id) && done.has(op.id)) outcomes.set(op.id, { id: op.id, status: 'already_applied' });
          continue;
        }
        seen.add(op.id);
        if (op.kind === 'record_contact') {
          pending.push(op);
          continue;
        }
        // A deletion or a session may concern a contact of this batch: write those first.
        if (op.kind === 'delete_service' || op.kind === 'record_group_session') await flush();
        outcomes.set(op.id, await applyOne(op));
      }
      await flush();
      return operations.map((op, i) => (operations.findIndex((o) => o.id === op.id) === i ? outcomes.get(op.id)! : { id: op.id, status: 'already_applied' as const }));
    },

    /**
     * What the user may see that changed after `cursor`: persons known in her
     * units and services of her units, oldest change first; deletions and merges
     * as tombstones. Pseudonymous data only: no phone, no notes on the phone.
     */
    async pull(ctx: RequestContext, cursor: number, limit: number) {
      const org = ctx.actor.organisationId;
      const horizon = await readHorizon(db, org);
      if (cursor > 0 && cursor < horizon) return { resyncRequired: true, cursor, nextCursor: 0, hasMore: false, beneficiaries: [], services: [], tombstones: [], catalogue: null };
      const paths = scope(ctx.actor, 'person.read');
      const persons = await selectChangedPersons(db, org, paths, cursor, limit + 1);
      const services = paths.length ? await selectChangedServices(db, ctx.actor, cursor, limit + 1) : [];
      // Merge both streams by sequence and keep the first `limit` changes.
      const all = [...persons.map((p) => ({ seq: Number(p.change_seq), p })), ...services.map((s) => ({ seq: Number(s.change_seq), s }))].sort((a, b) => a.seq - b.seq);
      const page = all.slice(0, limit);
      const nextCursor = page.length ? page[page.length - 1]!.seq : cursor;
      const tombstones: { type: 'beneficiary' | 'service'; id: string; mergedInto?: string }[] = [];
      const outPersons = [];
      const outServices = [];
      for (const item of page) {
        if ('p' in item && item.p) {
          const p = item.p;
          if (p.merged_into) tombstones.push({ type: 'beneficiary', id: p.id, mergedInto: p.merged_into });
          else outPersons.push({ id: p.id, code: p.code, populations: p.populations, sex: p.sex, birthYear: p.birth_year, registeredOn: p.registered_on, registeredUnitId: p.registered_unit_id, lastSeenOn: p.last_seen_on, version: p.version });
        } else if ('s' in item && item.s) {
          const s = item.s;
          if (s.deleted_at) tombstones.push({ type: 'service', id: s.id });
          else
            outServices.push({
              id: s.id, contactId: s.contact_id, beneficiaryId: s.beneficiary_id, date: s.service_date, workerId: s.worker_id, orgUnitId: s.org_unit_id, siteId: s.site_id,
              program: s.program, service: s.service, quantity: s.quantity, result: s.result, strategy: s.strategy, modality: s.modality, kind: s.kind, treated: s.treated, registerNo: s.register_no, fields: s.fields,
            });
        }
      }
      const catalogue =
        cursor === 0
          ? {
              services: serviceCodes.map((code) => ({ code, ...serviceDefinitions[code] })),
              programs: Object.entries({ ...defaultProgramServices, ...(await loadProgramServices(db, org)) })
                .filter(([code]) => (programCodes as readonly string[]).includes(code))
                .map(([code, s]) => ({ code, ...s })),
              registry: await loadRegistrySettings(db, org),
              definedServices: [...(await loadDefinedServices(db, org)).values()],
            }
          : null;
      return { resyncRequired: false, cursor, nextCursor, hasMore: all.length > limit, beneficiaries: outPersons, services: outServices, tombstones, catalogue };
    },

    /** Forgets tombstones older than the horizon (a cursor before it must resync). */
    async setHorizon(organisationId: string, seq: number): Promise<void> {
      await writeHorizon(db, organisationId, seq);
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
