import { DomainError, checkAnyServiceEntry, definedQuantity, type FieldIssue, type RecordContact, type ServiceRecord, invalidField } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { orgConfig, scope, type RequestContext } from '../../context/index.ts';
import { recordAudits, whoOf } from '../audit/index.ts';
import { visibleIds, selectMergedInto } from '../registry/index.ts';
import { loadProgramServices } from '../settings/index.ts';
import { loadDefinedServices } from '../service-definitions/index.ts';
import { caseMismatch, registerKey, selectCaseKeys, selectExistingServices, type NewService } from './capture.repository.ts';
import { checkPlace, loadServices, personFor, type Unit } from './capture-checks.ts';
import { takenRegisterNos } from './register-numbers.service.ts';
import { writeServices } from './service-writes.ts';

/** A contact checked and ready to write. */
export interface ContactPlan {
  kind: 'new';
  contactId: string;
  input: RecordContact;
  unit: Unit;
  personId: string;
  rows: NewService[];
}

/** What became of one contact of a batch. */
export type ContactOutcome = { status: 'applied' | 'already_applied'; contactId: string } | { status: 'rejected'; error: DomainError };

/** Lookups shared by the contacts of one batch (places, persons, settings, services already there). */
export class PlanCache {
  private readonly values = new Map<string, Promise<unknown>>();
  private known: Map<string, { id: string; contact_id: string; service: string }> | null = null;

  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.values.has(key)) this.values.set(key, load());
    return this.values.get(key) as Promise<T>;
  }

  /** Prefetches, in one query, which of these service ids exist already. */
  async preload(trx: Queryable, org: string, ids: string[]): Promise<void> {
    this.known = new Map((await selectExistingServices(trx, org, ids)).map((r) => [r.id, r]));
  }

  /** Prefetches persons visible to the user and not merged (two queries for a whole batch). */
  async preloadPersons(trx: Queryable, org: string, ids: string[], readable: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 5000) {
      const slice = ids.slice(i, i + 5000);
      const [rows, visible] = await Promise.all([selectMergedInto(trx, org, slice), visibleIds(trx, org, slice, readable)]);
      for (const r of rows) if (!r.merged_into && visible.has(r.id)) this.values.set(`person:${r.id}`, Promise.resolve({ id: r.id }));
    }
  }

  async existingServices(trx: Queryable, org: string, ids: string[]) {
    if (this.known) return ids.map((id) => this.known!.get(id)).filter((x): x is { id: string; contact_id: string; service: string } => Boolean(x));
    return selectExistingServices(trx, org, ids);
  }
}

/**
 * Checks a contact and prepares its rows, without writing. Throws the same field issues as the
 * API. Lookups are cached in `cache` across the contacts of a batch.
 */
export async function planContact(trx: Queryable, ctx: RequestContext, input: RecordContact, cache: PlanCache): Promise<ContactPlan | { kind: 'existing'; contactId: string; ids: string[] }> {
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
  const programs = await cache.once('programs', () => orgConfig(ctx.actor, 'programServices', () => loadProgramServices(trx, org)));
  const defined = await cache.once('defined', () => orgConfig(ctx.actor, 'definedServices', () => loadDefinedServices(trx, org)));
  const issues: FieldIssue[] = input.services.flatMap((s, i) => checkAnyServiceEntry(s, input.program, programs[input.program], defined, `services.${i}.`));
  if (issues.length) throw new DomainError('validation_failed', { fields: issues });
  const contactId = input.contactId ?? newId();
  const year = Number(input.date.slice(0, 4));
  // A transcribed register number must be free.
  const transcribed = input.services.flatMap((s, i) => (s.service === 'hiv_test' && s.registerNo !== null ? [{ i, key: { unitId: place.unit.id, year, registerNo: s.registerNo } }] : []));
  if (transcribed.length) {
    const taken = await takenRegisterNos(trx, org, transcribed.map((t) => t.key));
    const first = transcribed.find((t) => taken.has(registerKey(t.key)));
    if (first) throw invalidField(`services.${first.i}.registerNo`, 'taken');
  }
  if (input.caseId) {
    const inCase = (await cache.once(`case:${input.caseId}`, () => selectCaseKeys(trx, org, [input.caseId!]))).get(input.caseId);
    const mismatch = caseMismatch(inCase, person.id, input.program);
    if (mismatch) throw invalidField('caseId', mismatch);
  }
  const rows: NewService[] = input.services.map((s) => {
    const registerNo = s.service === 'hiv_test' ? s.registerNo : null;
    // A defined service: its fields as given, its definition's version, and its quantity field where reports sum it.
    const def = defined.get(s.service);
    return {
      id: s.id ?? newId(),
      contact_id: contactId,
      beneficiary_id: person.id,
      service_date: input.date,
      worker_id: place.workerId,
      org_unit_id: place.unit.id,
      site_id: place.site?.id ?? null,
      program: input.program,
      service: s.service,
      quantity: def ? definedQuantity(def.fields, s.fields) : s.quantity,
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
      case_id: input.caseId,
      fields: def ? s.fields : null,
      definition_version: def?.version ?? null,
    };
  });
  return { kind: 'new', contactId, input, unit: place.unit, personId: person.id, rows };
}

/** Writes planned contacts in bulk (services, where the persons are known, last seen) and audits each. */
export async function writeContacts(trx: Queryable, ctx: RequestContext, plans: ContactPlan[]): Promise<void> {
  if (plans.length === 0) return;
  try {
    await writeServices(trx, ctx.actor.organisationId, plans.flatMap((p) => p.rows));
  } catch (error) {
    if (isUniqueViolation(error, 'service_event_register_idx')) throw invalidField('services.0.registerNo', 'taken');
    if (isUniqueViolation(error)) throw new DomainError('id_conflict');
    throw error;
  }
  await recordAudits(
    trx,
    whoOf(ctx),
    plans.map((p) => ({
      action: 'contact.record',
      entityType: 'beneficiary',
      entityId: p.personId,
      orgUnit: { id: p.unit.id, path: p.unit.path },
      details: { contactId: p.contactId, date: p.input.date, program: p.input.program, services: p.input.services.map((s) => s.service) },
    })),
  );
}

/**
 * Records many contacts at once inside the caller's transaction (a sync batch): each checked on
 * its own — a rejected one never blocks the others — and the valid ones written together.
 */
export async function recordContacts(trx: Queryable, ctx: RequestContext, inputs: ReadonlyMap<string, RecordContact>): Promise<Map<string, ContactOutcome>> {
  const org = ctx.actor.organisationId;
  const cache = new PlanCache();
  const all = [...inputs.values()];
  await cache.preload(trx, org, all.flatMap((i) => i.services.map((s) => s.id).filter((x): x is string => Boolean(x))));
  await cache.preloadPersons(trx, org, [...new Set(all.map((i) => i.beneficiaryId))], scope(ctx.actor, 'person.read'));
  const outcomes = new Map<string, ContactOutcome>();
  const plans: ContactPlan[] = [];
  for (const [key, input] of inputs) {
    try {
      const plan = await planContact(trx, ctx, input, cache);
      if (plan.kind === 'new') plans.push(plan);
      outcomes.set(key, { status: plan.kind === 'new' ? 'applied' : 'already_applied', contactId: plan.contactId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.set(key, { status: 'rejected', error });
    }
  }
  await writeContacts(trx, ctx, plans);
  return outcomes;
}

export function createContactsService(db: Queryable) {
  return {
    /** Records one or several services for one person in one go; a retried save (same ids) is applied once. */
    async recordContact(ctx: RequestContext, input: RecordContact): Promise<{ contactId: string; services: ServiceRecord[]; created: boolean }> {
      return withTransaction(db, async (trx) => {
        const plan = await planContact(trx, ctx, input, new PlanCache());
        if (plan.kind === 'existing') return { contactId: plan.contactId, services: await loadServices(trx, ctx, plan.ids), created: false };
        await writeContacts(trx, ctx, [plan]);
        return { contactId: plan.contactId, services: await loadServices(trx, ctx, plan.rows.map((r) => r.id)), created: true };
      });
    },
  };
}
