import { createClosestCandidates, createDuplicateSearch, neighbourCodes, type CodeScheme, type Match } from '@relais/core';
import { setImmediate as yieldTurn } from 'node:timers/promises';
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
/** Pairs offered between two turns of the event loop while the records are written. */
const YIELD_EVERY = 20_000;

export type RegisterManyPhase = 'compared' | 'written' | 'queued';

export interface RegisterManyOptions {
  registeredBy: string | null;
  /** Chosen by the number of new codes unless given (tests run both). */
  lookup?: CandidateLookup;
  /** Progress: 'written' per batch of records (written while the file is searched), 'compared' once the pairs are found, then 'queued' per batch of pairs written. */
  onProgress?: (phase: RegisterManyPhase, done: number, total: number) => void;
}

/**
 * Registers many new records at once (imports), inside the caller's transaction: written in
 * bulk, and their probable duplicates — with each other and with the registry's active
 * records — queued for the coordinators' review. The pairs are those the one-code check
 * finds (ADR 0016), searched set-based: in memory within the batch, and against the
 * registry either through the code index (few codes) or in one walk of its codes. Each new
 * record queues its closest few (ADR 0032), as registering the rows one by one in their
 * order would: a record's candidates are the registry's and the records before it.
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
  const closest = createClosestCandidates<{ code: string; match: Match; id: string }>(rows.length);
  // Against the registry as it stands before these records are written.
  const lookup = options.lookup ?? (rows.length <= NEIGHBOUR_LOOKUP_MAX ? 'neighbours' : 'walk');
  const collect = (candidates: { id: string; code: string }[]) => {
    for (const p of search.against(candidates)) closest.offer(p.fresh, { code: p.other.code, match: p.match, id: p.other.id });
  };
  if (lookup === 'neighbours') {
    const seen = new Set<string>(); // a record near codes of two batches is compared once (with every new code)
    for (let i = 0; i < codes.length; i += LOOKUP_BATCH) {
      const near = [...new Set(codes.slice(i, i + LOOKUP_BATCH).flatMap((c) => neighbourCodes(scheme, c)))].filter((c) => !seen.has(c));
      for (const c of near) seen.add(c);
      collect(await repo.activeByCodes(trx, organisationId, near));
    }
  } else {
    for (let after = ''; ; ) {
      const page = await repo.activeCodesAfter(trx, organisationId, after, WALK_PAGE);
      collect(page);
      if (page.length < WALK_PAGE) break;
      after = page[page.length - 1]!.code;
    }
  }
  // The registry read, the records are written while the file is searched in memory: the database
  // (a server, or the embedded engine's worker thread) and this thread work at once.
  // In code order: the code's two indexes are then filled page after page, not at random.
  const byCode = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const writing = (async () => {
    for (let i = 0; i < byCode.length; i += WRITE_BATCH) {
      await repo.insertBeneficiaries(trx, organisationId, byCode.slice(i, i + WRITE_BATCH), options.registeredBy);
      options.onProgress?.('written', Math.min(rows.length, i + WRITE_BATCH), rows.length);
    }
  })();
  writing.catch(() => undefined); // awaited below: its failure fails the import
  // Within the file, a pair is the later record's candidate: the earlier one was registered first.
  let offered = 0;
  for (const p of search.eachWithin()) {
    closest.offer(p.b, { code: codes[p.a]!, match: p.match, id: rows[p.a]!.id });
    if (++offered % YIELD_EVERY === 0) await yieldTurn(); // lets the next batch of records go
  }
  options.onProgress?.('compared', rows.length, rows.length);
  await writing;
  // One batch of pairs in the database while the next is prepared, in the order of their first
  // record's id: the pairs' indexes are then filled page after page, not at random (ADR 0032).
  const order = orderByFirstId(closest.kept(), (k) => rows[k.fresh]!.id, (k) => k.candidate.id);
  let queued = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (batch: repo.OpenPair[]) => {
    await inFlight;
    inFlight = repo.insertNewPairs(trx, organisationId, batch).then(() => {
      queued += batch.length;
      options.onProgress?.('queued', queued, queued);
    });
    inFlight.catch(() => undefined); // awaited by the next send or below
  };
  let pending: repo.OpenPair[] = [];
  for (const { fresh, candidate } of order) {
    pending.push({ x: rows[fresh]!.id, y: candidate.id, score: candidate.match.score, reasons: candidate.match.reasons });
    if (pending.length < PAIR_BATCH) continue;
    await send(pending);
    pending = [];
  }
  await send(pending);
  await inFlight;
  return { created: rows.length, pairs: queued };
}

/** The first four hex digits of a UUID: 65,536 buckets, each a few pages of an index on it. */
function idBucket(id: string): number {
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const c = id.charCodeAt(i);
    n = n * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  return n;
}

/**
 * The items in the order of the smaller of their two ids (a pair's `a_id`), by a counting sort on
 * its first four hex digits: linear, and enough that consecutive inserts land on the same few
 * index pages. Writing 5 million pairs in this order took half the CPU of writing them as found.
 */
function orderByFirstId<T>(items: Iterable<T>, x: (item: T) => string, y: (item: T) => string): T[] {
  const all = [...items];
  const buckets = new Uint32Array(all.length);
  const starts = new Uint32Array(65_537);
  for (let i = 0; i < all.length; i++) {
    const a = x(all[i]!);
    const b = y(all[i]!);
    const k = idBucket(a < b ? a : b);
    buckets[i] = k;
    starts[k + 1]!++;
  }
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const out = new Array<T>(all.length);
  for (let i = 0; i < all.length; i++) out[starts[buckets[i]!]!++] = all[i]!;
  return out;
}
