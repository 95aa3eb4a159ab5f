import { sql } from 'kysely';
import {
  DomainError,
  checkGroupSessionAttendance,
  checkServiceEntry,
  isOwnSite,
  recordingUnitIds,
  type PlaceUnit,
  type FieldIssue,
  type RecordContact,
  type RecordGroupSession,
  type ServiceCode,
  type ServiceRecord,
  SERVICE_COUNT_CAP,
  invalidField,
} from '@relais/core';
import type { z } from 'zod';
import type { UpdateService } from '@relais/core';
import type { Insertable } from 'kysely';
import { isUniqueViolation, likePrefix, withTransaction, type Database, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { holds, holdsAt, holdsFor, scope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/audit.service.ts';
import { findUnit, selectUnitsUnder } from '../org-units/org-units.repository.ts';
import { addUnit, findById as findBeneficiary, visibleIds } from '../registry/registry.repository.ts';
import { loadProgramServices } from './catalogue.service.ts';
import { nextRegisterNo, selectServices, type ServiceRow } from './capture.repository.ts';
import { serviceInPlaces, visiblePlaces } from './visibility.ts';

/** The service each attendance of a group session counts as, for the attendee. */
export const attendanceService: Record<RecordGroupSession['type'], ServiceCode> = {
  iec: 'iec_session',
  thematic: 'iec_session',
  social_development: 'capacity_building',
  self_support: 'psychological_support',
  convivial_evening: 'iec_session',
  training: 'capacity_building',
  cascade_training: 'capacity_building',
  awareness_children: 'iec_session',
  awareness_parents: 'iec_session',
};

function toRecord(row: ServiceRow, mayReadNotes: boolean): ServiceRecord {
  return {
    id: row.id,
    contactId: row.contact_id,
    beneficiary: { id: row.beneficiary_id, code: row.beneficiary_code },
    date: row.service_date,
    worker: row.worker_id ? { id: row.worker_id, displayName: row.worker_name ?? '?' } : null,
    orgUnit: { id: row.org_unit_id, code: row.org_unit_code, name: row.org_unit_name },
    site: row.site_id ? { id: row.site_id, code: row.site_code ?? '?', name: row.site_name ?? '?' } : null,
    program: row.program,
    service: row.service as ServiceCode,
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
    groupSessionId: row.group_session_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

type Unit = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

type ServiceInsert = Insertable<Database['service_event']>;

/** A contact checked and ready to write. */
export interface ContactPlan {
  kind: 'new';
  contactId: string;
  input: RecordContact;
  unit: Unit;
  personId: string;
  rows: ServiceInsert[];
}

/** Lookups shared by the contacts of one sync batch (places, persons, settings, services already there). */
export class PlanCache {
  private readonly values = new Map<string, Promise<unknown>>();
  private known: Map<string, { id: string; contact_id: string; service: string }> | null = null;

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.values.has(key)) this.values.set(key, load());
    return this.values.get(key) as Promise<T>;
  }

  /** Prefetches, in one query, which of these service ids exist already. */
  async preload(trx: Queryable, org: string, ids: string[]): Promise<void> {
    this.known = new Map();
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await trx.selectFrom('service_event').select(['id', 'contact_id', 'service']).where('organisation_id', '=', org).where('id', 'in', ids.slice(i, i + 5000)).execute();
      for (const r of rows) this.known.set(r.id, r);
    }
  }

  /** Prefetches persons visible to the user and not merged (two queries for a whole batch). */
  async preloadPersons(trx: Queryable, org: string, ids: string[], readable: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 5000) {
      const slice = ids.slice(i, i + 5000);
      const [rows, visible] = await Promise.all([
        trx.selectFrom('beneficiary').select(['id', 'merged_into']).where('organisation_id', '=', org).where('id', 'in', slice).execute(),
        visibleIds(trx, org, slice, readable),
      ]);
      for (const r of rows) if (!r.merged_into && visible.has(r.id)) this.values.set(`person:${r.id}`, Promise.resolve({ id: r.id }));
    }
  }

  async existingServices(trx: Queryable, org: string, ids: string[]) {
    if (this.known) return ids.map((id) => this.known!.get(id)).filter((x): x is { id: string; contact_id: string; service: string } => Boolean(x));
    return trx.selectFrom('service_event').select(['id', 'contact_id', 'service']).where('organisation_id', '=', org).where('id', 'in', ids).execute();
  }
}

export function createCaptureService(db: Queryable) {
  /**
   * The unit, program, site and worker of a write, each checked against the user's rights; issues name the field.
   * A new record goes to a unit where the user records (`recordingUnitIds`, the rule the web's list follows); a
   * correction keeps the unit the record has (`keepUnit`).
   */
  async function checkPlace(trx: Queryable, ctx: RequestContext, p: { orgUnitId: string; siteId: string | null; program: string; workerId?: string | undefined }, keepUnit = false) {
    const org = ctx.actor.organisationId;
    const unit = await findUnit(trx, org, p.orgUnitId);
    if (!unit || !unit.active || !holdsAt(ctx.actor, 'service.write', unit.path)) throw invalidField('orgUnitId', 'invalid_choice');
    if (!keepUnit) {
      const mine = await selectUnitsUnder(trx, org, scope(ctx.actor, 'service.write'));
      const places = recordingUnitIds(mine.map((u) => ({ id: u.id, parentId: u.parent_id, level: u.level as PlaceUnit['level'], active: u.active })));
      if (!places.has(unit.id)) throw invalidField('orgUnitId', 'invalid_choice');
    }
    const enabled = await trx.selectFrom('program').select('enabled').where('organisation_id', '=', org).where('code', '=', p.program).executeTakeFirst();
    const mayProgram = ctx.actor.assignments.some(
      (a) => unit.path.startsWith(a.orgUnitPath) && (a.programs === null || a.programs.includes(p.program)) && holdsAt({ ...ctx.actor, assignments: [a] }, 'service.write', unit.path),
    );
    if (!enabled?.enabled || !mayProgram) throw invalidField('program', 'invalid_choice');
    // A site recorded as its own unit is the site of the record too.
    let site: Unit | null = isOwnSite(unit) ? unit : null;
    if (site && p.siteId && p.siteId !== unit.id) throw invalidField('siteId', 'invalid_choice');
    if (!site && p.siteId) {
      site = (await findUnit(trx, org, p.siteId)) ?? null;
      if (!site || !site.path.startsWith(unit.path)) throw invalidField('siteId', 'invalid_choice');
    }
    const workerId = p.workerId ?? ctx.actor.userId;
    if (workerId !== ctx.actor.userId) {
      const worker = await sql<{ ok: boolean }>`
        select exists (
          select 1 from role_assignment a
          join org_unit ou on ou.organisation_id = a.organisation_id and ou.id = a.org_unit_id
          join app_user u on u.organisation_id = a.organisation_id and u.id = a.user_id
          where a.organisation_id = ${org} and a.user_id = ${workerId} and u.active
            and (${unit.path} like ou.path || '%' or ou.path like ${likePrefix(unit.path)})
        ) as ok`.execute(trx);
      if (!worker.rows[0]?.ok) throw invalidField('workerId', 'invalid_choice');
    }
    return { unit, site, workerId };
  }

  /** The person a service is for: visible to the user; a merged record stands for the record it was merged into. */
  async function personFor(trx: Queryable, ctx: RequestContext, beneficiaryId: string, field = 'beneficiaryId') {
    const org = ctx.actor.organisationId;
    let person = await findBeneficiary(trx, org, beneficiaryId);
    for (let hops = 0; person?.merged_into && hops < 20; hops++) person = await findBeneficiary(trx, org, person.merged_into);
    if (!person || !(await visibleIds(trx, org, [person.id], scope(ctx.actor, 'person.read'))).has(person.id)) throw invalidField(field, 'invalid_choice');
    return person;
  }

  async function load(trx: Queryable, ctx: RequestContext, ids: string[]): Promise<ServiceRecord[]> {
    if (ids.length === 0) return [];
    const rows = await selectServices(trx, ctx.actor.organisationId).where('s.id', 'in', ids).execute();
    const notes = holds(ctx.actor, 'note.read');
    const order = new Map(ids.map((id, i) => [id, i]));
    // In the order asked: the n-th service of a saved contact is the n-th of the request.
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((r) => toRecord(r, notes));
  }

  async function visibleService(trx: Queryable, ctx: RequestContext, id: string, permission: 'person.read' | 'service.write') {
    const row = await selectServices(trx, ctx.actor.organisationId).where('s.id', '=', id).where('s.deleted_at', 'is', null).executeTakeFirst();
    const unit = row ? await findUnit(trx, ctx.actor.organisationId, row.org_unit_id) : undefined;
    // A role granted for some programs sees and corrects only those programs' services.
    if (!row || !unit || !holdsFor(ctx.actor, permission, unit.path, row.program)) throw new DomainError('not_found');
    return { row, unit };
  }

  /**
   * Checks a contact and prepares its rows, without writing (but register
   * numbers, which are taken from their counter). Throws the same field
   * issues as the API. Lookups are cached in `cache` across the contacts of a
   * sync batch.
   */
  async function planContact(trx: Queryable, ctx: RequestContext, input: RecordContact, cache: PlanCache): Promise<ContactPlan | { kind: 'existing'; contactId: string; ids: string[] }> {
    const org = ctx.actor.organisationId;
    // A retry: every service of the contact is already there.
    const ids = input.services.map((s) => s.id).filter((x): x is string => Boolean(x));
    if (ids.length === input.services.length) {
      const existing = await cache.existingServices(trx, org, ids);
      if (existing.length === ids.length) {
        const same = existing.every((e) => input.services.some((s) => s.id === e.id && s.service === e.service) && (!input.contactId || e.contact_id === input.contactId));
        if (!same) throw new DomainError('id_conflict');
        return { kind: 'existing', contactId: existing[0]!.contact_id, ids };
      }
      if (existing.length > 0) throw new DomainError('id_conflict');
    }
    const placeKey = JSON.stringify([input.orgUnitId, input.siteId, input.program, input.workerId ?? null]);
    const place = await cache.once(`place:${placeKey}`, () => checkPlace(trx, ctx, input));
    const person = await cache.once(`person:${input.beneficiaryId}`, () => personFor(trx, ctx, input.beneficiaryId));
    const programs = await cache.once('programs', () => loadProgramServices(trx, org));
    const issues: FieldIssue[] = input.services.flatMap((s, i) => checkServiceEntry(s, programs[input.program], `services.${i}.`));
    if (issues.length) throw new DomainError('validation_failed', { fields: issues });
    const contactId = input.contactId ?? newId();
    const year = Number(input.date.slice(0, 4));
    const rows: ServiceInsert[] = [];
    for (const [i, s] of input.services.entries()) {
      let registerNo: number | null = null;
      if (s.service === 'hiv_test') {
        if (s.registerNo !== null) {
          const taken = await trx.selectFrom('service_event').select('id').where('organisation_id', '=', org).where('org_unit_id', '=', place.unit.id).where('register_year', '=', year).where('register_no', '=', s.registerNo).executeTakeFirst();
          if (taken) throw invalidField(`services.${i}.registerNo`, 'taken');
          registerNo = s.registerNo;
        } else registerNo = await nextRegisterNo(trx, org, place.unit.id, year);
      }
      rows.push({
        organisation_id: org,
        id: s.id ?? newId(),
        contact_id: contactId,
        beneficiary_id: person.id,
        service_date: input.date,
        worker_id: place.workerId,
        org_unit_id: place.unit.id,
        site_id: place.site?.id ?? null,
        program: input.program,
        service: s.service,
        quantity: s.quantity,
        result: s.result,
        strategy: s.strategy,
        modality: s.modality,
        kind: s.kind,
        treated: s.treated,
        platform: s.platform,
        register_year: registerNo === null ? null : year,
        register_no: registerNo,
        group_session_id: null,
        note: s.note,
        created_by: ctx.actor.userId,
      });
    }
    return { kind: 'new', contactId, input, unit: place.unit, personId: person.id, rows };
  }

  /** Writes planned contacts in bulk: services, where the persons are now known, when last seen, and the audit. */
  async function writeContacts(trx: Queryable, ctx: RequestContext, plans: ContactPlan[]): Promise<void> {
    if (plans.length === 0) return;
    const org = ctx.actor.organisationId;
    const rows = plans.flatMap((p) => p.rows);
    for (let i = 0; i < rows.length; i += 1000) {
      try {
        await trx.insertInto('service_event').values(rows.slice(i, i + 1000)).execute();
      } catch (error) {
        if (isUniqueViolation(error, 'service_event_register_idx')) throw invalidField('services.0.registerNo', 'taken');
        if (isUniqueViolation(error)) throw new DomainError('id_conflict');
        throw error;
      }
    }
    const places = new Map<string, { person: string; unit: string; date: string }>();
    const lastSeen = new Map<string, string>();
    for (const p of plans) {
      const key = `${p.personId}:${p.unit.id}`;
      const known = places.get(key);
      if (!known || p.input.date < known.date) places.set(key, { person: p.personId, unit: p.unit.id, date: p.input.date });
      if ((lastSeen.get(p.personId) ?? '') < p.input.date) lastSeen.set(p.personId, p.input.date);
    }
    const newPlaces = [...places.values()];
    if (newPlaces.length) {
      const added = await trx
        .insertInto('beneficiary_unit')
        .values(newPlaces.map((x) => ({ organisation_id: org, beneficiary_id: x.person, org_unit_id: x.unit, since: x.date, via: 'served' })))
        .onConflict((oc) => oc.columns(['organisation_id', 'beneficiary_id', 'org_unit_id']).doNothing())
        .returning('beneficiary_id')
        .execute();
      const seen = [...lastSeen.entries()];
      // Last seen, and a new change for the field phones of units where the person is newly known.
      await sql`
        update beneficiary as b set last_seen_on = greatest(b.last_seen_on, r.d), updated_at = now()
        from unnest(${seen.map(([id]) => id)}::uuid[], ${seen.map(([, d]) => d)}::date[]) as r(id, d)
        where b.organisation_id = ${org} and b.id = r.id and (r.d > b.last_seen_on or b.id = any(${added.map((a) => a.beneficiary_id)}::uuid[]))`.execute(trx);
    }
    const who = whoOf(ctx);
    await trx
      .insertInto('audit_event')
      .values(
        plans.map((p) => ({
          organisation_id: org,
          actor_id: who.actorId,
          action: 'contact.record',
          entity_type: 'beneficiary',
          entity_id: p.personId,
          org_unit_id: p.unit.id,
          org_unit_path: p.unit.path,
          details: JSON.stringify({ contactId: p.contactId, date: p.input.date, program: p.input.program, services: p.input.services.map((s) => s.service) }),
          ip: who.ip ?? null,
          request_id: who.requestId ?? null,
        })),
      )
      .execute();
  }

  return {
    planContact,
    writeContacts,

    /** Records one or several services for one person in one go; a retried save (same ids) is applied once. */
    async recordContact(ctx: RequestContext, input: RecordContact): Promise<{ contactId: string; services: ServiceRecord[]; created: boolean }> {
      return withTransaction(db, async (trx) => {
        const plan = await planContact(trx, ctx, input, new PlanCache());
        if (plan.kind === 'existing') return { contactId: plan.contactId, services: await load(trx, ctx, plan.ids), created: false };
        await writeContacts(trx, ctx, [plan]);
        return { contactId: plan.contactId, services: await load(trx, ctx, plan.rows.map((r) => r.id)), created: true };
      });
    },

    async listServices(
      ctx: RequestContext,
      q: { beneficiaryId?: string | undefined; orgUnitId?: string | undefined; workerId?: string | undefined; program?: string | undefined; service?: readonly string[] | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number },
    ) {
      const org = ctx.actor.organisationId;
      let within: string | undefined;
      if (q.orgUnitId) within = (await findUnit(db, org, q.orgUnitId))?.path ?? '/none/';
      const places = await visiblePlaces(db, ctx.actor, 'person.read', within);
      // The page's ids and the count come from service_event alone (its index gives the newest
      // first), then only the page's rows are joined to their person, worker and units.
      let base = db.selectFrom('service_event as s').where('s.organisation_id', '=', org).where('s.deleted_at', 'is', null).where(serviceInPlaces(places));
      if (q.beneficiaryId) base = base.where('s.beneficiary_id', '=', q.beneficiaryId);
      if (q.workerId) base = base.where('s.worker_id', '=', q.workerId);
      if (q.program) base = base.where('s.program', '=', q.program);
      if (q.service) base = base.where('s.service', 'in', q.service);
      if (q.from) base = base.where('s.service_date', '>=', q.from);
      if (q.to) base = base.where('s.service_date', '<=', q.to);
      const [page, count] = await Promise.all([
        base.select('s.id').orderBy('s.service_date', 'desc').orderBy('s.created_at', 'desc').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
        // Counted up to a bound past the page: a section's whole history would cost more than the page.
        db
          .selectFrom(base.select(sql`1`.as('one')).limit(q.offset + SERVICE_COUNT_CAP + 1).as('m'))
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const bound = q.offset + SERVICE_COUNT_CAP;
      const rows = page.length
        ? await selectServices(db, org)
            .where('s.id', 'in', page.map((r) => r.id))
            .orderBy('s.service_date', 'desc')
            .orderBy('s.created_at', 'desc')
            .orderBy('s.id')
            .execute()
        : [];
      const notes = holds(ctx.actor, 'note.read');
      return { items: rows.map((r) => toRecord(r, notes)), total: Math.min(count.n, bound), totalCapped: count.n > bound };
    },

    async updateService(ctx: RequestContext, id: string, patch: z.output<typeof UpdateService>): Promise<ServiceRecord> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const { row } = await visibleService(trx, ctx, id, 'service.write');
        const merged = {
          service: row.service as ServiceCode,
          quantity: patch.quantity !== undefined ? patch.quantity : row.quantity,
          result: patch.result !== undefined ? patch.result : row.result,
          strategy: patch.strategy !== undefined ? patch.strategy : row.strategy,
          modality: patch.modality !== undefined ? patch.modality : row.modality,
          kind: patch.kind !== undefined ? patch.kind : row.kind,
          treated: patch.treated !== undefined ? patch.treated : row.treated,
          platform: patch.platform !== undefined ? patch.platform : row.platform,
          registerNo: null,
        };
        const issues = checkServiceEntry(merged, undefined, '');
        if (issues.length) throw new DomainError('validation_failed', { fields: issues });
        if (patch.workerId) await checkPlace(trx, ctx, { orgUnitId: row.org_unit_id, siteId: null, program: row.program, workerId: patch.workerId }, true);
        await trx
          .updateTable('service_event')
          .set({
            quantity: merged.quantity,
            result: merged.result,
            strategy: merged.strategy,
            modality: merged.modality,
            kind: merged.kind,
            treated: merged.treated,
            platform: merged.platform,
            ...(patch.note !== undefined ? { note: patch.note } : {}),
            ...(patch.date ? { service_date: patch.date } : {}),
            ...(patch.workerId ? { worker_id: patch.workerId } : {}),
            updated_at: sql`now()`,
          })
          .where('organisation_id', '=', org)
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, whoOf(ctx), { action: 'service.update', entityType: 'service', entityId: id, details: { fields: Object.keys(patch) } });
        return (await load(trx, ctx, [id]))[0]!;
      });
    },

    /** Deletes a service (kept as a tombstone, so field phones forget it too). */
    async deleteService(ctx: RequestContext, id: string): Promise<void> {
      await withTransaction(db, async (trx) => {
        const { row, unit } = await visibleService(trx, ctx, id, 'service.write');
        await trx
          .updateTable('service_event')
          .set({ deleted_at: sql`now()`, deleted_by: ctx.actor.userId, register_no: null })
          .where('organisation_id', '=', ctx.actor.organisationId)
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, whoOf(ctx), {
          action: 'service.delete',
          entityType: 'service',
          entityId: id,
          orgUnit: { id: unit.id, path: unit.path },
          details: { service: row.service, date: row.service_date, beneficiary: row.beneficiary_code, registerNo: row.register_no },
        });
      });
    },

    /** Corrects an HIV test's register number once (transcribing a paper register); the number stays unique. */
    async setRegisterNo(ctx: RequestContext, id: string, registerNo: number): Promise<ServiceRecord> {
      return withTransaction(db, async (trx) => {
        const { row } = await visibleService(trx, ctx, id, 'service.write');
        if (row.service !== 'hiv_test') throw invalidField('registerNo', 'not_applicable');
        if (row.register_no_edited) throw new DomainError('register_no_locked');
        try {
          await trx
            .updateTable('service_event')
            .set({ register_no: registerNo, register_no_edited: true, updated_at: sql`now()` })
            .where('organisation_id', '=', ctx.actor.organisationId)
            .where('id', '=', id)
            .execute();
        } catch (error) {
          if (isUniqueViolation(error)) throw invalidField('registerNo', 'taken');
          throw error;
        }
        await recordAudit(trx, whoOf(ctx), { action: 'service.register_no', entityType: 'service', entityId: id, details: { from: row.register_no, to: registerNo } });
        return (await load(trx, ctx, [id]))[0]!;
      });
    },

    /** A group session: identified attendees each get the session's service; anonymous attendees are counted. */
    async recordGroupSession(ctx: RequestContext, input: RecordGroupSession) {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        if (input.id) {
          const existing = await trx.selectFrom('group_session').select(['id']).where('organisation_id', '=', org).where('id', '=', input.id).executeTakeFirst();
          if (existing) return { id: existing.id, created: false };
        }
        const nobody = checkGroupSessionAttendance(input);
        if (nobody.length) throw new DomainError('validation_failed', { fields: nobody });
        const { unit, site } = await checkPlace(trx, ctx, { ...input, workerId: undefined });
        for (const [i, f] of input.facilitatorIds.entries()) {
          const ok = await trx.selectFrom('app_user').select('id').where('organisation_id', '=', org).where('id', '=', f).where('active', '=', true).executeTakeFirst();
          if (!ok) throw invalidField(`facilitatorIds.${i}`, 'invalid_choice');
        }
        const people = [];
        for (const [i, a] of [...new Set(input.attendees)].entries()) people.push(await personFor(trx, ctx, a, `attendees.${i}`));
        const id = input.id ?? newId();
        await trx
          .insertInto('group_session')
          .values({
            organisation_id: org,
            id,
            session_date: input.date,
            org_unit_id: unit.id,
            site_id: site?.id ?? null,
            program: input.program,
            type: input.type,
            theme: input.theme,
            facilitator_ids: input.facilitatorIds,
            partner: input.partner,
            anonymous: JSON.stringify(input.anonymous),
            created_by: ctx.actor.userId,
          })
          .execute();
        const service = attendanceService[input.type];
        const worker = input.facilitatorIds[0] ?? ctx.actor.userId;
        for (const person of people) {
          await trx
            .insertInto('service_event')
            .values({
              organisation_id: org,
              id: newId(),
              contact_id: id,
              beneficiary_id: person.id,
              service_date: input.date,
              worker_id: worker,
              org_unit_id: unit.id,
              site_id: site?.id ?? null,
              program: input.program,
              service,
              quantity: null,
              result: null,
              strategy: null,
              modality: null,
              kind: null,
              treated: null,
              platform: null,
              register_year: null,
              register_no: null,
              group_session_id: id,
              note: null,
              created_by: ctx.actor.userId,
            })
            .execute();
          await addUnit(trx, org, person.id, unit.id, input.date, 'served');
          await trx.updateTable('beneficiary').set({ last_seen_on: sql`greatest(last_seen_on, ${input.date}::date)` }).where('organisation_id', '=', org).where('id', '=', person.id).execute();
        }
        await recordAudit(trx, whoOf(ctx), {
          action: 'group_session.record',
          entityType: 'group_session',
          entityId: id,
          orgUnit: { id: unit.id, path: unit.path },
          details: { type: input.type, theme: input.theme, attendees: people.length, anonymous: input.anonymous.reduce((n, a) => n + a.count, 0) },
        });
        return { id, created: true };
      });
    },
  };
}
export type CaptureService = ReturnType<typeof createCaptureService>;
