import { createDuplicateSearch, neighbourCodes, type CodeScheme, type Match } from '@relais/core';
import type { Queryable } from '../../db/index.ts';
import * as repo from './registry.repository.ts';

export type { NewBeneficiaryRow } from './registry.repository.ts';

/** How the registry's candidates are read: each new code's neighbours by the code index, or one walk of all the codes. */
export type CandidateLookup = 'neighbours' | 'walk';

/** Up to this many new codes, looking their neighbours up (a few hundred each) beats walking the whole registry. */
const NEIGHBOUR_LOOKUP_MAX = 500;
const LOOKUP_BATCH = 100;
const WALK_PAGE = 50_000;
const WRITE_BATCH = 5_000;
const PAIR_BATCH = 10_000;

export type RegisterManyPhase = 'compared' | 'written' | 'queued';

export interface RegisterManyOptions {
  registeredBy: string | null;
  /** Chosen by the number of new codes unless given (tests run both). */
  lookup?: CandidateLookup;
  /** Progress: 'queued' per batch of pairs (written as found), 'compared' once all are, then 'written' per batch of records. */
  onProgress?: (phase: RegisterManyPhase, done: number, total: number) => void;
}

/**
 * Registers many new records at once (imports), inside the caller's transaction: written in
 * bulk, and their probable duplicates — with each other and with the registry's active
 * records — queued for the coordinators' review. The pairs are those the one-code check
 * finds (ADR 0016), searched set-based: in memory within the batch, and against the
 * registry either through the code index (few codes) or in one walk of its codes.
 * The caller has checked the rows and that their codes are new.
 */
export async function registerMany(
  trx: Queryable,
  organisationId: string,
  scheme: CodeScheme,
  rows: readonly repo.NewBeneficiaryRow[],
  options: RegisterManyOptions,
): Promise<{ created: number; pairs: number }> {
  const codes = rows.map((r) => r.code);
  const search = createDuplicateSearch(scheme, codes);
  // Pairs are written as they are found, a batch at a time: a million codes find millions.
  let pending: { x: string; y: string; score: number; reasons: Match['reasons'] }[] = [];
  let queued = 0;
  const flush = async (atLeast: number) => {
    if (pending.length === 0 || pending.length < atLeast) return;
    await repo.upsertOpenPairs(trx, organisationId, pending);
    queued += pending.length;
    pending = [];
    options.onProgress?.('queued', queued, queued);
  };
  // Against the registry as it stands before these records are written.
  const lookup = options.lookup ?? (rows.length <= NEIGHBOUR_LOOKUP_MAX ? 'neighbours' : 'walk');
  const collect = async (candidates: { id: string; code: string }[]) => {
    for (const p of search.against(candidates)) pending.push({ x: rows[p.fresh]!.id, y: p.other.id, ...p.match });
    await flush(PAIR_BATCH);
  };
  if (lookup === 'neighbours') {
    const seen = new Set<string>(); // a record near codes of two batches is compared once (with every new code)
    for (let i = 0; i < codes.length; i += LOOKUP_BATCH) {
      const near = [...new Set(codes.slice(i, i + LOOKUP_BATCH).flatMap((c) => neighbourCodes(scheme, c)))].filter((c) => !seen.has(c));
      for (const c of near) seen.add(c);
      await collect(await repo.activeByCodes(trx, organisationId, near));
    }
  } else {
    for (let after = ''; ; ) {
      const page = await repo.activeCodesAfter(trx, organisationId, after, WALK_PAGE);
      await collect(page);
      if (page.length < WALK_PAGE) break;
      after = page[page.length - 1]!.code;
    }
  }
  for (const p of search.eachWithin()) {
    pending.push({ x: rows[p.a]!.id, y: rows[p.b]!.id, ...p.match });
    if (pending.length >= PAIR_BATCH) await flush(PAIR_BATCH);
  }
  await flush(1);
  options.onProgress?.('compared', rows.length, rows.length);
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await repo.insertBeneficiaries(trx, organisationId, rows.slice(i, i + WRITE_BATCH), options.registeredBy);
    options.onProgress?.('written', Math.min(rows.length, i + WRITE_BATCH), rows.length);
  }
  return { created: rows.length, pairs: queued };
}
