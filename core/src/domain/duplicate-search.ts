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
import { codeLength, compareCodes, componentLength, partNeighbourSet, splitCode, type CodeScheme, type Match } from './code-scheme.ts';

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
    const pair = (x: number, y: number): NewPair | null => {
      const match = compareCodes(scheme, codes[x]!, codes[y]!);
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
                const p = pair(x, y);
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
              const p = pair(x, y);
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
          const p = pair(held[s]!, held[t]!);
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
            const match = compareCodes(scheme, codes[x]!, other.code);
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

