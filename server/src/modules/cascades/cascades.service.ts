import {
  DomainError,
  invalidField,
  type AttendanceInput,
  type Trainee,
  type Training,
  type TrainingInput,
  type TrainingSummary,
} from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { programScope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { checkPlace } from '../capture/index.ts';
import * as repo from './cascades.repository.ts';
import { cascadeOf, toTrainee, toTrainingSummary } from './cascade-tree.ts';

/**
 * Where a user reads trainings: where she records (service.write). Attendance names people —
 * partners' staff, children trained as peer educators — so aggregate readers (viewers, donors)
 * see cascades through the indicators, not the lists.
 */
export function trainingPlaces(ctx: RequestContext): repo.Places {
  return programScope(ctx.actor, 'service.write');
}

/**
 * Trainings and the people trained (issue 14, awareness cascades). A training is recorded where its
 * user records services (capture's `checkPlace`: unit and program); its attendance, trainee by
 * trainee; the people trained are the organisation's and come back from one training to the next.
 */
export function createTrainingsService(db: Queryable) {
  async function find(trx: Queryable, ctx: RequestContext, id: string): Promise<repo.TrainingRow> {
    const [row] = (await repo.selectTrainings(trx, ctx.actor.organisationId, trainingPlaces(ctx), { ids: [id] })).rows;
    if (!row) throw new DomainError('not_found');
    return row;
  }

  async function read(trx: Queryable, ctx: RequestContext, id: string): Promise<Training> {
    const org = ctx.actor.organisationId;
    const row = await find(trx, ctx, id);
    const attendance = await repo.selectAttendance(trx, org, [id]);
    return {
      training: toTrainingSummary(row),
      attendance: attendance.map((a) => ({ trainee: toTrainee(a), attended: a.attended })),
      cascade: await cascadeOf(trx, org, trainingPlaces(ctx), row),
    };
  }

  /** A training may be changed by who may record at its unit for its program. */
  async function writable(trx: Queryable, ctx: RequestContext, id: string): Promise<repo.TrainingRow> {
    const row = await find(trx, ctx, id);
    await checkPlace(trx, ctx, { orgUnitId: row.org_unit_id, siteId: null, program: row.program }, true);
    return row;
  }

  async function checkTrainee(trx: Queryable, org: string, id: string, field: string): Promise<void> {
    if (!(await repo.selectTrainees(trx, org, { ids: [id] })).rows.length) throw invalidField(field, 'unknown_reference', { value: id });
  }

  return {
    async list(ctx: RequestContext, q: { program?: string; from?: string; to?: string; limit: number; offset: number }): Promise<{ items: TrainingSummary[]; total: number }> {
      const { rows, total } = await repo.selectTrainings(db, ctx.actor.organisationId, trainingPlaces(ctx), q);
      return { items: rows.map(toTrainingSummary), total };
    },

    get: (ctx: RequestContext, id: string) => read(db, ctx, id),

    /** Records a training (idempotent on a client-generated id). */
    async create(ctx: RequestContext, input: TrainingInput): Promise<{ created: boolean; training: Training }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const { unit } = await checkPlace(trx, ctx, { orgUnitId: input.orgUnitId, siteId: null, program: input.program });
        if (input.ledByTraineeId) await checkTrainee(trx, org, input.ledByTraineeId, 'ledByTraineeId');
        const created = await repo.insertTraining(trx, {
          organisation_id: org,
          id,
          program: input.program,
          org_unit_id: unit.id,
          kind: input.kind,
          theme: input.theme,
          start_on: input.startOn,
          end_on: input.endOn,
          modality: input.modality,
          partner: input.partner,
          led_by_trainee_id: input.ledByTraineeId,
          created_by: ctx.actor.userId,
        });
        if (created) {
          await recordAudit(trx, whoOf(ctx), { action: 'training.record', entityType: 'training', entityId: id, orgUnit: { id: unit.id, path: unit.path }, details: { kind: input.kind, theme: input.theme } });
        }
        return { created, training: await read(trx, ctx, id) };
      });
    },

    /** Adds a person to a training's attendance: one trained before, or a new one (created with her client-generated id, once). */
    async attend(ctx: RequestContext, trainingId: string, input: AttendanceInput): Promise<Training> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const row = await writable(trx, ctx, trainingId);
        let traineeId = input.traineeId;
        if (input.trainee) {
          const t = input.trainee;
          traineeId = t.id ?? newId();
          const inserted = await repo.insertTrainee(trx, {
            organisation_id: org,
            id: traineeId,
            kind: t.kind,
            name: t.name,
            sex: t.sex,
            birth_year: t.birthYear,
            partner_organisation: t.organisation,
            function: t.function,
            created_by: ctx.actor.userId,
          });
          if (!inserted) await checkTrainee(trx, org, traineeId, 'trainee.id');
        } else await checkTrainee(trx, org, traineeId!, 'traineeId');
        await repo.upsertAttendance(trx, org, trainingId, traineeId!, input.attended, ctx.actor.userId);
        await recordAudit(trx, whoOf(ctx), { action: 'training.attendance', entityType: 'training', entityId: trainingId, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details: { trainee: traineeId, attended: input.attended } });
        return read(trx, ctx, trainingId);
      });
    },

    /** Present or absent. */
    async setAttended(ctx: RequestContext, trainingId: string, traineeId: string, attended: boolean): Promise<Training> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const row = await writable(trx, ctx, trainingId);
        if (!(await repo.selectAttendance(trx, org, [trainingId])).some((a) => a.id === traineeId)) throw new DomainError('not_found');
        await repo.upsertAttendance(trx, org, trainingId, traineeId, attended, ctx.actor.userId);
        await recordAudit(trx, whoOf(ctx), { action: 'training.attendance', entityType: 'training', entityId: trainingId, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details: { trainee: traineeId, attended } });
        return read(trx, ctx, trainingId);
      });
    },

    /** The organisation's people trained (to pick a leader, or someone trained before). */
    async trainees(ctx: RequestContext, q: { search?: string; limit: number; offset: number }): Promise<{ items: Trainee[]; total: number }> {
      const { rows, total } = await repo.selectTrainees(db, ctx.actor.organisationId, q);
      return { items: rows.map(toTrainee), total };
    },
  };
}
export type TrainingsService = ReturnType<typeof createTrainingsService>;
