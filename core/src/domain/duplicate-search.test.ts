import { describe, expect, it } from 'vitest';
import { buildCode, compareCodes, defaultCodeScheme, neighbourCodes, type CodeScheme } from './code-scheme.ts';
import { closestOf, createClosestCandidates, createDuplicateSearch, PAIRS_PER_NEW_RECORD } from './duplicate-search.ts';
import { seededRandom } from '../seeded-random.ts';

/** Codes from small alphabets, so that many are neighbours (one letter, spelling, unknown parts, swapped parents…). */
function denseCodes(scheme: CodeScheme, n: number, seed: number, names: readonly string[]): string[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const out = new Set<string>();
  while (out.size < n) {
    out.add(
      buildCode(scheme, {
        mother_first_name: pick(names),
        father_first_name: pick(names),
        first_name: pick(names),
        birth_year: random() < 0.1 ? null : pick([1985, 1986, 1958, 1995, 1990]),
        birth_day: pick([null, 10]),
        sex: pick(['F', 'M', 'T'] as const),
        district: pick(['A1', 'A2']),
      }),
    );
  }
  return [...out];
}

const show = (a: string, b: string, m: { score: number; reasons: unknown }) => `${a} ${b} ${m.score} ${JSON.stringify(m.reasons)}`;

/** What the one-code check finds, code by code: neighbourCodes looked up, then compareCodes. */
function oneByOne(scheme: CodeScheme, fresh: string[], existing: string[]) {
  const freshSet = new Set(fresh);
  const existingSet = new Set(existing);
  const within = new Set<string>();
  const against: string[] = [];
  for (const p of fresh) {
    for (const n of neighbourCodes(scheme, p)) {
      const match = compareCodes(scheme, p, n);
      if (!match) continue;
      if (freshSet.has(n)) within.add(p < n ? show(p, n, match) : show(n, p, match));
      if (existingSet.has(n)) against.push(show(p, n, match));
    }
  }
  return { within: [...within].sort(), against: against.sort() };
}

function setBased(scheme: CodeScheme, fresh: string[], existing: string[]) {
  const search = createDuplicateSearch(scheme, fresh);
  return {
    within: search
      .within()
      .map((p) => (fresh[p.a]! < fresh[p.b]! ? show(fresh[p.a]!, fresh[p.b]!, p.match) : show(fresh[p.b]!, fresh[p.a]!, p.match)))
      .sort(),
    against: search
      .against(existing.map((code) => ({ code })))
      .map((p) => show(fresh[p.fresh]!, p.other.code, p.match))
      .sort(),
  };
}

describe('probable duplicates of many codes at once', () => {
  const schemes: Record<string, { scheme: CodeScheme; names: string[] }> = {
    default: { scheme: defaultCodeScheme, names: ['FA', 'FE', 'FI', 'MO', 'MA', 'OM', 'KA', 'QA', 'KH', '', 'ZA', 'SA'] },
    // Three-letter names (whose neighbourhoods are not symmetric), a day, a district.
    wider: {
      names: ['MOH', 'MAH', 'MHO', 'FAT', 'FAD', 'FTA', 'KAD', 'QAD', ''],
      scheme: { components: [
        { kind: 'name', attribute: 'mother_first_name', letters: 3 },
        { kind: 'name', attribute: 'father_first_name', letters: 3 },
        { kind: 'name', attribute: 'first_name', letters: 2 },
        { kind: 'birth_year', digits: 2 },
        { kind: 'birth_day' },
        { kind: 'sex' },
        { kind: 'district', length: 2 },
      ] },
    },
  };
  for (const [name, { scheme, names }] of Object.entries(schemes)) {
    it(`finds exactly the pairs of the one-code check, within the file and against the registry (${name} scheme)`, () => {
      const all = denseCodes(scheme, 1000, name.length, names);
      const [fresh, existing] = [all.slice(0, 600), all.slice(600)];
      const expected = oneByOne(scheme, fresh, existing);
      expect(expected.within.length).toBeGreaterThan(50);
      expect(expected.against.length).toBeGreaterThan(50);
      expect(setBased(scheme, fresh, existing)).toEqual(expected);
    });
  }

  it('compares crowded keys by looking neighbours up, with the same result', () => {
    // Every father's part under one masked key: far above the pairwise limit.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const fresh = [...letters].flatMap((a) => [...'AEIOUX'].map((b) => `FA${a}${b}1985F`));
    expect(setBased(defaultCodeScheme, fresh, [])).toEqual(oneByOne(defaultCodeScheme, fresh, []));
  });

  it('keeps each new record\'s closest candidates as they come, in any order, as sorting them all would', () => {
    const all = denseCodes(defaultCodeScheme, 400, 3, ['FA', 'FE', 'MO', 'MA', 'KA', 'QA', '']);
    const [fresh, existing] = [all.slice(0, 200), all.slice(200)];
    const search = createDuplicateSearch(defaultCodeScheme, fresh);
    const offers = [
      ...search.against(existing.map((code) => ({ code }))).map((p) => ({ x: p.fresh, code: p.other.code, match: p.match })),
      ...search.within().map((p) => ({ x: p.b, code: fresh[p.a]!, match: p.match })),
    ];
    const random = seededRandom(11);
    const shuffled = offers.map((o) => ({ o, k: random() })).sort((a, b) => a.k - b.k).map((s) => s.o);
    const closest = createClosestCandidates<{ code: string; match: (typeof offers)[number]['match'] }>(fresh.length);
    for (const o of shuffled) closest.offer(o.x, { code: o.code, match: o.match });
    const kept = [...closest.kept()].map((k) => `${fresh[k.fresh]} ${k.candidate.code}`);
    const expected = fresh.flatMap((code, x) => closestOf(offers.filter((o) => o.x === x)).map((o) => `${code} ${o.code}`));
    expect(kept).toEqual(expected);
    // The file is crowded: some records had more candidates than they keep.
    expect(fresh.some((_, x) => offers.filter((o) => o.x === x).length > PAIRS_PER_NEW_RECORD)).toBe(true);
    expect(kept.length).toBeLessThan(offers.length);
  });
});
