import {
  DomainError,
  invalidField,
  wallClockNow,
  type Case,
  type CaseCircuitFacts,
  type CasePage,
  type CaseQuery,
  type CaseSettings,
  type CloseCase,
  type IncidentInput,
  type OpenCase,
  type UpdateCase,
} from '@relais/core';
import type { z } from 'zod';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findUnit, selectUnitTerritory } from '../org-units/index.ts';
import { isWorkerAround, unitAndPerson } from '../capture/index.ts';
import { loadCaseSettings, settingsPolicy, storeCaseSettings } from '../settings/index.ts';
import { casesPolicy, type CaseKeys } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import { caseOf, summaryOf } from './case-view.ts';
import { casePlanUseCases } from './case-plan.service.ts';

export type CaseSummaryPage = z.infer<typeof CasePage>;

function keysOf(row: repo.CaseRow): CaseKeys {
  return { caseWorkerId: row.case_worker_id, coWorkerIds: row.co_worker_ids, unitPath: row.org_unit_path, program: row.program };
}

/** The incident's columns, its violence type checked against the organisation's typology. */
function incidentColumns(input: IncidentInput | null, settings: CaseSettings, openedAt: string, prefix: string): repo.IncidentColumns | null {
  if (!input) return null;
  const [date, time] = input.at.split('T') as [string, string | undefined];
  if (input.violenceType !== null && !settings.violenceTypes.some((t) => t.code === input.violenceType)) throw invalidField(`${prefix}violenceType`, 'invalid_choice');
  // The incident precedes the reception (a date alone: not after the reception's date).
  if ((time ? input.at : date) > (time ? openedAt : openedAt.slice(0, 10))) throw invalidField(`${prefix}at`, 'after_reception');
  return {
    incident_on: date,
    incident_time: time ?? null,
    incident_place: input.place,
    perpetrator: input.perpetrator,
    repeated_violence: input.repeated,
    violence_type: input.violenceType,
    reporting_consent: input.reportingConsent,
  };
}

export function createCasesService(db: Queryable, secrets: Secrets) {
  async function moment(trx: Queryable, org: string): Promise<repo.CaseMoment & { settings: CaseSettings }> {
    const settings = await loadCaseSettings(trx, org);
    return { now: wallClockNow(settings.timeZone), atRiskAfterDays: settings.atRiskAfterDays, settings };
  }

  /** A case the actor may read (or write): not_found otherwise, as if it did not exist. */
  async function reachable(trx: Queryable, ctx: RequestContext, id: string, need: 'read' | 'write') {
    const m = await moment(trx, ctx.actor.organisationId);
    const row = await repo.selectCase(trx, ctx.actor.organisationId, id, m);
    if (!row || !casesPolicy[need](ctx.actor, keysOf(row))) throw new DomainError('not_found');
    return { row, m };
  }

  async function checkTeam(trx: Queryable, org: string, unitPath: string, ids: { caseWorkerId?: string | undefined; coWorkerIds?: readonly string[] | undefined }, self: string) {
    if (ids.caseWorkerId !== undefined && ids.caseWorkerId !== self && !(await isWorkerAround(trx, org, ids.caseWorkerId, unitPath))) throw invalidField('caseWorkerId', 'invalid_choice');
    for (const [i, w] of (ids.coWorkerIds ?? []).entries()) {
      if (w !== self && !(await isWorkerAround(trx, org, w, unitPath))) throw invalidField(`coWorkerIds.${i}`, 'invalid_choice');
    }
  }

  async function present(trx: Queryable, ctx: RequestContext, row: repo.CaseRow, m: repo.CaseMoment & { settings: CaseSettings }): Promise<Case> {
    const org = ctx.actor.organisationId;
    const keys = keysOf(row);
    const readNotes = casesPolicy.readNotes(ctx.actor, keys);
    const [actions, appointments, services, history, notes, names] = await Promise.all([
      repo.selectActions(trx, org, row.id),
      repo.selectAppointments(trx, org, row.id),
      repo.selectCaseServices(trx, org, row.id),
      repo.selectHistory(trx, org, row.id),
      readNotes ? repo.selectNotes(trx, org, row.id) : Promise.resolve(null),
      repo.selectUserNames(trx, org, row.co_worker_ids),
    ]);
    return caseOf(row, m, {
      actions,
      appointments,
      services,
      history,
      notes: notes?.map((n) => ({ ...n, body: secrets.tryDecrypt(n.body_encrypted) })) ?? null,
      coWorkerNames: names,
      typology: m.settings.violenceTypes,
      can: { write: casesPolicy.write(ctx.actor, keys), readNotes },
    });
  }

  async function audit(trx: Queryable, ctx: RequestContext, action: string, row: { id: string; org_unit_id: string; org_unit_path: string; beneficiary_code?: string }, details: Record<string, unknown> = {}) {
    await recordAudit(trx, whoOf(ctx), { action, entityType: 'case', entityId: row.id, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details });
  }

  /** Reads a case and audits the read, in one transaction. */
  async function readCase(trx: Queryable, ctx: RequestContext, id: string): Promise<Case> {
    const { row, m } = await reachable(trx, ctx, id, 'read');
    await audit(trx, ctx, 'case.read', row, { code: row.beneficiary_code });
    return present(trx, ctx, row, m);
  }

  /** A write on a case the actor may change, then the case as it stands (the write and its audit line in one transaction). */
  async function change(ctx: RequestContext, id: string, work: (trx: Queryable, row: repo.CaseRow, m: repo.CaseMoment & { settings: CaseSettings }) => Promise<{ action: string; details?: Record<string, unknown> }>, openOnly = true): Promise<Case> {
    return withTransaction(db, async (trx) => {
      const { row, m } = await reachable(trx, ctx, id, 'write');
      if (openOnly && row.status !== 'open') throw new DomainError('case_closed');
      const done = await work(trx, row, m as repo.CaseMoment & { settings: CaseSettings });
      await audit(trx, ctx, done.action, row, done.details);
      const after = await repo.selectCase(trx, ctx.actor.organisationId, id, m);
      return present(trx, ctx, after!, m);
    });
  }

  return {
    /** Opens a case at reception (idempotent on a client-generated id). */
    async open(ctx: RequestContext, input: OpenCase): Promise<{ case: Case; created: boolean }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const { unit, person } = await unitAndPerson(trx, ctx, input, (u) => casesPolicy.openAt(ctx.actor, u, input.program));
        const m = await moment(trx, org);
        if (input.openedAt > m.now) throw invalidField('openedAt', 'future_date');
        const incident = incidentColumns(input.incident, m.settings, input.openedAt, 'incident.');
        const caseWorkerId = input.caseWorkerId ?? ctx.actor.userId;
        await checkTeam(trx, org, unit.path, { caseWorkerId, coWorkerIds: input.coWorkerIds }, ctx.actor.userId);
        const id = input.id ?? newId();
        let created: boolean;
        try {
          created = await repo.insertCase(trx, org, {
            id,
            beneficiary_id: person.id,
            program: input.program,
            org_unit_id: unit.id,
            opened_at: input.openedAt,
            entry_door: input.entryDoor,
            case_worker_id: caseWorkerId,
            co_worker_ids: [...new Set(input.coWorkerIds.filter((w) => w !== caseWorkerId))],
            incident,
            created_by: ctx.actor.userId,
          });
        } catch (error) {
          if (isUniqueViolation(error, 'case_file_open_idx')) throw new DomainError('case_already_open');
          throw error;
        }
        const row = await repo.selectCase(trx, org, id, m);
        if (!created) {
          // A retry: the same opening, else the id is someone else's.
          if (!row || row.beneficiary_id !== person.id || row.program !== input.program || !casesPolicy.read(ctx.actor, keysOf(row))) throw new DomainError('id_conflict');
          return { case: await present(trx, ctx, row, m), created: false };
        }
        await repo.insertStatusChange(trx, org, { id: newId(), case_id: id, status: 'open', on_date: input.openedAt.slice(0, 10), reason: null, note: null, changed_by: ctx.actor.userId });
        await audit(trx, ctx, 'case.open', row!, { code: row!.beneficiary_code, program: input.program });
        return { case: await present(trx, ctx, row!, m), created: true };
      });
    },

    /** One case (every read is audited). */
    async get(ctx: RequestContext, id: string): Promise<Case> {
      return withTransaction(db, (trx) => readCase(trx, ctx, id));
    },

    /**
     * What a case's circuit is checked against (the circuits module's "next steps"): the
     * territory of its unit (inherited), its incident, the person's birth year, the wall clock
     * now. A read of the case, audited as the case page is.
     */
    async circuitFacts(ctx: RequestContext, id: string): Promise<CaseCircuitFacts & { territoryId: string | null }> {
      return withTransaction(db, async (trx) => {
        const { row, m } = await reachable(trx, ctx, id, 'read');
        await audit(trx, ctx, 'case.read', row, { code: row.beneficiary_code, view: 'circuit' });
        const org = ctx.actor.organisationId;
        const [territoryId, birthYear] = await Promise.all([selectUnitTerritory(trx, org, row.org_unit_path), repo.selectBirthYear(trx, org, row.beneficiary_id)]);
        return { territoryId, birthYear, incident: row.incident_on ? { date: row.incident_on, time: row.incident_time } : null, now: m.now };
      });
    },

    /** The worklist: cases she may read, most urgent first; the read is audited with the cases shown. */
    async list(ctx: RequestContext, q: CaseQuery): Promise<CaseSummaryPage> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const m = await moment(trx, org);
        let orgUnitPath: string | undefined;
        if (q.orgUnitId) {
          const unit = await findUnit(trx, org, q.orgUnitId);
          if (!unit) throw invalidField('orgUnitId', 'invalid_choice');
          orgUnitPath = unit.path;
        }
        const reader = casesPolicy.reader(ctx.actor);
        const page = await repo.selectCasePage(
          trx,
          org,
          q.scope === 'mine' ? { userId: ctx.actor.userId, places: [] } : reader,
          m,
          { status: q.status, programs: q.program, workerId: q.workerId, orgUnitPath, beneficiaryId: q.beneficiaryId, urgentOnly: q.urgentOnly },
          { limit: q.limit, offset: q.offset },
        );
        if (page.rows.length) {
          await recordAudit(trx, whoOf(ctx), { action: 'case.list', entityType: 'case', details: { ids: page.rows.map((r) => r.id) } });
        }
        return { items: page.rows.map((r) => summaryOf(r, m)), total: page.total, totalCapped: page.totalCapped };
      });
    },

    async update(ctx: RequestContext, id: string, input: UpdateCase): Promise<Case> {
      return change(ctx, id, async (trx, row, m) => {
        await checkTeam(trx, ctx.actor.organisationId, row.org_unit_path, input, ctx.actor.userId);
        const patch: repo.CasePatch = {};
        if (input.entryDoor !== undefined) patch.entry_door = input.entryDoor;
        if (input.caseWorkerId !== undefined) patch.case_worker_id = input.caseWorkerId;
        if (input.coWorkerIds !== undefined) patch.co_worker_ids = [...new Set(input.coWorkerIds)];
        if (input.incident !== undefined) patch.incident = incidentColumns(input.incident, m.settings, row.opened_at, 'incident.');
        if (input.assessment) patch.assessment = { needs: [...new Set(input.assessment.needs)], risk_level: input.assessment.riskLevel, safety_plan: input.assessment.safetyPlan };
        await repo.updateCase(trx, ctx.actor.organisationId, id, patch);
        return { action: 'case.update', details: { fields: Object.keys(input) } };
      });
    },

    async close(ctx: RequestContext, id: string, input: CloseCase): Promise<Case> {
      return change(ctx, id, async (trx, row) => {
        if (input.closedOn < row.opened_at.slice(0, 10)) throw invalidField('closedOn', 'too_small', { minimum: row.opened_at.slice(0, 10) });
        const org = ctx.actor.organisationId;
        await repo.setCaseStatus(trx, org, id, { status: 'closed', closed_on: input.closedOn, closure_reason: input.reason });
        await repo.insertStatusChange(trx, org, { id: newId(), case_id: id, status: 'closed', on_date: input.closedOn, reason: input.reason, note: input.note, changed_by: ctx.actor.userId });
        return { action: 'case.close', details: { reason: input.reason, closedOn: input.closedOn } };
      });
    },

    /** Reopens a closed case; its history keeps the closure. */
    async reopen(ctx: RequestContext, id: string, note: string | null): Promise<Case> {
      return change(
        ctx,
        id,
        async (trx, row, m) => {
          if (row.status === 'open') throw new DomainError('case_already_open');
          const org = ctx.actor.organisationId;
          try {
            await repo.setCaseStatus(trx, org, id, { status: 'open', closed_on: null, closure_reason: null });
          } catch (error) {
            if (isUniqueViolation(error, 'case_file_open_idx')) throw new DomainError('case_already_open');
            throw error;
          }
          await repo.insertStatusChange(trx, org, { id: newId(), case_id: id, status: 'open', on_date: m.now.slice(0, 10), reason: null, note, changed_by: ctx.actor.userId });
          return { action: 'case.reopen' };
        },
        false,
      );
    },

    ...casePlanUseCases(change, checkTeam, secrets),

    async getSettings(ctx: RequestContext): Promise<CaseSettings> {
      return loadCaseSettings(db, ctx.actor.organisationId);
    },

    async updateSettings(ctx: RequestContext, input: CaseSettings): Promise<CaseSettings> {
      if (!settingsPolicy.change(ctx.actor)) throw new DomainError('forbidden');
      const codes = input.violenceTypes.map((t) => t.code);
      codes.forEach((c, i) => {
        if (codes.indexOf(c) !== i) throw invalidField(`violenceTypes.${i}.code`, 'duplicate_in_file');
      });
      try {
        wallClockNow(input.timeZone);
      } catch {
        throw invalidField('timeZone', 'invalid_choice');
      }
      return withTransaction(db, async (trx) => {
        await storeCaseSettings(trx, ctx.actor.organisationId, input);
        await recordAudit(trx, whoOf(ctx), { action: 'case.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { violenceTypes: codes } });
        return loadCaseSettings(trx, ctx.actor.organisationId);
      });
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
