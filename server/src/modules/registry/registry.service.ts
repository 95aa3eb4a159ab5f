import {
  DomainError,
  checkCode as checkCodeShape,
  checkCodeAgainstPerson,
  closestOf,
  codeProblemParams,
  type RegistrySettings,
  type Beneficiary,
  type BeneficiarySearch,
  type CodeProblem,
  type RegisterBeneficiary,
  type UpdateBeneficiary,
  invalidField,
} from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Secrets } from '../../lib/secrets.ts';
import { orgConfig, scope, type RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import { findUnit, unitWhere } from '../org-units/index.ts';
import { loadRegistrySettings, storeRegistrySettings } from '../settings/index.ts';
import * as repo from './registry.repository.ts';
import { registryPolicy } from './registry.policy.ts';
import { presentBeneficiary, summarise } from './beneficiary-view.ts';
import { matchCode, resolveAlias } from './code-match.ts';
import { columnsToWrite } from './versioned-edit.ts';

export { matchCode, type Candidate, type CodeMatches } from './code-match.ts';
export { presentBeneficiary, summarise } from './beneficiary-view.ts';

function codeIssue(problem: CodeProblem) {
  return invalidField('code', 'invalid_code', codeProblemParams(problem));
}

type Row = repo.BeneficiaryRow;

export function createRegistryService(db: Queryable, secrets: Secrets) {
  /** The record as this reader may see it (beneficiary-view.ts). */
  const present = (trx: Queryable, ctx: RequestContext, row: Row) => presentBeneficiary(trx, ctx, row, secrets);

  /** A record the actor may see with this permission, else not_found. */
  async function visible(trx: Queryable, ctx: RequestContext, id: string, permission: 'person.read' | 'person.write' | 'person.merge'): Promise<Row> {
    const row = await repo.findById(trx, ctx.actor.organisationId, id);
    if (!row) throw new DomainError('not_found');
    const ok = await repo.visibleIds(trx, ctx.actor.organisationId, [id], scope(ctx.actor, permission));
    if (!ok.has(id)) throw new DomainError('not_found');
    return row;
  }

  async function unitForWrite(trx: Queryable, ctx: RequestContext, orgUnitId: string) {
    return unitWhere(trx, ctx.actor.organisationId, orgUnitId, (u) => registryPolicy.registerAt(ctx.actor, u));
  }

  function checkPopulations(settings: RegistrySettings, populations: string[]) {
    populations.forEach((p, i) => {
      if (!settings.populations.includes(p)) throw invalidField(`populations.${i}`, 'invalid_choice');
    });
  }

  /** The sex and birth year entered must be those the code carries, when the scheme carries them. */
  function checkAgainstCode(settings: RegistrySettings, code: string, person: { sex?: string | null; birthYear?: number | null }) {
    const issues = checkCodeAgainstPerson(settings.codeScheme, code, person);
    if (issues.length) throw new DomainError('validation_failed', { fields: issues });
  }

  const profileColumns = (p: RegisterBeneficiary['profile']) => ({
    marital_status: p.maritalStatus,
    schooling: p.schooling,
    housing: p.housing,
    occupation: p.occupation,
    children_in_charge: p.childrenInCharge,
    health_coverage: p.healthCoverage,
  });

  return {
    present,
    visible,

    async getSettings(ctx: RequestContext): Promise<RegistrySettings> {
      return loadRegistrySettings(db, ctx.actor.organisationId);
    },

    /** Organisation-wide: administrators of the root unit only. */
    async updateSettings(ctx: RequestContext, input: RegistrySettings): Promise<RegistrySettings> {
      if (!registryPolicy.changeSettings(ctx.actor)) throw new DomainError('forbidden');
      return withTransaction(db, async (trx) => {
        await storeRegistrySettings(trx, ctx.actor.organisationId, input);
        await recordAudit(trx, whoOf(ctx), { action: 'registry.settings', entityType: 'organisation', entityId: ctx.actor.organisationId, details: { ...input } });
        return input;
      });
    },

    /** The code-first check for a user: what she may see, and that the code exists elsewhere without showing anything of it. */
    async checkCode(ctx: RequestContext, typed: string) {
      const org = ctx.actor.organisationId;
      const settings = await orgConfig(ctx.actor, 'registrySettings', () => loadRegistrySettings(db, org));
      const found = await matchCode(db, org, settings.codeScheme, typed);
      const readable = registryPolicy.readableUnits(ctx.actor);
      const ids = [...(found.exact ? [found.exact.id] : []), ...found.candidates.map((c) => c.id)];
      const seen = await repo.visibleIds(db, org, ids, readable);
      // Candidates known in the user's units come first (she can open them), best first; one she registered
      // herself ranks higher: peer educators mostly meet their own peers again. Then a few known elsewhere.
      const withScope = found.candidates.map((c) => ({ ...c, inScope: seen.has(c.id), rank: c.match.score + (c.registeredBy === ctx.actor.userId ? 0.1 : 0) }));
      const byRank = (a: { rank: number }, b: { rank: number }) => b.rank - a.rank;
      const ranked = [...withScope.filter((c) => c.inScope).sort(byRank).slice(0, 10), ...withScope.filter((c) => !c.inScope).sort(byRank).slice(0, 5)];
      return {
        code: found.code,
        problems: found.problems,
        exact: found.exact && seen.has(found.exact.id) ? found.exact : null,
        existsElsewhere: Boolean(found.exact && !seen.has(found.exact.id)),
        probable: ranked.map((c) => ({ ...(c.inScope ? { id: c.id } : {}), code: c.code, score: Math.round(c.match.score * 100) / 100, reasons: c.match.reasons, inScope: c.inScope })),
      };
    },

    /** Registers a person by her code; probable duplicates become pairs (decided "distinct" when the user said so). */
    async register(ctx: RequestContext, input: RegisterBeneficiary): Promise<{ beneficiary: Beneficiary; created: boolean }> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const settings = await loadRegistrySettings(trx, org);
        const shape = checkCodeShape(settings.codeScheme, input.code);
        if (!shape.ok) throw codeIssue(shape.problems[0]!);
        const code = shape.code;
        if (input.id) {
          const existing = await repo.findById(trx, org, input.id);
          if (existing) {
            if (existing.code !== code) throw new DomainError('id_conflict');
            return { beneficiary: await present(trx, ctx, await visible(trx, ctx, input.id, 'person.read')), created: false };
          }
        }
        checkPopulations(settings, input.populations);
        checkAgainstCode(settings, code, input);
        const unit = await unitForWrite(trx, ctx, input.orgUnitId);
        const found = await matchCode(trx, org, settings.codeScheme, code);
        if (found.exact) {
          const seen = await repo.visibleIds(trx, org, [found.exact.id], registryPolicy.readableUnits(ctx.actor));
          if (seen.has(found.exact.id)) throw new DomainError('beneficiary_exists', { params: { id: found.exact.id } });
          throw new DomainError('beneficiary_exists_elsewhere');
        }
        const id = input.id ?? newId();
        try {
          await repo.insertBeneficiary(trx, {
              organisation_id: org,
              id,
              code,
              populations: [...new Set(input.populations)],
              sex: input.sex,
              gender_identity: input.genderIdentity,
              birth_year: input.birthYear,
              registered_unit_id: unit.id,
              registered_on: input.registeredOn,
              registered_by: ctx.actor.userId,
              entry_door: input.entryDoor,
              ...profileColumns(input.profile),
              phone_encrypted: input.phone ? secrets.encrypt(input.phone) : null,
              contact_consent: input.contactConsent,
              notes: input.notes,
              last_seen_on: input.registeredOn,
            });
        } catch (error) {
          if (isUniqueViolation(error)) throw new DomainError('beneficiary_exists_elsewhere');
          throw error;
        }
        await repo.addUnit(trx, org, id, unit.id, input.registeredOn, 'registered');
        const distinct = new Set(input.distinctFrom);
        // Those declared distinct are decisions, all kept; of the others, the closest few are queued (ADR 0032).
        const declared = found.candidates.filter((c) => distinct.has(c.id));
        for (const c of [...declared, ...closestOf(found.candidates.filter((c) => !distinct.has(c.id)))]) {
          await repo.upsertPair(trx, {
            organisation_id: org,
            x: id,
            y: c.id,
            score: c.match.score,
            reasons: c.match.reasons,
            status: distinct.has(c.id) ? 'distinct' : 'open',
            decided_by: distinct.has(c.id) ? ctx.actor.userId : null,
          });
        }
        await recordAudit(trx, whoOf(ctx), {
          action: 'beneficiary.create',
          entityType: 'beneficiary',
          entityId: id,
          orgUnit: { id: unit.id, path: unit.path },
          details: { code, probable: found.candidates.length, declaredDistinct: found.candidates.filter((c) => distinct.has(c.id)).map((c) => c.code) },
        });
        return { beneficiary: await present(trx, ctx, (await repo.findById(trx, org, id))!), created: true };
      });
    },

    /** Brings a person known elsewhere in the organisation into one of the user's units, so she can serve her. */
    async claim(ctx: RequestContext, typed: string, orgUnitId: string): Promise<Beneficiary> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const settings = await loadRegistrySettings(trx, org);
        const shape = checkCodeShape(settings.codeScheme, typed);
        if (!shape.ok) throw codeIssue(shape.problems[0]!);
        const unit = await unitForWrite(trx, ctx, orgUnitId);
        const row = await repo.findByCode(trx, org, shape.code);
        if (!row) throw new DomainError('not_found');
        const stands = await resolveAlias(trx, org, row);
        const today = new Date().toISOString().slice(0, 10);
        if (await repo.addUnit(trx, org, stands.id, unit.id, today, 'claimed')) {
          await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.claim', entityType: 'beneficiary', entityId: stands.id, orgUnit: { id: unit.id, path: unit.path }, details: { code: stands.code } });
        }
        return present(trx, ctx, (await repo.findById(trx, org, stands.id))!);
      });
    },

    /** One record; every read is audited. */
    async getBeneficiary(ctx: RequestContext, id: string): Promise<Beneficiary> {
      return withTransaction(db, async (trx) => {
        const row = await visible(trx, ctx, id, 'person.read');
        const out = await present(trx, ctx, row);
        await recordAudit(trx, whoOf(ctx), {
          action: 'beneficiary.read',
          entityType: 'beneficiary',
          entityId: id,
          details: { code: row.code, ...(out.phone ? { phoneShown: true } : {}) },
        });
        return out;
      });
    },

    async updateBeneficiary(ctx: RequestContext, id: string, patch: UpdateBeneficiary): Promise<Beneficiary> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const row = await visible(trx, ctx, id, 'person.write');
        if (row.merged_into) throw new DomainError('merge_invalid');
        if (row.erased_at) throw new DomainError('person_erased');
        if (patch.populations) checkPopulations(await loadRegistrySettings(trx, org), patch.populations);
        // Only the values changed are checked (a record kept from before the rule keeps its other values).
        if (patch.sex || (patch.birthYear !== undefined && patch.birthYear !== null)) checkAgainstCode(await loadRegistrySettings(trx, org), row.code, { sex: patch.sex, birthYear: patch.birthYear });
        // Only the fields that change are written; a field changed meanwhile on the server is a conflict (ADR 0036).
        const changes = await columnsToWrite(trx, ctx, row, patch, secrets);
        if (Object.keys(changes).length === 0) return present(trx, ctx, row);
        await repo.updateBeneficiary(trx, org, id, changes, ctx.actor.userId);
        await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.update', entityType: 'beneficiary', entityId: id, details: { code: row.code, fields: Object.keys(patch).filter((k) => k !== 'baseVersion'), ...(patch.baseVersion === undefined ? { unversioned: true } : {}) } });
        return present(trx, ctx, (await repo.findById(trx, org, id))!);
      });
    },

    /** Search and working lists, within the user's units; merged records are found through their alias only. */
    async search(ctx: RequestContext, q: BeneficiarySearch & { notSeenForDays?: number | undefined }) {
      const org = ctx.actor.organisationId;
      const paths = registryPolicy.readableUnits(ctx.actor);
      const code = q.code ? q.code.toUpperCase().replace(/[\s\-_.]/g, '') : '';
      let codeMatch: repo.CodeCondition | null = null;
      if (code) {
        if (q.match === 'exact') {
          const alias = await repo.findByCode(db, org, code);
          const stands = alias ? await resolveAlias(db, org, alias) : null;
          codeMatch = { exactId: stands?.id ?? '00000000-0000-0000-0000-000000000000' };
        } else codeMatch = q.match === 'prefix' ? { prefix: code } : { similarTo: code };
      }
      const unit = q.orgUnitId ? await findUnit(db, org, q.orgUnitId) : null;
      const { rows, count } = await repo.searchBeneficiaries(db, org, paths, {
        code: codeMatch,
        population: q.population,
        unitPaths: q.orgUnitId ? (unit ? [unit.path] : []) : null,
        registeredBy: q.registeredBy,
        seenFrom: q.seenFrom,
        seenTo: q.seenTo,
        notSeenForDays: q.notSeenForDays,
        sort: q.sort,
        order: q.order,
        limit: q.limit,
        offset: q.offset,
      });
      return { items: await summarise(db, org, rows), ...count };
    },
  };
}
export type RegistryService = ReturnType<typeof createRegistryService>;
