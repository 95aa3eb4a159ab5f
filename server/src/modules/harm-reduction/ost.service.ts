import {
  DomainError,
  RecordContact,
  invalidField,
  type OstDay,
  type OstDispensing,
  type OstDispensingInput,
  type OstDoseInput,
  type OstEndInput,
  type OstEpisode,
  type OstEpisodeInput,
} from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { checkPlace, personFor, recordContacts, removeService } from '../capture/index.ts';
import { unitWhere } from '../org-units/index.ts';
import * as repo from './ost.repository.ts';
import { HARM_REDUCTION, harmReductionPolicy } from './harm-reduction.policy.ts';

function toDispensing(r: repo.DispensingRow): OstDispensing {
  return { id: r.id, date: r.dispensed_on, kind: r.kind as OstDispensing['kind'], days: r.days, doseMg: r.dose_mg, serviceId: r.service_id, by: r.by ?? '' };
}

/**
 * The OST register (ADR 0029): a person's episodes of methadone at the unit that dispenses (an
 * interruption ends one, a re-entry opens the next), the dose with its changes, and the day's
 * dispensing — each dose given is an `ost_dose` service written through capture's contacts (the
 * one write of services: the stock of methadone follows), a missed day a line without a service.
 */
export function createOstService(db: Queryable) {
  const org = (ctx: RequestContext) => ctx.actor.organisationId;

  /** An episode the actor may write (the unit that dispenses is hers), else not found. */
  async function writableEpisode(trx: Queryable, ctx: RequestContext, id: string): Promise<repo.EpisodeRow> {
    const e = await repo.selectEpisode(trx, org(ctx), id);
    if (!e || !harmReductionPolicy.writeAt(ctx.actor, { path: e.org_unit_path, active: e.org_unit_active })) throw new DomainError('not_found');
    return e;
  }

  async function withDoses(trx: Queryable, ctx: RequestContext, rows: repo.EpisodeRow[]): Promise<OstEpisode[]> {
    const doses = await repo.selectDoses(trx, org(ctx), rows.map((r) => r.id));
    return rows.map((e) => ({
      id: e.id,
      beneficiary: { id: e.beneficiary_id, code: e.beneficiary_code },
      orgUnit: { id: e.org_unit_id, name: e.org_unit_name },
      startDate: e.start_date,
      prescriber: e.prescriber,
      endDate: e.end_date,
      endReason: e.end_reason as OstEpisode['endReason'],
      isReentry: e.is_reentry,
      doses: doses.filter((d) => d.episode_id === e.id).map((d) => ({ fromDate: d.from_date, doseMg: d.dose_mg, prescriber: d.prescriber })),
    }));
  }
  const one = async (trx: Queryable, ctx: RequestContext, id: string) => (await withDoses(trx, ctx, [(await repo.selectEpisode(trx, org(ctx), id))!]))[0]!;

  return {
    /** Enters a person on OST (a first entry, or a re-entry after her last episode ended). */
    async enter(ctx: RequestContext, input: OstEpisodeInput): Promise<{ episode: OstEpisode; created: boolean }> {
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        if (await repo.selectEpisode(trx, org(ctx), id)) return { episode: await one(trx, ctx, (await writableEpisode(trx, ctx, id)).id), created: false };
        const person = await personFor(trx, ctx, input.beneficiaryId);
        const place = await checkPlace(trx, ctx, { orgUnitId: input.orgUnitId, siteId: null, program: HARM_REDUCTION });
        const lastEnd = await repo.selectLastEnd(trx, org(ctx), person.id);
        if (lastEnd && input.startDate < lastEnd) throw invalidField('startDate', 'closes_before_opening');
        try {
          await repo.insertEpisode(trx, org(ctx), { id, beneficiary_id: person.id, org_unit_id: place.unit.id, start_date: input.startDate, prescriber: input.prescriber, created_by: ctx.actor.userId });
        } catch (error) {
          if (isUniqueViolation(error, 'ost_episode_open_idx')) throw new DomainError('ost_already_on');
          throw error;
        }
        await repo.upsertDose(trx, org(ctx), { episode_id: id, from_date: input.startDate, dose_mg: input.doseMg, prescriber: input.prescriber, created_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), {
          action: 'ost.enter',
          entityType: 'beneficiary',
          entityId: person.id,
          orgUnit: { id: place.unit.id, path: place.unit.path },
          details: { episodeId: id, startDate: input.startDate, doseMg: input.doseMg, reentry: lastEnd !== null },
        });
        return { episode: await one(trx, ctx, id), created: true };
      });
    },

    /** Changes the daily dose from a day on (within the episode). */
    async changeDose(ctx: RequestContext, id: string, input: OstDoseInput): Promise<OstEpisode> {
      return withTransaction(db, async (trx) => {
        const e = await writableEpisode(trx, ctx, id);
        if (input.fromDate < e.start_date) throw invalidField('fromDate', 'closes_before_opening');
        if (e.end_date && input.fromDate >= e.end_date) throw new DomainError('ost_episode_ended');
        await repo.upsertDose(trx, org(ctx), { episode_id: id, from_date: input.fromDate, dose_mg: input.doseMg, prescriber: input.prescriber, created_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), { action: 'ost.dose', entityType: 'beneficiary', entityId: e.beneficiary_id, details: { episodeId: id, fromDate: input.fromDate, doseMg: input.doseMg } });
        return one(trx, ctx, id);
      });
    },

    /** Ends an episode (an interruption, or an exit with its reason). */
    async end(ctx: RequestContext, id: string, input: OstEndInput): Promise<OstEpisode> {
      return withTransaction(db, async (trx) => {
        const e = await writableEpisode(trx, ctx, id);
        if (e.end_date) throw new DomainError('ost_episode_ended');
        if (input.endDate < e.start_date) throw invalidField('endDate', 'closes_before_opening');
        await repo.endEpisode(trx, org(ctx), id, { end_date: input.endDate, end_reason: input.reason, end_note: input.note });
        await recordAudit(trx, whoOf(ctx), { action: 'ost.end', entityType: 'beneficiary', entityId: e.beneficiary_id, details: { episodeId: id, endDate: input.endDate, reason: input.reason } });
        return one(trx, ctx, id);
      });
    },

    /** A person's episodes, oldest first, with their doses. */
    async episodesOf(ctx: RequestContext, beneficiaryId: string): Promise<{ items: OstEpisode[] }> {
      const person = await personFor(db, ctx, beneficiaryId);
      return { items: await withDoses(db, ctx, await repo.selectEpisodesOf(db, org(ctx), person.id)) };
    },

    /** The day's list of a unit: every person on OST that day with her dose and what was recorded. */
    async day(ctx: RequestContext, q: { orgUnitId: string; date: string }): Promise<OstDay> {
      const unit = await unitWhere(db, org(ctx), q.orgUnitId, (u) => harmReductionPolicy.readAt(ctx.actor, u));
      const rows = await repo.selectDay(db, org(ctx), unit.id, q.date);
      return {
        date: q.date,
        items: rows.map((r) => ({
          episodeId: r.episode_id,
          beneficiary: { id: r.beneficiary_id, code: r.beneficiary_code },
          doseMg: r.prescribed_mg,
          today: r.dispensing_id ? toDispensing({ ...r, id: r.dispensing_id, dispensed_on: r.dispensed_on!, kind: r.kind!, days: r.days! }) : null,
          coveredUntil: r.covered_until,
        })),
      };
    },

    /** One tap: a dose taken on site or taken away (an `ost_dose` service of the dose × days), or the day missed. */
    async dispense(ctx: RequestContext, input: OstDispensingInput): Promise<{ dispensing: OstDispensing; created: boolean }> {
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const again = await repo.selectDispensing(trx, org(ctx), { id });
        if (again) return { dispensing: toDispensing(again), created: false };
        const e = await writableEpisode(trx, ctx, input.episodeId);
        if (input.date < e.start_date || (e.end_date && input.date >= e.end_date)) throw new DomainError('ost_episode_ended');
        if (await repo.selectDispensing(trx, org(ctx), { episodeId: e.id, date: input.date })) throw new DomainError('id_conflict');
        const dose = (await repo.selectDay(trx, org(ctx), e.org_unit_id, input.date)).find((r) => r.episode_id === e.id)?.prescribed_mg ?? null;
        let serviceId: string | null = null;
        if (input.kind !== 'missed' && dose !== null) {
          serviceId = newId();
          // The contact as the API would take it (the contract fills in every default).
          const contact = RecordContact.parse({
            beneficiaryId: e.beneficiary_id,
            date: input.date,
            orgUnitId: e.org_unit_id,
            program: HARM_REDUCTION,
            services: [{ id: serviceId, service: 'ost_dose', quantity: dose * input.days }],
          });
          const outcome = (await recordContacts(trx, ctx, new Map([['dose', contact]]))).get('dose');
          if (outcome?.status === 'rejected') throw outcome.error;
        }
        await repo.insertDispensing(trx, org(ctx), {
          id,
          episode_id: e.id,
          dispensed_on: input.date,
          kind: input.kind,
          days: input.days,
          dose_mg: input.kind === 'missed' ? null : dose,
          service_id: serviceId,
          created_by: ctx.actor.userId,
        });
        await recordAudit(trx, whoOf(ctx), { action: 'ost.dispense', entityType: 'beneficiary', entityId: e.beneficiary_id, details: { episodeId: e.id, date: input.date, kind: input.kind, days: input.days, doseMg: dose } });
        return { dispensing: toDispensing((await repo.selectDispensing(trx, org(ctx), { id }))!), created: true };
      });
    },

    /** Undoes a tap: the line goes, and the dose's service with it (its methadone back in stock). */
    async undo(ctx: RequestContext, id: string): Promise<void> {
      await withTransaction(db, async (trx) => {
        const d = await repo.selectDispensing(trx, org(ctx), { id });
        if (!d) throw new DomainError('not_found');
        await writableEpisode(trx, ctx, d.episode_id);
        await repo.deleteDispensing(trx, org(ctx), id);
        if (d.service_id) await removeService(trx, ctx, d.service_id);
      });
    },
  };
}
export type OstService = ReturnType<typeof createOstService>;
