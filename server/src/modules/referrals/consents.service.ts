import { consentHolds, defaultConsentExpiry, DomainError, invalidField, type Consent, type ConsentInput } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { personFor } from '../capture/index.ts';
import * as repo from './referrals.repository.ts';

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export function toConsent(c: repo.ConsentRow, today: string): Consent {
  return {
    id: c.id,
    beneficiaryId: c.beneficiary_id,
    to: c.to_names.map((o) => ({ code: o.code, name: o.name })),
    toServices: c.service_names,
    purposes: c.purposes as Consent['purposes'],
    fields: c.fields as Consent['fields'],
    grantedBy: c.granted_by as Consent['grantedBy'],
    witness: c.witness,
    givenOn: c.given_on,
    expiresOn: c.expires_on,
    withdrawnAt: c.withdrawn_at,
    active: consentHolds({ givenOn: c.given_on, expiresOn: c.expires_on, withdrawn: c.withdrawn_at !== null }, today),
  };
}

/** Every consent recorded on these records of a person (the subject access export, ADR 0026), newest first. */
export async function personConsents(db: Queryable, org: string, beneficiaryIds: readonly string[]): Promise<Consent[]> {
  const rows = (await Promise.all(beneficiaryIds.map((id) => repo.selectConsents(db, org, { beneficiaryId: id })))).flat();
  return rows.map((c) => toConsent(c, todayUtc()));
}

/**
 * Consent is data (issue 15): recorded on the person's record by her organisation (who gave it,
 * to which receivers, for which purposes and fields, until when); withdrawn at once, audited.
 */
export function createConsentsService(db: Queryable, today: () => string = todayUtc) {
  return {
    async create(ctx: RequestContext, beneficiaryId: string, input: ConsentInput): Promise<{ created: boolean; consent: Consent }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const person = await personFor(trx, ctx, beneficiaryId, 'beneficiaryId');
        const id = input.id ?? newId();
        const found = await repo.findOrganisationsByCode(trx, input.to.map((c) => c.toUpperCase()));
        input.to.forEach((code, i) => {
          const o = found.find((f) => f.code === code.toUpperCase());
          if (!o) throw invalidField(`to.${i}`, 'unknown_reference', { value: code });
          if (o.id === org) throw invalidField(`to.${i}`, 'invalid_choice');
        });
        const services = await repo.existingServices(trx, input.toServices);
        input.toServices.forEach((s, i) => {
          if (!services.has(s)) throw invalidField(`toServices.${i}`, 'unknown_reference', { value: s });
        });
        if (input.grantedBy === 'witnessed' && !input.witness) throw invalidField('witness', 'required');
        const created = await repo.insertConsent(trx, {
          organisation_id: org,
          id,
          beneficiary_id: person.id,
          granted_by: input.grantedBy,
          witness: input.witness,
          given_on: input.givenOn,
          expires_on: input.expiresOn ?? defaultConsentExpiry(input.givenOn),
          to_organisations: found.map((o) => o.id),
          to_services: input.toServices,
          purposes: input.purposes,
          fields: input.fields,
          created_by: ctx.actor.userId,
        });
        if (created) await recordAudit(trx, whoOf(ctx), { action: 'consent.create', entityType: 'consent', entityId: id, details: { beneficiary: person.id, to: input.to, purposes: input.purposes, fields: input.fields } });
        const [row] = await repo.selectConsents(trx, org, { id });
        if (!row || row.beneficiary_id !== person.id) throw new DomainError('id_conflict');
        return { created, consent: toConsent(row, today()) };
      });
    },

    async list(ctx: RequestContext, beneficiaryId: string): Promise<{ items: Consent[] }> {
      const person = await personFor(db, ctx, beneficiaryId, 'beneficiaryId');
      return { items: (await repo.selectConsents(db, ctx.actor.organisationId, { beneficiaryId: person.id })).map((c) => toConsent(c, today())) };
    },

    /** Withdrawal takes effect at once: every receiver loses the shared fields on its next read. */
    async withdraw(ctx: RequestContext, id: string): Promise<Consent> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const [row] = await repo.selectConsents(trx, org, { id });
        if (!row) throw new DomainError('not_found');
        await personFor(trx, ctx, row.beneficiary_id, 'beneficiaryId');
        if (await repo.withdrawConsent(trx, org, id, ctx.actor.userId)) {
          await recordAudit(trx, whoOf(ctx), { action: 'consent.withdraw', entityType: 'consent', entityId: id, details: { beneficiary: row.beneficiary_id } });
        }
        return toConsent((await repo.selectConsents(trx, org, { id }))[0]!, today());
      });
    },
  };
}
export type ConsentsService = ReturnType<typeof createConsentsService>;
