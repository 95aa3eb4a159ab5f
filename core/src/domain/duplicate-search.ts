/**
 * Probable duplicates of many new codes at once (a file import): exactly the pairs the
 * one-code check proposes — a code of `neighbourCodes(new)` that `compareCodes` accepts —
 * found set-based instead of code by code.
 *
 * Such a pair differs in one part only, or by its two parents' parts swapped. So each new
 * code is filed under blocking keys: for each part, the code with that part masked; and
 * the code with its two parents' parts put in order. Two codes meet under a key only when
 * they may be neighbours, and only they are compared: the work grows with the codes, not
 * with their neighbourhoods (hundreds of codes each).
 */
import { codeLength, compareCodes, comparePart, componentLength, partNeighbourSet, splitCode, type CodeScheme, type Match } from './code-scheme.ts';

/** A pair of two new codes (indices into the codes given), the first lower. */
export interface NewPair {
  a: number;
  b: number;
  match: Match;
}

/** A new code (index) and an existing record whose code is in its neighbourhood. */
export interface ExistingPair<T> {
  fresh: number;
  other: T;
  match: Match;
}

/** Above this many codes under one key, neighbours are looked up rather than every pair compared. */
const PAIRWISE_LIMIT = 48;

export function createDuplicateSearch(scheme: CodeScheme, codes: readonly string[]) {
  const components = scheme.components;
  const length = codeLength(scheme);
  const names = components.map((c, i) => (c.kind === 'name' ? i : -1)).filter((i) => i >= 0);
  // The parents-swapped neighbour exists only between two name parts of the same length (swappedNamesCode).
  const swap = names.length >= 2 && componentLength(components[names[0]!]!) === componentLength(components[names[1]!]!) ? ([names[0]!, names[1]!] as const) : null;
  const parts = codes.map((c) => splitCode(scheme, c));
  const masked = (p: readonly string[], i: number) => p.map((v, j) => (j === i ? '' : v)).join('|');
  const swapKey = (p: readonly string[]) => {
    if (!swap || p[swap[0]] === p[swap[1]]) return null;
    const [x, y] = p[swap[0]]! < p[swap[1]]! ? [p[swap[0]]!, p[swap[1]]!] : [p[swap[1]]!, p[swap[0]]!];
    return p.map((v, j) => (j === swap[0] ? x : j === swap[1] ? y : v)).join('|');
  };
  // Each part's neighbourhoods, by value, held here: asked millions of times in a large file.
  const hoods = components.map(() => new Map<string, ReadonlySet<string>>());
  const hood = (i: number, value: string) => {
    let found = hoods[i]!.get(value);
    if (!found) hoods[i]!.set(value, (found = partNeighbourSet(components[i]!, value)));
    return found;
  };
  /** Does part `i` of code `x`'s neighbourhood hold `value`? */
  const near = (x: number, i: number, value: string) => hood(i, parts[x]![i]!).has(value);
  // Two codes under one masked key differ in that part only: their match is the part's, by its two
  // values, kept here (a large file compares the same few thousand value pairs millions of times).
  const partMatches = components.map(() => new Map<string, Match | null>());
  const partMatch = (i: number, x: string, y: string) => {
    const key = `${x}|${y}`;
    let found = partMatches[i]!.get(key);
    if (found === undefined) partMatches[i]!.set(key, (found = comparePart(components[i]!, x, y)));
    return found;
  };

  // Key → the new codes filed under it (one number when alone: most keys hold one code).
  const blocks = components.map(() => new Map<string, number | number[]>());
  const swapped = new Map<string, number | number[]>();
  const file = (map: Map<string, number | number[]>, key: string, x: number) => {
    const held = map.get(key);
    if (held === undefined) map.set(key, x);
    else if (typeof held === 'number') map.set(key, [held, x]);
    else held.push(x);
  };
  parts.forEach((p, x) => {
    components.forEach((_, i) => file(blocks[i]!, masked(p, i), x));
    const k = swapKey(p);
    if (k !== null) file(swapped, k, x);
  });
  const members = (held: number | number[] | undefined): readonly number[] => (held === undefined ? [] : typeof held === 'number' ? [held] : held);

  /** Pairs of new codes one at a time (see within): a large file's pairs need not be held at once. */
  function* eachWithin(): Generator<NewPair> {
    const pair = (x: number, y: number, i: number | null): NewPair | null => {
      const match = i === null ? compareCodes(scheme, codes[x]!, codes[y]!) : partMatch(i, parts[x]![i]!, parts[y]![i]!);
      return match ? (x < y ? { a: x, b: y, match } : { a: y, b: x, match }) : null;
    };
    for (let i = 0; i < components.length; i++) {
      for (const held of blocks[i]!.values()) {
        if (typeof held === 'number') continue;
        // Codes under one masked key differ in part i only.
        if (held.length <= PAIRWISE_LIMIT) {
          for (let s = 0; s < held.length; s++) {
            for (let t = s + 1; t < held.length; t++) {
              const [x, y] = [held[s]!, held[t]!];
              if (near(x, i, parts[y]![i]!) || near(y, i, parts[x]![i]!)) {
                const p = pair(x, y, i);
                if (p) yield p;
              }
            }
          }
          continue;
        }
        const byValue = new Map(held.map((x) => [parts[x]![i]!, x]));
        for (const x of held) {
          for (const v of hood(i, parts[x]![i]!)) {
            const y = byValue.get(v);
            if (y === undefined) continue;
            // Found from x's side; when y < x, only if y's side did not find it already.
            if (y > x || !near(y, i, parts[x]![i]!)) {
              const p = pair(x, y, i);
              if (p) yield p;
            }
          }
        }
      }
    }
    for (const held of swapped.values()) {
      if (typeof held === 'number') continue;
      for (let s = 0; s < held.length; s++) {
        for (let t = s + 1; t < held.length; t++) {
          const p = pair(held[s]!, held[t]!, null);
          if (p) yield p;
        }
      }
    }
  }

  return {
    /** Pairs of new codes: one is in the other's neighbourhood (either way) and compareCodes accepts them. */
    within(): NewPair[] {
      return [...eachWithin()];
    },

    /** The same pairs one at a time: a large file's pairs need not be held at once (millions for a million codes). */
    eachWithin,

    /** Pairs of a new code and an existing record (not one of the new codes) in its neighbourhood. */
    against<T extends { code: string }>(existing: Iterable<T>): ExistingPair<T>[] {
      const out: ExistingPair<T>[] = [];
      for (const other of existing) {
        if (other.code.length !== length) continue; // a code of another scheme is nobody's neighbour
        const p = splitCode(scheme, other.code);
        components.forEach((_, i) => {
          for (const x of members(blocks[i]!.get(masked(p, i)))) {
            if (!near(x, i, p[i]!)) continue;
            const match = partMatch(i, parts[x]![i]!, p[i]!);
            if (match) out.push({ fresh: x, other, match });
          }
        });
        const k = swapKey(p);
        if (k === null) continue;
        for (const x of members(swapped.get(k))) {
          if (codes[x] === other.code) continue;
          const match = compareCodes(scheme, codes[x]!, other.code);
          if (match) out.push({ fresh: x, other, match });
        }
      }
      return out;
    },
  };
}


/**
 * How many probable duplicates a new record queues for review, at most: its closest (ADR 0032).
 * A reviewer works through a person's few likeliest matches; the rest of a crowded
 * neighbourhood (eight a person with two-letter names) only buries them.
 */
export const PAIRS_PER_NEW_RECORD = 5;

/** A candidate as the review queue orders it: likeliest first, then by code; the one order on every path. */
export interface RankedCandidate {
  code: string;
  match: Match;
}

/** Orders candidates likeliest first, ties by code (plain code order, the same in every locale). */
export function closestFirst(a: RankedCandidate, b: RankedCandidate): number {
  return b.match.score - a.match.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The closest candidates of one record: the first `limit` in `closestFirst` order. */
export function closestOf<T extends RankedCandidate>(candidates: readonly T[], limit = PAIRS_PER_NEW_RECORD): T[] {
  return [...candidates].sort(closestFirst).slice(0, limit);
}

/**
 * The closest candidates of each of `count` new records (by index), at most `limit` each, kept as
 * candidates are offered one at a time in any order — the same ones `closestOf` keeps from all of
 * a record's candidates. A million records' candidates are never held at once.
 */
export function createClosestCandidates<T extends RankedCandidate>(count: number, limit = PAIRS_PER_NEW_RECORD) {
  const held = new Uint8Array(count);
  const slots: (T | undefined)[] = new Array<T | undefined>(count * limit);
  return {
    /** Offers record `x` a candidate: kept when among its `limit` closest so far. */
    offer(x: number, candidate: T): void {
      const base = x * limit;
      const n = held[x]!;
      if (n === limit && closestFirst(candidate, slots[base + n - 1]!) >= 0) return;
      let j = n === limit ? n - 1 : n;
      if (n < limit) held[x] = n + 1;
      for (; j > 0 && closestFirst(candidate, slots[base + j - 1]!) < 0; j--) slots[base + j] = slots[base + j - 1];
      slots[base + j] = candidate;
    },
    /** The candidates kept, record by record, closest first. */
    *kept(): Generator<{ fresh: number; candidate: T }> {
      for (let x = 0; x < count; x++) for (let j = 0; j < held[x]!; j++) yield { fresh: x, candidate: slots[x * limit + j]! };
    },
  };
}
