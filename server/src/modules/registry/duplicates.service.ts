import { DomainError, type Beneficiary, type MatchReason } from '@relais/core';
import { isUniqueViolation, withTransaction, type Queryable } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { RequestContext } from '../../context/index.ts';
import { recordAudit, whoOf } from '../audit/index.ts';
import * as repo from './registry.repository.ts';
import { summarise, type RegistryService } from './registry.service.ts';
import { findMerge, insertMerge, markMerged, markUnmerged, moveLinkedRows, moveLinkedRowsBack, selectMerges, selectOpenPairs, selectSummaryRows } from './merges.repository.ts';
import { personLinks } from './person-links.ts';
import { registryPolicy } from './registry.policy.ts';

interface Moved {
  /** Units of the merged record added to the kept one. */
  units: string[];
  /** Rows of person-linked tables moved, by table. */
  rows: Record<string, string[]>;
}

export function createDuplicatesService(db: Queryable, registry: RegistryService) {
  return {
    /** The coordinators' review queue: open pairs of active records both within their scope, likeliest first. */
    async listPairs(ctx: RequestContext, page: { limit: number; offset: number }) {
      const org = ctx.actor.organisationId;
      const paths = registryPolicy.mergeableUnits(ctx.actor);
      const { rows, count } = await selectOpenPairs(db, org, paths, page);
      const ids = [...new Set(rows.flatMap((r) => [r.a_id, r.b_id]))];
      const people = await selectSummaryRows(db, org, ids);
      const byId = new Map((await summarise(db, org, people)).map((s) => [s.id, s]));
      return {
        items: rows.map((r) => ({ a: byId.get(r.a_id)!, b: byId.get(r.b_id)!, score: Number(r.score), reasons: r.reasons as MatchReason[] })),
        ...count,
      };
    },

    /** "Not the same person": kept, so the pair is not proposed again. */
    async markDistinct(ctx: RequestContext, a: string, b: string): Promise<void> {
      if (a === b) throw new DomainError('merge_invalid');
      await withTransaction(db, async (trx) => {
        const [x, y] = [await registry.visible(trx, ctx, a, 'person.merge'), await registry.visible(trx, ctx, b, 'person.merge')];
        await repo.upsertPair(trx, { organisation_id: ctx.actor.organisationId, x: x.id, y: y.id, score: 0, reasons: [], status: 'distinct', decided_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.distinct', entityType: 'beneficiary', entityId: x.id, details: { codes: [x.code, y.code], other: y.id } });
      });
    },

    /** Merges `mergeId` into `keepId`: its rows move, its code becomes an alias; undoable. */
    async merge(ctx: RequestContext, keepId: string, mergeId: string): Promise<{ mergeId: string; kept: Beneficiary }> {
      const org = ctx.actor.organisationId;
      if (keepId === mergeId) throw new DomainError('merge_invalid');
      return withTransaction(db, async (trx) => {
        const keep = await registry.visible(trx, ctx, keepId, 'person.merge');
        const gone = await registry.visible(trx, ctx, mergeId, 'person.merge');
        if (keep.merged_into || gone.merged_into) throw new DomainError('merge_invalid');
        const moved: Moved = { units: [], rows: {} };
        for (const u of await repo.unitsOf(trx, org, [gone.id])) {
          if (await repo.addUnit(trx, org, keep.id, u.org_unit_id, u.since, 'merged')) moved.units.push(u.org_unit_id);
        }
        for (const link of personLinks) {
          try {
            moved.rows[link.table] = await moveLinkedRows(trx, org, link, gone.id, keep.id);
          } catch (error) {
            // Both persons have an open case in the same program: one must be closed first.
            if (isUniqueViolation(error, 'case_file_open_idx')) throw new DomainError('merge_open_cases');
            if (isUniqueViolation(error, 'ost_episode_open_idx')) throw new DomainError('ost_already_on');
            throw error;
          }
        }
        await markMerged(trx, org, keep.id, gone);
        await repo.upsertPair(trx, { organisation_id: org, x: keep.id, y: gone.id, score: 0, reasons: [], status: 'merged', decided_by: ctx.actor.userId });
        const id = newId();
        await insertMerge(trx, { organisation_id: org, id, kept_id: keep.id, merged_id: gone.id, merged_by: ctx.actor.userId, moved });
        await recordAudit(trx, whoOf(ctx), {
          action: 'beneficiary.merge',
          entityType: 'beneficiary',
          entityId: keep.id,
          details: { mergeId: id, kept: keep.code, merged: gone.code, mergedId: gone.id, moved: { units: moved.units.length, ...Object.fromEntries(Object.entries(moved.rows).map(([t, r]) => [t, r.length])) } },
        });
        return { mergeId: id, kept: await registry.present(trx, ctx, (await repo.findById(trx, org, keep.id))!) };
      });
    },

    /** Undoes a merge: what moved goes back, the merged record stands again; the pair is then decided "distinct". */
    async undoMerge(ctx: RequestContext, mergeId: string): Promise<Beneficiary> {
      const org = ctx.actor.organisationId;
      return withTransaction(db, async (trx) => {
        const m = await findMerge(trx, org, mergeId);
        if (!m) throw new DomainError('not_found');
        const keep = await registry.visible(trx, ctx, m.kept_id, 'person.merge');
        if (m.undone_at) throw new DomainError('merge_already_undone');
        if (keep.merged_into) throw new DomainError('merge_not_last');
        const moved = m.moved as Moved;
        for (const [table, ids] of Object.entries(moved.rows)) {
          const link = personLinks.find((l) => l.table === table);
          if (!link || ids.length === 0) continue;
          await moveLinkedRowsBack(trx, org, link, m.kept_id, m.merged_id, ids);
        }
        await markUnmerged(trx, org, m, moved.units, ctx.actor.userId);
        await repo.upsertPair(trx, { organisation_id: org, x: m.kept_id, y: m.merged_id, score: 0, reasons: [], status: 'distinct', decided_by: ctx.actor.userId });
        await recordAudit(trx, whoOf(ctx), { action: 'beneficiary.unmerge', entityType: 'beneficiary', entityId: m.kept_id, details: { mergeId, mergedId: m.merged_id } });
        return registry.present(trx, ctx, (await repo.findById(trx, org, m.kept_id))!);
      });
    },

    async listMerges(ctx: RequestContext, beneficiaryId?: string) {
      const org = ctx.actor.organisationId;
      const rows = await selectMerges(db, org, registryPolicy.mergeableUnits(ctx.actor), beneficiaryId);
      return rows.map((r) => ({
        id: r.id,
        keptId: r.kept_id,
        keptCode: r.kept_code,
        mergedId: r.merged_id,
        mergedCode: r.merged_code,
        mergedAt: new Date(r.merged_at).toISOString(),
        mergedBy: r.display_name,
        undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
      }));
    },
  };
}
export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
