import { sql } from 'kysely';
import { z } from 'zod';
import {
  DomainError,
  RecordContact,
  RecordGroupSession,
  RegisterBeneficiary,
  UpdateBeneficiary,
  defaultProgramServices,
  programCodes,
  serviceCodes,
  serviceDefinitions,
  type Locale,
} from '@relais/core';
import { isUniqueViolation, likePrefix, type Queryable } from '../../db/index.ts';
import { scope, type RequestContext } from '../../http/actor.ts';
import { errorBody, fieldIssuesOf } from '../../http/errors.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { createRegistryService, loadSettings } from '../registry/registry.service.ts';
import { knownUnder } from '../registry/registry.repository.ts';
import { createCaptureService } from './capture.service.ts';
import { loadProgramServices } from './catalogue.service.ts';

type Operation = { id: string; kind: 'register_beneficiary' | 'update_beneficiary' | 'record_contact' | 'delete_service' | 'record_group_session'; payload: unknown };
type Outcome = { id: string; status: 'applied' | 'already_applied' | 'rejected'; error?: { code: string; message: string; fields?: { field: string; code: string; message: string }[] } };

const UpdatePayload = z.object({ id: z.uuid(), changes: UpdateBeneficiary });
const DeletePayload = z.object({ id: z.uuid() });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { fields: fieldIssuesOf(parsed.error.issues, value, ['payload']) });
}

/** Changes kept as tombstones this long; a client whose cursor is older must resync fully. */
export const SYNC_HORIZON_KEY = 'sync_horizon';

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
        return (await registry.updateBeneficiary(ctx, p.id, p.changes)).id;
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
     * Applies a batch: each operation at most once (remembered by its id, in the
     * transaction that applies it), each in its own transaction, a rejected one
     * never blocking the others.
     */
    async push(ctx: RequestContext, operations: Operation[], locale: Locale): Promise<Outcome[]> {
      const org = ctx.actor.organisationId;
      const outcomes: Outcome[] = [];
      for (const op of operations) {
        try {
          const status = await db.transaction().execute(async (trx) => {
            const done = await trx.selectFrom('applied_operation').select('id').where('organisation_id', '=', org).where('id', '=', op.id).executeTakeFirst();
            if (done) return 'already_applied' as const;
            const result = await apply(trx, ctx, op);
            await trx
              .insertInto('applied_operation')
              .values({ organisation_id: org, id: op.id, user_id: ctx.actor.userId, kind: op.kind, result: JSON.stringify({ result: result ?? null }) })
              .execute();
            return 'applied' as const;
          });
          outcomes.push({ id: op.id, status });
        } catch (error) {
          if (isUniqueViolation(error, 'applied_operation_pkey')) {
            outcomes.push({ id: op.id, status: 'already_applied' }); // a concurrent push applied it first
          } else if (error instanceof DomainError) {
            const body = errorBody(error, locale);
            outcomes.push({ id: op.id, status: 'rejected', error: { code: body.error.code, message: body.error.message, ...(body.error.fields ? { fields: body.error.fields.map((f) => ({ field: f.field, code: f.code, message: f.message })) } : {}) } });
          } else {
            throw error;
          }
        }
      }
      return outcomes;
    },

    /**
     * What the user may see that changed after `cursor`: persons known in her
     * units and services of her units, oldest change first; deletions and merges
     * as tombstones. Pseudonymous data only: no phone, no notes on the phone.
     */
    async pull(ctx: RequestContext, cursor: number, limit: number) {
      const org = ctx.actor.organisationId;
      const horizon = Number((await db.selectFrom('organisation_setting').select('value').where('organisation_id', '=', org).where('key', '=', SYNC_HORIZON_KEY).executeTakeFirst())?.value ?? 0);
      if (cursor > 0 && cursor < horizon) return { resyncRequired: true, cursor, nextCursor: 0, hasMore: false, beneficiaries: [], services: [], tombstones: [], catalogue: null };
      const paths = scope(ctx.actor, 'person.read');
      const persons = paths.length
        ? await db
            .selectFrom('beneficiary as b')
            .select(['b.id', 'b.code', 'b.populations', 'b.sex', 'b.birth_year', 'b.registered_on', 'b.registered_unit_id', 'b.last_seen_on', 'b.merged_into', 'b.change_seq'])
            .where('b.organisation_id', '=', org)
            .where('b.change_seq', '>', String(cursor))
            .where(knownUnder(paths))
            .orderBy('b.change_seq')
            .limit(limit + 1)
            .execute()
        : [];
      const services = paths.length
        ? await db
            .selectFrom('service_event as s')
            .innerJoin('org_unit as ou', (j) => j.onRef('ou.organisation_id', '=', 's.organisation_id').onRef('ou.id', '=', 's.org_unit_id'))
            .select(['s.id', 's.contact_id', 's.beneficiary_id', 's.service_date', 's.worker_id', 's.org_unit_id', 's.site_id', 's.program', 's.service', 's.quantity', 's.result', 's.strategy', 's.modality', 's.kind', 's.treated', 's.register_no', 's.deleted_at', 's.change_seq'])
            .where('s.organisation_id', '=', org)
            .where('s.change_seq', '>', String(cursor))
            .where((eb) => eb.or(paths.map((p) => eb('ou.path', 'like', likePrefix(p)))))
            .orderBy('s.change_seq')
            .limit(limit + 1)
            .execute()
        : [];
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
          else outPersons.push({ id: p.id, code: p.code, populations: p.populations, sex: p.sex, birthYear: p.birth_year, registeredOn: p.registered_on, registeredUnitId: p.registered_unit_id, lastSeenOn: p.last_seen_on });
        } else if ('s' in item && item.s) {
          const s = item.s;
          if (s.deleted_at) tombstones.push({ type: 'service', id: s.id });
          else
            outServices.push({
              id: s.id, contactId: s.contact_id, beneficiaryId: s.beneficiary_id, date: s.service_date, workerId: s.worker_id, orgUnitId: s.org_unit_id, siteId: s.site_id,
              program: s.program, service: s.service, quantity: s.quantity, result: s.result, strategy: s.strategy, modality: s.modality, kind: s.kind, treated: s.treated, registerNo: s.register_no,
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
              registry: await loadSettings(db, org),
            }
          : null;
      return { resyncRequired: false, cursor, nextCursor, hasMore: all.length > limit, beneficiaries: outPersons, services: outServices, tombstones, catalogue };
    },

    /** Forgets tombstones older than the horizon (a cursor before it must resync). */
    async setHorizon(organisationId: string, seq: number): Promise<void> {
      await sql`
        insert into organisation_setting (organisation_id, key, value) values (${organisationId}, ${SYNC_HORIZON_KEY}, ${JSON.stringify(seq)}::jsonb)
        on conflict (organisation_id, key) do update set value = excluded.value, updated_at = now()`.execute(db);
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
