import { DomainError, enteredInTime, daysBetween, invalidField, type CircuitEntryInput, type Disclosure, type DisclosureInput } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { holdsFor, programScope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { checkPlace, personFor } from '../capture/index.ts';
import * as repo from './disclosures.repository.ts';

/**
 * Disclosures (issue 14): what a child or an adult discloses during or after a session is
 * recorded by who heard it (where she records), anonymous or with the person's code, and enters
 * the care circuit when a case is opened for the person or a referral is sent to a directory
 * service. Read by who follows cases there (case.read) and by who recorded it; every read is
 * audited, the note is encrypted at rest like a case note.
 */
export function createDisclosuresService(db: Queryable, secrets: Secrets, today: () => string = () => new Date().toISOString().slice(0, 10)) {
  function present(r: repo.DisclosureRow, ctx: RequestContext): Disclosure {
    const mayReadNote = r.created_by === ctx.actor.userId || holdsFor(ctx.actor, 'case.read', r.org_unit_path, r.program);
    return {
      id: r.id,
      date: r.disclosed_on,
      program: r.program as Disclosure['program'],
      orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
      session: r.group_session_id ? { id: r.group_session_id, date: r.session_date ?? '', theme: r.session_theme ?? '', audience: r.session_audience as NonNullable<Disclosure['session']>['audience'] } : null,
      person: r.beneficiary_id ? { id: r.beneficiary_id, code: r.beneficiary_code ?? '?' } : null,
      sex: r.sex as Disclosure['sex'],
      ageGroup: r.age_group,
      violenceType: r.violence_type,
      note: mayReadNote && r.note_encrypted ? secrets.tryDecrypt(r.note_encrypted) : null,
      entry: r.entry as Disclosure['entry'],
      enteredOn: r.entered_on,
      caseId: r.case_id,
      service: r.referred_service_id ? { id: r.referred_service_id, name: r.service_name ?? '?' } : null,
      inTime: enteredInTime(r.disclosed_on, r.entered_on),
      waitingDays: r.entry ? null : Math.max(0, daysBetween(r.disclosed_on, today())),
      recordedBy: r.recorded_by,
    };
  }

  async function readAudited(trx: Queryable, ctx: RequestContext, f: repo.DisclosureFilter) {
    const { rows, total } = await repo.selectDisclosures(trx, ctx.actor.organisationId, programScope(ctx.actor, 'case.read'), ctx.actor.userId, f);
    if (rows.length) await recordAudit(trx, whoOf(ctx), { action: 'disclosure.read', entityType: 'disclosure', entityId: rows.length === 1 ? rows[0]!.id : null, details: { count: rows.length } });
    return { items: rows.map((r) => present(r, ctx)), total };
  }

  async function one(trx: Queryable, ctx: RequestContext, id: string): Promise<Disclosure> {
    const [d] = (await readAudited(trx, ctx, { ids: [id] })).items;
    if (!d) throw new DomainError('not_found');
    return d;
  }

  return {
    list: (ctx: RequestContext, f: repo.DisclosureFilter) => withTransaction(db, (trx) => readAudited(trx, ctx, f)),

    get: (ctx: RequestContext, id: string) => withTransaction(db, (trx) => one(trx, ctx, id)),

    /** Records a disclosure (idempotent on a client-generated id). */
    async record(ctx: RequestContext, input: DisclosureInput): Promise<{ created: boolean; disclosure: Disclosure }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const id = input.id ?? newId();
        const { unit } = await checkPlace(trx, ctx, { orgUnitId: input.orgUnitId, siteId: null, program: input.program });
        const person = input.beneficiaryId ? await personFor(trx, ctx, input.beneficiaryId) : null;
        if (input.groupSessionId) {
          const session = await repo.findSession(trx, org, input.groupSessionId);
          if (!session) throw invalidField('groupSessionId', 'unknown_reference', { value: input.groupSessionId });
          // Made during the session or after it, never before.
          if (input.date < session.session_date) throw invalidField('date', 'not_before', { value: session.session_date });
        }
        const created = await repo.insertDisclosure(trx, {
          organisation_id: org,
          id,
          disclosed_on: input.date,
          program: input.program,
          org_unit_id: unit.id,
          group_session_id: input.groupSessionId,
          beneficiary_id: person?.id ?? null,
          sex: person ? null : input.sex,
          age_group: person ? null : input.ageGroup,
          violence_type: input.violenceType,
          note_encrypted: input.note ? secrets.encrypt(input.note) : null,
          created_by: ctx.actor.userId,
        });
        if (created) {
          await recordAudit(trx, whoOf(ctx), { action: 'disclosure.record', entityType: 'disclosure', entityId: id, orgUnit: { id: unit.id, path: unit.path }, details: { anonymous: !person } });
        }
        return { created, disclosure: await one(trx, ctx, id) };
      });
    },

    /** The disclosure enters the care circuit: a case opened for its person, or a referral sent; once. */
    async enterCircuit(ctx: RequestContext, id: string, input: CircuitEntryInput): Promise<Disclosure> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        await repo.lockDisclosure(trx, org, id);
        const [row] = (await repo.selectDisclosures(trx, org, programScope(ctx.actor, 'case.read'), ctx.actor.userId, { ids: [id] })).rows;
        if (!row) throw new DomainError('not_found');
        if (!holdsFor(ctx.actor, 'case.write', row.org_unit_path, row.program) && row.created_by !== ctx.actor.userId) throw new DomainError('forbidden');
        if (row.entry) throw invalidField('entry', 'already_entered', { value: row.entered_on ?? '' });
        let entry: { entry: string; entered_on: string; case_id: string | null; referred_service_id: string | null };
        if (input.entry === 'case_opened') {
          const c = await repo.findCase(trx, org, input.caseId);
          if (!c) throw invalidField('caseId', 'unknown_reference', { value: input.caseId });
          if (row.beneficiary_id && c.beneficiary_id !== row.beneficiary_id) throw invalidField('caseId', 'not_same_person');
          entry = { entry: 'case_opened', entered_on: c.opened_on < row.disclosed_on ? row.disclosed_on : c.opened_on, case_id: c.id, referred_service_id: null };
        } else {
          if (!(await repo.directoryServiceExists(trx, input.serviceId))) throw invalidField('serviceId', 'unknown_reference', { value: input.serviceId });
          if (input.on < row.disclosed_on) throw invalidField('on', 'not_before', { value: row.disclosed_on });
          entry = { entry: 'referral_sent', entered_on: input.on, case_id: null, referred_service_id: input.serviceId };
        }
        await repo.setDisclosureEntry(trx, org, id, entry);
        await recordAudit(trx, whoOf(ctx), { action: 'disclosure.circuit', entityType: 'disclosure', entityId: id, orgUnit: { id: row.org_unit_id, path: row.org_unit_path }, details: { entry: entry.entry } });
        return one(trx, ctx, id);
      });
    },
  };
}
export type DisclosuresService = ReturnType<typeof createDisclosuresService>;
