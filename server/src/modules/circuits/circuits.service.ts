import { DomainError, invalidField, type Circuit, type CircuitInput, type CircuitRevisionInput, type CircuitSummary, type DirectoryServiceSummary } from '@relais/core';
import { withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import type { DirectoryUseCases } from '../directory/index.ts';
import { circuitsPolicy } from './circuits.policy.ts';
import * as repo from './circuits.repository.ts';

type Directory = Pick<DirectoryUseCases, 'search' | 'summaries' | 'territories' | 'taxonomy'>;

const revisionSummary = (r: repo.RevisionRow) => ({ number: r.number, validatedOn: r.validated_on, validatedBy: r.validated_by, createdBy: r.created_by, createdAt: r.created_at });
const territoryOf = (c: repo.CircuitRow) => ({ code: c.territory_code, name: { fr: c.territory_fr, ar: c.territory_ar } });

export function createCircuitsService(db: Queryable, directory: Directory) {
  /** Each step's services as the directory has them now: the named service, or the territory's services of the type. */
  async function resolve(ctx: RequestContext, territory: string, steps: CircuitRevisionInput['steps']) {
    const named = await directory.summaries(ctx, steps.flatMap((s) => (s.serviceId ? [s.serviceId] : [])));
    const out = [];
    for (const s of steps) {
      let services: DirectoryServiceSummary[];
      if (s.serviceId) services = named.filter((n) => n.id === s.serviceId);
      else services = (await directory.search(ctx, { need: s.serviceType!, territory, limit: 20, offset: 0 })).items.filter((x) => x.status === 'active');
      out.push({ ...s, services });
    }
    return out;
  }

  /** The steps refer to services and types the directory has. */
  async function check(ctx: RequestContext, revision: CircuitRevisionInput, prefix: string): Promise<void> {
    const ids = revision.steps.flatMap((s) => (s.serviceId ? [s.serviceId] : []));
    const found = new Set((await directory.summaries(ctx, ids)).map((s) => s.id));
    const types = new Set((await directory.taxonomy(ctx)).items.map((t) => t.code));
    revision.steps.forEach((s, i) => {
      if (s.serviceId && !found.has(s.serviceId)) throw invalidField(`${prefix}steps.${i}.serviceId`, 'unknown_reference', { value: s.serviceId });
      if (s.serviceType && !types.has(s.serviceType)) throw invalidField(`${prefix}steps.${i}.serviceType`, 'invalid_choice');
    });
  }

  async function read(ctx: RequestContext, id: string, number?: number): Promise<Circuit> {
    const [c] = await repo.selectCircuits(db, { id });
    if (!c) throw new DomainError('not_found');
    const revisions = await repo.selectRevisions(db, [id]);
    const shown = number === undefined ? revisions[0] : revisions.find((r) => r.number === number);
    if (!shown) throw new DomainError('not_found');
    return {
      id: c.id,
      territory: territoryOf(c),
      caseType: c.case_type,
      title: { fr: c.title_fr, ar: c.title_ar },
      revision: { ...revisionSummary(shown), note: shown.note, steps: await resolve(ctx, c.territory_code, shown.steps) },
      revisions: revisions.map(revisionSummary),
      editable: circuitsPolicy.edit(ctx.actor, c),
    };
  }

  const who = (ctx: RequestContext) => ({ created_by: `${ctx.actor.displayName} (${ctx.actor.organisationName})`, created_by_user: ctx.actor.userId });

  return {
    async list(ctx: RequestContext, q: { territory?: string; caseType?: string }): Promise<{ items: CircuitSummary[] }> {
      const circuits = await repo.selectCircuits(db, q);
      const revisions = await repo.selectRevisions(db, circuits.map((c) => c.id));
      return {
        items: circuits.map((c) => {
          const last = revisions.find((r) => r.circuit_id === c.id)!;
          return { id: c.id, territory: territoryOf(c), caseType: c.case_type, title: { fr: c.title_fr, ar: c.title_ar }, revision: revisionSummary(last), steps: last.steps.length };
        }),
      };
    },

    get: read,

    /** A new circuit with its first revision (idempotent on its id). */
    async create(ctx: RequestContext, input: CircuitInput): Promise<{ created: boolean; circuit: Circuit }> {
      const id = input.id ?? newId();
      if ((await repo.selectCircuits(db, { id })).length) return { created: false, circuit: await read(ctx, id) };
      const territory = (await directory.territories(ctx)).items.find((t) => t.code === input.territory);
      if (!territory) throw invalidField('territory', 'unknown_reference', { value: input.territory });
      if (!circuitsPolicy.edit(ctx.actor, { coordinating_organisation_id: territory.coordinatingOrganisation?.id ?? null })) throw new DomainError('directory_read_only');
      await check(ctx, input.revision, 'revision.');
      await withTransaction(db, async (trx) => {
        if (!(await repo.insertCircuit(trx, { id, territory_id: territory.id, case_type: input.caseType, title_fr: input.title.fr, title_ar: input.title.ar }))) {
          throw invalidField('caseType', 'taken');
        }
        await repo.insertRevision(trx, { circuit_id: id, validated_on: input.revision.validatedOn, validated_by: input.revision.validatedBy, note: input.revision.note, steps: input.revision.steps, ...who(ctx) });
      });
      return { created: true, circuit: await read(ctx, id) };
    },

    /** A new revision (the previous ones stay, with their steps, dates and validators). */
    async revise(ctx: RequestContext, id: string, input: CircuitRevisionInput): Promise<Circuit> {
      const [c] = await repo.selectCircuits(db, { id });
      if (!c) throw new DomainError('not_found');
      if (!circuitsPolicy.edit(ctx.actor, c)) throw new DomainError('directory_read_only');
      await check(ctx, input, '');
      await withTransaction(db, async (trx) => {
        await repo.lockCircuit(trx, id);
        await repo.insertRevision(trx, { circuit_id: id, validated_on: input.validatedOn, validated_by: input.validatedBy, note: input.note, steps: input.steps, ...who(ctx) });
      });
      return read(ctx, id);
    },
  };
}
export type CircuitsUseCases = ReturnType<typeof createCircuitsService>;
