import { DomainError, invalidField, type Case, type CaseSettings } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import * as repo from './cases.repository.ts';

/** A write on a case the actor may change, with its audit line, answering the case as it stands (cases.service.ts). */
export type CaseChange = (
  ctx: RequestContext,
  id: string,
  work: (trx: Queryable, row: repo.CaseRow, m: repo.CaseMoment & { settings: CaseSettings }) => Promise<{ action: string; details?: Record<string, unknown> }>,
  openOnly?: boolean,
) => Promise<Case>;

/** Checks that users may be on a case's team (around its unit); field issues name the field. */
export type TeamCheck = (trx: Queryable, org: string, unitPath: string, ids: { caseWorkerId?: string | undefined; coWorkerIds?: readonly string[] | undefined }, self: string) => Promise<void>;

/** The care plan's use cases: actions, appointments, sealed notes. Each is one `change` of the case. */
export function casePlanUseCases(change: CaseChange, checkTeam: TeamCheck, secrets: Secrets) {
  return {
    async addAction(ctx: RequestContext, id: string, input: { id?: string | undefined; what: string; assigneeId: string | null; dueOn: string | null; status: string }): Promise<Case> {
      return change(ctx, id, async (trx, row, m) => {
        if (input.assigneeId) await checkTeam(trx, ctx.actor.organisationId, row.org_unit_path, { caseWorkerId: input.assigneeId }, ctx.actor.userId).catch(() => {
          throw invalidField('assigneeId', 'invalid_choice');
        });
        const actionId = input.id ?? newId();
        await repo.insertAction(trx, ctx.actor.organisationId, {
          id: actionId,
          case_id: id,
          what: input.what,
          assignee_id: input.assigneeId,
          due_on: input.dueOn,
          status: input.status,
          done_on: input.status === 'done' ? m.now.slice(0, 10) : null,
          created_by: ctx.actor.userId,
        });
        return { action: 'case.action', details: { actionId, status: input.status } };
      });
    },

    async updateAction(ctx: RequestContext, id: string, actionId: string, input: { what?: string | undefined; assigneeId?: string | null | undefined; dueOn?: string | null | undefined; status?: string | undefined }): Promise<Case> {
      return change(ctx, id, async (trx, row, m) => {
        const org = ctx.actor.organisationId;
        const action = await repo.findAction(trx, org, actionId);
        if (!action || action.case_id !== id) throw new DomainError('not_found');
        if (input.assigneeId) await checkTeam(trx, org, row.org_unit_path, { caseWorkerId: input.assigneeId }, ctx.actor.userId).catch(() => {
          throw invalidField('assigneeId', 'invalid_choice');
        });
        await repo.updateAction(trx, org, actionId, {
          ...(input.what !== undefined ? { what: input.what } : {}),
          ...(input.assigneeId !== undefined ? { assignee_id: input.assigneeId } : {}),
          ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
          ...(input.status !== undefined ? { status: input.status, done_on: input.status === 'done' ? m.now.slice(0, 10) : null } : {}),
        });
        return { action: 'case.action', details: { actionId, fields: Object.keys(input) } };
      });
    },

    async addAppointment(ctx: RequestContext, id: string, input: { id?: string | undefined; at: string; purpose: string; status: string }): Promise<Case> {
      return change(ctx, id, async (trx) => {
        const appointmentId = input.id ?? newId();
        await repo.insertAppointment(trx, ctx.actor.organisationId, { id: appointmentId, case_id: id, at: input.at, purpose: input.purpose, status: input.status, created_by: ctx.actor.userId });
        return { action: 'case.appointment', details: { appointmentId } };
      });
    },

    async updateAppointment(ctx: RequestContext, id: string, appointmentId: string, input: { at?: string | undefined; purpose?: string | undefined; status?: string | undefined }): Promise<Case> {
      return change(ctx, id, async (trx) => {
        const org = ctx.actor.organisationId;
        const found = await repo.findAppointment(trx, org, appointmentId);
        if (!found || found.case_id !== id) throw new DomainError('not_found');
        await repo.updateAppointment(trx, org, appointmentId, {
          ...(input.at !== undefined ? { at: input.at } : {}),
          ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
        });
        return { action: 'case.appointment', details: { appointmentId, fields: Object.keys(input) } };
      });
    },

    /** A case note, sealed at rest; only the team and note readers see it. */
    async addNote(ctx: RequestContext, id: string, input: { id?: string | undefined; body: string }): Promise<Case> {
      return change(
        ctx,
        id,
        async (trx) => {
          const noteId = input.id ?? newId();
          await repo.insertNote(trx, ctx.actor.organisationId, { id: noteId, case_id: id, body_encrypted: secrets.encrypt(input.body), author_id: ctx.actor.userId });
          return { action: 'case.note', details: { noteId } };
        },
        false,
      );
    },
  };
}
