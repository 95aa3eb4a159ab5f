import { describe, expect, it } from 'vitest';
import {
  buildCode,
  checkCode,
  compareCodes,
  defaultCodeScheme as scheme,
  editDistance,
  indexKnownCodes,
  knownNeighbourCodes,
  neighbourCodes,
  normaliseName,
  swappedNamesCode,
  type CodeScheme,
} from './code-scheme.ts';

describe('normalising names', () => {
  it('upper-cases, removes accents, spaces, hyphens and apostrophes', () => {
    expect(normaliseName('  fatima-zahra ')).toBe('FATIMAZAHRA');
    expect(normaliseName('Hélène')).toBe('HELENE');
    expect(normaliseName("M'barka")).toBe('MBARKA');
    expect(normaliseName('Œdipe')).toBe('OEDIPE');
  });

  it('drops honorifics and particles when a name follows', () => {
    expect(normaliseName('Lalla Fatima')).toBe('FATIMA');
    expect(normaliseName('Moulay Ahmed')).toBe('AHMED');
    expect(normaliseName('El Hassan')).toBe('HASSAN');
    expect(normaliseName('Ben Ali')).toBe('ALI');
    expect(normaliseName('Elham')).toBe('ELHAM'); // not a separate particle
    expect(normaliseName('El')).toBe('EL'); // nothing follows: kept
  });

  it('transliterates Arabic script as French spelling writes it (transliteration.test.ts has the names)', () => {
    expect(normaliseName('فاطمة')).toBe('FATIMA');
    expect(normaliseName('مُحَمَّد')).toBe('MOHAMED'); // harakat ignored for a known name
    expect(normaliseName('لالة فاطمة')).toBe('FATIMA'); // the honorific dropped, in Arabic too
  });

  it('treats empty input as unknown', () => {
    expect(normaliseName('')).toBe('');
    expect(normaliseName(' - ')).toBe('');
    expect(normaliseName(null)).toBe('');
  });
});

describe('building a code with the default scheme', () => {
  it('takes two letters of each parent, the year and the sex letter', () => {
    expect(buildCode(scheme, { mother_first_name: 'Fatima', father_first_name: 'Mohamed', birth_year: 1985, sex: 'F' })).toBe('FAMO1985F');
  });

  it('builds the same parent letters from French and Arabic spellings where the letters agree', () => {
    expect(buildCode(scheme, { mother_first_name: 'فاطمة', father_first_name: 'Mohamed', birth_year: 1985, sex: 'F' })).toBe('FAMO1985F');
    expect(buildCode(scheme, { mother_first_name: 'Khadija', father_first_name: 'Lalla Zineb', birth_year: 2001, sex: 'T' })).toBe('KHZI2001T');
  });

  it('uses XX for an unknown parent and 9999 for an unknown year', () => {
    expect(buildCode(scheme, { mother_first_name: 'Amina', father_first_name: '', birth_year: null, sex: 'M' })).toBe('AMXX9999M');
  });

  it('expresses other schemes by configuration', () => {
    const surnameDayYear: CodeScheme = {
      components: [{ kind: 'name', attribute: 'surname', letters: 3 }, { kind: 'birth_day' }, { kind: 'birth_year', digits: 2 }, { kind: 'birth_order', digits: 1 }, { kind: 'district', length: 3 }],
    };
    expect(buildCode(surnameDayYear, { surname: 'El Alaoui', birth_day: 7, birth_year: 1993, birth_order: 2, district: 'cas' })).toBe('ALA07932CAS');
    expect(checkCode(surnameDayYear, 'ALA07932CAS')).toEqual({ ok: true, code: 'ALA07932CAS', parts: ['ALA', '07', '93', '2', 'CAS'] });
  });
});

describe('checking a typed code', () => {
  it('accepts a well-formed code, whatever the case and spacing', () => {
    expect(checkCode(scheme, ' famo 1985 f', 2026)).toEqual({ ok: true, code: 'FAMO1985F', parts: ['FA', 'MO', '1985', 'F'] });
    expect(checkCode(scheme, 'XXXX9999T', 2026).ok).toBe(true);
  });

  it('says which part is wrong and where', () => {
    expect(checkCode(scheme, 'FAMO1985', 2026)).toEqual({ ok: false, problems: [{ code: 'wrong_length', expected: 9, actual: 8, example: 'FAMO1985F' }] });
    expect(checkCode(scheme, 'F4MO1985F', 2026)).toEqual({ ok: false, problems: [{ code: 'letters_only', part: 'mother_first_name', from: 1, to: 2, value: 'F4', example: 'FA' }] });
    expect(checkCode(scheme, 'FAMO19A5F', 2026)).toEqual({ ok: false, problems: [{ code: 'digits_only', part: 'birth_year', from: 5, to: 8, value: '19A5', example: '1985' }] });
    expect(checkCode(scheme, 'FAMO2045F', 2026)).toEqual({ ok: false, problems: [{ code: 'invalid_year', part: 'birth_year', from: 5, to: 8, value: '2045', example: '1985' }] });
    expect(checkCode(scheme, 'FAMO1985W', 2026)).toEqual({ ok: false, problems: [{ code: 'sex_letter', part: 'sex', from: 9, to: 9, value: 'W', example: 'F' }] });
    expect(checkCode(scheme, '', 2026)).toEqual({ ok: false, problems: [{ code: 'empty', example: 'FAMO1985F' }] });
  });

  it('says the code is written in Latin letters when Arabic letters are typed, and reads Arabic-Indic digits', () => {
    expect(checkCode(scheme, 'فا', 2026)).toEqual({ ok: false, problems: [{ code: 'latin_script', example: 'FAMO1985F' }] });
    expect(checkCode(scheme, 'FAمو1985F', 2026)).toEqual({ ok: false, problems: [{ code: 'latin_script', example: 'FAMO1985F' }] });
    expect(checkCode(scheme, 'FAMO١٩٨٥F', 2026)).toEqual({ ok: true, code: 'FAMO1985F', parts: ['FA', 'MO', '1985', 'F'] });
  });
});

describe('near-duplicates', () => {
  const reasonsOf = (a: string, b: string) => compareCodes(scheme, a, b)?.reasons.map((r) => `${r.kind}${r.part ? `:${r.part}` : ''}`);

  it('finds and explains each kind of error', () => {
    expect(reasonsOf('FAMO1985F', 'FEMO1985F')).toEqual(['spelling_variant:mother_first_name']);
    expect(reasonsOf('FAMO1985F', 'FAMI1985F')).toEqual(['spelling_variant:father_first_name']);
    expect(reasonsOf('FAMO1985F', 'FRMO1985F')).toEqual(['one_letter:mother_first_name']);
    expect(reasonsOf('FAMO1985F', 'AFMO1985F')).toEqual(['letters_swapped:mother_first_name']);
    expect(reasonsOf('FAMO1985F', 'MOFA1985F')).toEqual(['parents_swapped']);
    expect(reasonsOf('FAMO1985F', 'FAMO1986F')).toEqual(['year_off_by_one:birth_year']);
    expect(reasonsOf('FAMO1985F', 'FAMO1958F')).toEqual(['year_digits_swapped:birth_year']);
    expect(reasonsOf('FAMO1985F', 'FAMO1975F')).toEqual(['year_one_digit:birth_year']);
    expect(reasonsOf('FAMO1985F', 'FAMO1985T')).toEqual(['sex_differs:sex']);
    expect(reasonsOf('FAMO1985F', 'XXMO1985F')).toEqual(['part_unknown:mother_first_name']);
    expect(reasonsOf('FAMO1985F', 'FAMO9999F')).toEqual(['part_unknown:birth_year']);
    expect(reasonsOf('WAMO1985F', 'OUMO1985F')).toEqual(['spelling_variant:mother_first_name']); // Wafae / Ouafae
    expect(reasonsOf('KAMO1985F', 'QAMO1985F')).toEqual(['spelling_variant:mother_first_name']); // Kadija / Qadija
    expect(reasonsOf('FAMO1985F', 'FAMU1985F')).toEqual(['spelling_variant:father_first_name']); // Mohamed / Muhammad
    expect(reasonsOf('FAOU1985F', 'FAUS1985F')).toEqual(['spelling_variant:father_first_name']); // Oussama / Usama
    expect(reasonsOf('FAID1985F', 'FADR1985F')).toEqual(['spelling_variant:father_first_name']); // Idriss / Driss
    expect(reasonsOf('FADJ1985F', 'FAJA1985F')).toEqual(['spelling_variant:father_first_name']); // Djamal / Jamal
  });

  it('knows a letter left out by another spelling in longer name parts, and enumerates it', () => {
    const four: CodeScheme = { components: [{ kind: 'name', attribute: 'first_name', letters: 4 }, { kind: 'birth_year', digits: 4 }] };
    for (const [a, b] of [['MOHA1985', 'MHAM1985'], ['NOUR1985', 'NURE1985'], ['DJAM1985', 'JAMA1985'], ['IDRI1985', 'DRIS1985'], ['CHAI1985', 'SHAI1985']] as const) {
      expect(compareCodes(four, a, b), `${a} ~ ${b}`).not.toBeNull();
      expect(neighbourCodes(four, a), `${a} → ${b}`).toContain(b);
      expect(neighbourCodes(four, b), `${b} → ${a}`).toContain(a);
    }
    expect(compareCodes(four, 'MOHA1985', 'KARI1985')).toBeNull();
  });

  it('does not propose codes that differ in two parts, or too much in one', () => {
    expect(compareCodes(scheme, 'FAMO1985F', 'FEMO1986F')).toBeNull();
    expect(compareCodes(scheme, 'FAMO1985F', 'ZOMO1985F')).toBeNull();
    expect(compareCodes(scheme, 'FAMO1985F', 'FAMO1962F')).toBeNull();
  });

  it('ranks likelier errors higher', () => {
    const score = (b: string) => compareCodes(scheme, 'FAMO1985F', b)!.score;
    expect(score('FAMO1985F')).toBe(1);
    expect(score('MOFA1985F')).toBeGreaterThan(score('FRMO1985F'));
    expect(score('FAMO1986F')).toBeGreaterThan(score('FAMO1975F'));
  });

  it('enumerates exactly the neighbourhood the comparator accepts', () => {
    const next = (() => {
      let seed = 42;
      return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const randomCode = () =>
      `${letters[Math.floor(next() * 26)]}${letters[Math.floor(next() * 26)]}${letters[Math.floor(next() * 26)]}${letters[Math.floor(next() * 26)]}${1950 + Math.floor(next() * 60)}${'FMT'[Math.floor(next() * 3)]}`;
    for (let i = 0; i < 200; i++) {
      const code = randomCode();
      const neighbours = new Set(neighbourCodes(scheme, code));
      expect(neighbours.has(code)).toBe(false);
      for (const n of neighbours) expect(compareCodes(scheme, code, n), `${code} ~ ${n}`).not.toBeNull();
      // Every code the comparator would propose is in the neighbourhood (tested on one-part changes and swaps).
      for (let j = 0; j < 50; j++) {
        const other = randomCode();
        const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 8), code.slice(8)];
        const o = [other.slice(0, 2), other.slice(2, 4), other.slice(4, 8), other.slice(8)];
        const k = Math.floor(next() * 4);
        const candidate = parts.map((p, idx) => (idx === k ? o[idx] : p)).join('');
        if (candidate !== code && compareCodes(scheme, code, candidate)) expect(neighbours.has(candidate), `${code} ~ ${candidate}`).toBe(true);
      }
    }
    expect(neighbourCodes(scheme, 'FAMO1985F')).toEqual(expect.arrayContaining(['FEMO1985F', 'AFMO1985F', 'XXMO1985F', 'FAMO1986F', 'FAMO1958F', 'FAMO9999F', 'FAMO1985T', 'MOFA1985F']));
    expect(neighbourCodes(scheme, 'FAMO9999F')).toEqual(expect.arrayContaining(['FAMO1985F', 'FAMO2001F']));
    expect(neighbourCodes(scheme, 'XXMO1985F')).toEqual(expect.arrayContaining(['FAMO1985F', 'KHMO1985F']));
    expect(swappedNamesCode(scheme, 'FAMO1985F')).toBe('MOFA1985F');
    expect(swappedNamesCode(scheme, 'FAFA1985F')).toBeNull();
  });

  it('finds among known codes exactly the neighbours neighbourCodes would look up (the offline check)', () => {
    const next = (() => {
      let seed = 7;
      return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    // A small alphabet and few years, so that known codes are often one part apart; unknown parts too.
    const pick = (s: string) => s[Math.floor(next() * s.length)]!;
    const name = () => (next() < 0.05 ? 'XX' : `${pick('AFHKMOQW')}${pick('AEIOUHD')}`);
    const randomCode = () => `${name()}${name()}${next() < 0.05 ? '9999' : 1980 + Math.floor(next() * 8)}${pick('FMT')}`;
    const known = new Set(Array.from({ length: 3000 }, randomCode));
    const index = indexKnownCodes(scheme, known);
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const code = i < 100 ? [...known][i * 7]! : randomCode();
      const expected = neighbourCodes(scheme, code).filter((c) => known.has(c)).sort();
      expect(knownNeighbourCodes(index, code).sort(), code).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(300); // the known codes really were neighbours of the typed ones
    expect(knownNeighbourCodes(indexKnownCodes(scheme, ['MOFA1985F', 'FEMO1985F', 'FAMO1985F', 'ZOZO1985F']), 'FAMO1985F').sort()).toEqual(['FEMO1985F', 'MOFA1985F']);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('FA', 'AF')).toBe(1);
    expect(editDistance('1985', '1958')).toBe(1);
    expect(editDistance('ABC', 'ABC')).toBe(0);
    expect(editDistance('KH', 'HA')).toBe(2);
  });
});
