/**
 * The *code unique*: a pseudonymous identifier built from personal attributes.
 * Pure, shared by the server and the browser: the attributes used to build a
 * code stay in the browser; only the code is sent and stored.
 *
 * A scheme is an ordered list of components. The default (see
 * docs/code-unique.md): first two letters of the mother's first name + first
 * two letters of the father's first name + four-digit birth year + sex letter
 * (F, M or T), e.g. `FAMO1985F`.
 */
import { joinArabicCompounds, transliterateArabicName } from './transliteration.ts';

/** Letters of the Arabic script (a code is written in Latin letters; names may come in Arabic). */
export const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

export const nameAttributes = ['mother_first_name', 'father_first_name', 'first_name', 'surname'] as const;
export type NameAttribute = (typeof nameAttributes)[number];

export type CodeComponent =
  /** The first `letters` letters of a normalised name; unknown → `X` repeated. */
  | { kind: 'name'; attribute: NameAttribute; letters: number }
  /** Birth year in 4 or 2 digits; unknown → `9999` / `99`. */
  | { kind: 'birth_year'; digits: 2 | 4 }
  /** Day (01–31) or month (01–12) of birth; unknown → `00`. */
  | { kind: 'birth_day' }
  | { kind: 'birth_month' }
  /** F, M or T. */
  | { kind: 'sex' }
  /** Rank among the mother's children, in 1 or 2 digits; unknown → 0s. */
  | { kind: 'birth_order'; digits: 1 | 2 }
  /** A district (or site) code of fixed length, letters and digits. */
  | { kind: 'district'; length: number };

export interface CodeScheme {
  components: CodeComponent[];
}

export const defaultCodeScheme: CodeScheme = {
  components: [
    { kind: 'name', attribute: 'mother_first_name', letters: 2 },
    { kind: 'name', attribute: 'father_first_name', letters: 2 },
    { kind: 'birth_year', digits: 4 },
    { kind: 'sex' },
  ],
};

export const codeSexLetters = ['F', 'M', 'T'] as const;
export type CodeSexLetter = (typeof codeSexLetters)[number];

/** What the code helper asks for; never leaves the browser. */
export interface CodeAttributes {
  mother_first_name?: string | null;
  father_first_name?: string | null;
  first_name?: string | null;
  surname?: string | null;
  birth_year?: number | null;
  birth_day?: number | null;
  birth_month?: number | null;
  sex?: CodeSexLetter | null;
  birth_order?: number | null;
  district?: string | null;
}

/** Number of characters a component takes in the code. */
export function componentLength(c: CodeComponent): number {
  switch (c.kind) {
    case 'name':
      return c.letters;
    case 'birth_year':
      return c.digits;
    case 'birth_day':
    case 'birth_month':
      return 2;
    case 'sex':
      return 1;
    case 'birth_order':
      return c.digits;
    case 'district':
      return c.length;
  }
}

/** A stable name of a component, for messages and part labels (`code_part.<label>`). */
export function componentLabel(c: CodeComponent): string {
  return c.kind === 'name' ? c.attribute : c.kind;
}

export function codeLength(scheme: CodeScheme): number {
  return scheme.components.reduce((n, c) => n + componentLength(c), 0);
}

// ---------------------------------------------------------------------------
// Normalisation of names

/**
 * Honorifics, articles and particles dropped when another word follows
 * (`Lalla Fatima` → FATIMA, `El Hassan` → HASSAN, `Ben Ali` → ALI).
 */
export const namePrefixes: readonly string[] = [
  'LALLA', 'LALA', 'MOULAY', 'MOULAYE', 'SIDI', 'SI', 'HAJ', 'HAJJ', 'HADJ', 'HAJJA', 'HADJA',
  'EL', 'AL', 'BEN', 'BENT', 'BINT', 'BNI', 'AIT', 'OULD', 'DE', 'DU', 'DES', 'LE', 'LA', 'D', 'L',
];

const separators = /[\s\-‐‑–—'’‘`´ʼ_.]+/u;

/**
 * Normalises a name for a code: Arabic transliterated as French spelling writes it
 * (transliteration.ts: فاطمة → FATIMA), upper case, accents
 * removed, prefixes dropped, spaces, hyphens and apostrophes removed. Returns
 * '' when nothing usable is left (an unknown name).
 */
export function normaliseName(raw: string | null | undefined): string {
  if (!raw) return '';
  const words = joinArabicCompounds(raw.trim())
    .split(separators)
    .filter(Boolean)
    .map((w) => (arabicScript.test(w) ? transliterateArabicName(w) : w))
    .map((w) =>
      w
        .replace(/[Œœ]/g, 'OE')
        .replace(/[Ææ]/g, 'AE')
        .replace(/ß/g, 'SS')
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toUpperCase()
        .replace(/[^A-Z]/g, ''),
    )
    .filter(Boolean);
  while (words.length > 1 && namePrefixes.includes(words[0]!)) words.shift();
  return words.join('');
}

// ---------------------------------------------------------------------------
// Building

function pad(n: number, digits: number): string {
  return String(n).padStart(digits, '0').slice(-digits);
}

/** The part of one component from the attributes. */
export function buildPart(c: CodeComponent, a: CodeAttributes): string {
  switch (c.kind) {
    case 'name': {
      const name = normaliseName(a[c.attribute]);
      return (name || 'X'.repeat(c.letters)).padEnd(c.letters, 'X').slice(0, c.letters);
    }
    case 'birth_year':
      return a.birth_year ? pad(a.birth_year, c.digits) : '9'.repeat(c.digits);
    case 'birth_day':
      return a.birth_day ? pad(a.birth_day, 2) : '00';
    case 'birth_month':
      return a.birth_month ? pad(a.birth_month, 2) : '00';
    case 'sex':
      return a.sex ?? '';
    case 'birth_order':
      return a.birth_order ? pad(a.birth_order, c.digits) : '0'.repeat(c.digits);
    case 'district':
      return (a.district ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(c.length, 'X').slice(0, c.length);
  }
}

/** Builds the code from the attributes (in the browser). */
export function buildCode(scheme: CodeScheme, a: CodeAttributes): string {
  return scheme.components.map((c) => buildPart(c, a)).join('');
}

// ---------------------------------------------------------------------------
// Validation of a typed code

export type CodeProblemCode =
  | 'empty'
  | 'latin_script'
  | 'wrong_length'
  | 'letters_only'
  | 'digits_only'
  | 'letters_digits_only'
  | 'invalid_year'
  | 'invalid_day'
  | 'invalid_month'
  | 'sex_letter';

/** What is wrong with a typed code, and where (1-based character positions). */
export interface CodeProblem {
  code: CodeProblemCode;
  /** Component label (`code_part.<part>` in the catalogues), absent for the whole code. */
  part?: string;
  from?: number;
  to?: number;
  value?: string;
  expected?: number;
  actual?: number;
  /** What a right value looks like: the example code, or its part (`FA`, `1985`). */
  example?: string;
}

export type CodeCheck = { ok: true; code: string; parts: string[] } | { ok: false; problems: CodeProblem[] };

/** Typed codes are compared in upper case, without spaces or hyphens; Arabic-Indic digits (١٩٨٥) count as digits. */
export function cleanTypedCode(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
}

/** The attributes of the example code of the messages: mother Fatima, father Mohamed, born 15 March 1985 (`FAMO1985F`). */
export const exampleCodeAttributes: CodeAttributes = {
  mother_first_name: 'Fatima',
  father_first_name: 'Mohamed',
  first_name: 'Amina',
  surname: 'Bennani',
  birth_year: 1985,
  birth_day: 15,
  birth_month: 3,
  sex: 'F',
  birth_order: 2,
  district: 'CA12',
};

/** The example code of a scheme, shown in messages (`FAMO1985F` for the default scheme). */
export function exampleCode(scheme: CodeScheme): string {
  return buildCode(scheme, exampleCodeAttributes);
}

/** Splits a code into its parts (no checks). */
export function splitCode(scheme: CodeScheme, code: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const c of scheme.components) {
    const n = componentLength(c);
    parts.push(code.slice(at, at + n));
    at += n;
  }
  return parts;
}

function checkPart(c: CodeComponent, value: string, thisYear: number): CodeProblemCode | null {
  switch (c.kind) {
    case 'name':
      return /^[A-Z]+$/.test(value) ? null : 'letters_only';
    case 'birth_year': {
      if (!/^\d+$/.test(value)) return 'digits_only';
      if (c.digits === 2 || /^9+$/.test(value)) return null;
      const year = Number(value);
      return year >= 1900 && year <= thisYear ? null : 'invalid_year';
    }
    case 'birth_day': {
      if (!/^\d+$/.test(value)) return 'digits_only';
      return Number(value) <= 31 ? null : 'invalid_day';
    }
    case 'birth_month': {
      if (!/^\d+$/.test(value)) return 'digits_only';
      return Number(value) <= 12 ? null : 'invalid_month';
    }
    case 'sex':
      return (codeSexLetters as readonly string[]).includes(value) ? null : 'sex_letter';
    case 'birth_order':
      return /^\d+$/.test(value) ? null : 'digits_only';
    case 'district':
      return /^[A-Z0-9]+$/.test(value) ? null : 'letters_digits_only';
  }
}

/** Checks a typed code against the scheme: length, then each part's characters, saying which part is wrong. */
export function checkCode(scheme: CodeScheme, input: string, thisYear = new Date().getFullYear()): CodeCheck {
  const code = cleanTypedCode(input);
  const example = exampleCode(scheme);
  if (!code) return { ok: false, problems: [{ code: 'empty', example }] };
  // Arabic letters: the code is written in Latin letters (the helper transliterates names).
  if (arabicScript.test(code)) return { ok: false, problems: [{ code: 'latin_script', example }] };
  const expected = codeLength(scheme);
  const problems: CodeProblem[] = [];
  if (code.length !== expected) problems.push({ code: 'wrong_length', expected, actual: code.length, example });
  let at = 0;
  const parts: string[] = [];
  for (const c of scheme.components) {
    const n = componentLength(c);
    const value = code.slice(at, at + n);
    parts.push(value);
    if (value.length === n) {
      const problem = checkPart(c, value, thisYear);
      if (problem) problems.push({ code: problem, part: componentLabel(c), from: at + 1, to: at + n, value, example: buildPart(c, exampleCodeAttributes) });
    }
    at += n;
  }
  return problems.length ? { ok: false, problems } : { ok: true, code, parts };
}

// ---------------------------------------------------------------------------
// Near-duplicates

export type MatchReasonKind =
  | 'one_letter'
  | 'letters_swapped'
  | 'spelling_variant'
  | 'part_unknown'
  | 'parents_swapped'
  | 'year_off_by_one'
  | 'year_digits_swapped'
  | 'year_one_digit'
  | 'sex_differs'
  | 'one_character';

export interface MatchReason {
  kind: MatchReasonKind;
  /** The component concerned (`code_part.<part>`). */
  part?: string;
}

export interface Match {
  score: number;
  reasons: MatchReason[];
}

/** Damerau–Levenshtein distance (optimal string alignment): an adjacent transposition costs 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Phonetic skeleton of name letters as transliterated Moroccan names vary:
 * vowels and semi-vowels (A E I O U Y W) are one sound class, K/Q/C another,
 * S/Z another; H is silent; SH and CH are one sound (ش), DJ and J another (ج).
 * `MERIEM`/`MARIAM`, `OUAFAE`/`WAFAE`, `KADIJA`/`QADIJA`, `CHAIMAE`/`SHAIMAE` share a skeleton.
 */
export function phoneticSkeleton(letters: string): string {
  return letters
    .replace(/[SC]H/g, 'X')
    .replace(/DJ/g, 'J')
    .replace(/H/g, '')
    .replace(/[AEIOUYW]/g, 'V')
    .replace(/[KQC]/g, 'K')
    .replace(/[SZ]/g, 'S');
}

/** Letters a spelling may leave out: vowels (OUSSAMA/USAMA, IDRISS/DRISS), a silent H, the D of DJ. */
function isElidable(letters: string, i: number): boolean {
  const ch = letters[i]!;
  return /[AEIOUYH]/.test(ch) || (ch === 'D' && letters[i + 1] === 'J');
}

/**
 * Is `b` the same name as `a` written with one elidable letter less (or more)? Parts are
 * prefixes of names, so `a` without that letter must be `b` without its last letter:
 * OU ~ US (Oussama / Usama), ID ~ DR (Idriss / Driss), MOHA ~ MHAM.
 */
function isElisionVariant(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const oneWay = (x: string, y: string) => [...x].some((_, i) => isElidable(x, i) && x.slice(0, i) + x.slice(i + 1) === y.slice(0, -1));
  return oneWay(a, b) || oneWay(b, a);
}

function compareNamePart(a: string, b: string, part: string): Match | null {
  if (/^X+$/.test(a) !== /^X+$/.test(b)) return { score: 0.7, reasons: [{ kind: 'part_unknown', part }] };
  if (a.length === b.length && a.length >= 2 && [...a].sort().join() === [...b].sort().join() && editDistance(a, b) === 1) {
    return { score: 0.88, reasons: [{ kind: 'letters_swapped', part }] };
  }
  if (phoneticSkeleton(a) === phoneticSkeleton(b)) return { score: 0.85, reasons: [{ kind: 'spelling_variant', part }] };
  if (editDistance(a, b) === 1) return { score: 0.75, reasons: [{ kind: 'one_letter', part }] };
  if (isElisionVariant(a, b)) return { score: 0.8, reasons: [{ kind: 'spelling_variant', part }] };
  return null;
}

function compareYearPart(a: string, b: string, part: string): Match | null {
  if (/^9+$/.test(a) !== /^9+$/.test(b)) return { score: 0.7, reasons: [{ kind: 'part_unknown', part }] };
  if (Math.abs(Number(a) - Number(b)) === 1) return { score: 0.85, reasons: [{ kind: 'year_off_by_one', part }] };
  const dist = editDistance(a, b);
  if (dist === 1 && [...a].sort().join() === [...b].sort().join()) return { score: 0.8, reasons: [{ kind: 'year_digits_swapped', part }] };
  if (dist === 1) return { score: 0.72, reasons: [{ kind: 'year_one_digit', part }] };
  return null;
}

/**
 * How likely is `candidate` the same person as `typed`? Compared part by part:
 * at most one part may differ (or the two parents' parts be swapped). Returns
 * null when they are not similar enough to propose.
 */
export function compareCodes(scheme: CodeScheme, typed: string, candidate: string): Match | null {
  if (typed === candidate) return { score: 1, reasons: [] };
  const a = splitCode(scheme, typed);
  const b = splitCode(scheme, candidate);
  const differing = scheme.components.map((_, i) => i).filter((i) => a[i] !== b[i]);
  const names = scheme.components.map((c, i) => (c.kind === 'name' ? i : -1)).filter((i) => i >= 0);
  if (differing.length === 2 && names.length >= 2) {
    const [i, j] = differing as [number, number];
    if (names.includes(i) && names.includes(j) && a[i] === b[j] && a[j] === b[i]) {
      return { score: 0.9, reasons: [{ kind: 'parents_swapped' }] };
    }
  }
  if (differing.length !== 1) return null;
  const i = differing[0]!;
  return comparePart(scheme.components[i]!, a[i]!, b[i]!);
}

/**
 * Two codes that differ in this one part only: how likely the same person (null: not
 * similar enough). Depends on the part's two values alone, so the bulk search may keep it.
 */
export function comparePart(c: CodeComponent, x: string, y: string): Match | null {
  const part = componentLabel(c);
  switch (c.kind) {
    case 'name':
      return compareNamePart(x, y, part);
    case 'birth_year':
      return compareYearPart(x, y, part);
    case 'sex':
      return { score: 0.75, reasons: [{ kind: 'sex_differs', part }] };
    default:
      return editDistance(x, y) === 1 ? { score: 0.72, reasons: [{ kind: 'one_character', part }] } : null;
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const neighbourhoods = new Map<string, ReadonlySet<string>>();

/**
 * The part's neighbourhood as a set, computed once per component shape and value (a
 * two-letter name has 676 values, a year a few hundred): the bulk duplicate search asks
 * it millions of times.
 */
export function partNeighbourSet(c: CodeComponent, value: string): ReadonlySet<string> {
  // The current year bounds an unknown year's neighbours: part of the key.
  const key = `${c.kind}:${componentLength(c)}:${c.kind === 'birth_year' ? new Date().getFullYear() : ''}:${value}`;
  let found = neighbourhoods.get(key);
  if (!found) {
    if (neighbourhoods.size >= 100_000) neighbourhoods.clear(); // districts may have many values: keep the memory bounded
    found = new Set(computePartNeighbours(c, value));
    neighbourhoods.set(key, found);
  }
  return found;
}

/** Every value a part may have in a code `compareCodes` would propose: the part's neighbourhood. */
function partNeighbours(c: CodeComponent, value: string): Iterable<string> {
  return partNeighbourSet(c, value);
}

function computePartNeighbours(c: CodeComponent, value: string): string[] {
  const out = new Set<string>();
  const n = value.length;
  const alphabet = c.kind === 'name' ? LETTERS : c.kind === 'district' ? `${LETTERS}0123456789` : '0123456789';
  if (c.kind === 'sex') return codeSexLetters.filter((x) => x !== value);
  if (c.kind === 'name' && n <= 2) {
    // Small enough to try every combination against the comparator itself.
    const all = n === 1 ? [...LETTERS] : [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));
    return all.filter((v) => v !== value && compareNamePart(value, v, '') !== null);
  }
  for (let i = 0; i < n; i++) for (const ch of alphabet) out.add(value.slice(0, i) + ch + value.slice(i + 1));
  for (let i = 0; i + 1 < n; i++) out.add(value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2));
  if (c.kind === 'name') {
    out.add('X'.repeat(n));
    // A letter left out or added by another spelling (isElisionVariant), both ways.
    for (let i = 0; i < n; i++) {
      if (isElidable(value, i)) for (const ch of LETTERS) out.add(value.slice(0, i) + value.slice(i + 1) + ch);
      for (const v of 'AEIOUYH') out.add((value.slice(0, i) + v + value.slice(i)).slice(0, n));
    }
    for (let i = 0; i < n; i++) if (value[i] === 'J') out.add((value.slice(0, i) + 'D' + value.slice(i)).slice(0, n));
  }
  if (c.kind === 'birth_year') {
    // An unknown year (9999) may be any year; a known one may be unknown on the other side.
    if (/^9+$/.test(value)) for (let y = n === 4 ? 1900 : 0; y <= (n === 4 ? new Date().getFullYear() : 98); y++) out.add(String(y).padStart(n, '0'));
    out.add('9'.repeat(n));
    for (const d of [-1, 1]) out.add(String(Number(value) + d).padStart(n, '0'));
  }
  out.delete(value);
  return [...out];
}

/**
 * The codes that would be proposed as probable duplicates of `code`: one part
 * replaced by each of its neighbours, plus the parents-swapped code. The
 * database looks them up by its unique index on the code — a bounded,
 * exact lookup whatever the size of the registry.
 */
export function neighbourCodes(scheme: CodeScheme, code: string): string[] {
  const parts = splitCode(scheme, code);
  const out = new Set<string>();
  scheme.components.forEach((c, i) => {
    for (const v of partNeighbours(c, parts[i]!)) out.add(parts.map((p, j) => (i === j ? v : p)).join(''));
  });
  const swapped = swappedNamesCode(scheme, code);
  if (swapped) out.add(swapped);
  out.delete(code);
  return [...out];
}

/**
 * Is `other` in the neighbourhood of `value` (a value `neighbourCodes` puts in this part)? Asked
 * of one pair: a name of one or two letters has every value the comparator accepts as its
 * neighbourhood (`computePartNeighbours`), 676 comparisons to enumerate, one to test.
 */
export function isPartNeighbour(c: CodeComponent, value: string, other: string): boolean {
  if (other === value) return false;
  if (c.kind === 'name' && value.length <= 2) return other.length === value.length && /^[A-Z]+$/.test(other) && compareNamePart(value, other, '') !== null;
  return partNeighbourSet(c, value).has(other);
}

/** Known codes indexed by all their parts but one (a key per part), to find a code's neighbours among them. */
export interface KnownCodes {
  scheme: CodeScheme;
  codes: ReadonlySet<string>;
  /** Key: the parts but one; value: each code with its value of that part. */
  byOtherParts: ReadonlyMap<string, readonly (readonly [code: string, part: string])[]>;
}

function otherPartsKey(parts: readonly string[], i: number): string {
  return `${i}:${parts.map((p, j) => (j === i ? '' : p)).join('|')}`;
}

/** Indexes known codes (of one scheme) for `knownNeighbourCodes`: built once, asked at each check. */
export function indexKnownCodes(scheme: CodeScheme, codes: Iterable<string>): KnownCodes {
  const set = new Set(codes);
  const byOtherParts = new Map<string, (readonly [string, string])[]>();
  for (const code of set) {
    const parts = splitCode(scheme, code);
    for (let i = 0; i < parts.length; i++) {
      const key = otherPartsKey(parts, i);
      const entry = [code, parts[i]!] as const;
      const list = byOtherParts.get(key);
      if (list) list.push(entry);
      else byOtherParts.set(key, [entry]);
    }
  }
  return { scheme, codes: set, byOtherParts };
}

/**
 * The known codes `neighbourCodes(scheme, code)` contains — the same answer as looking up each
 * neighbour, found from the known codes that differ from `code` in one part only (and the
 * parents-swapped code), without enumerating the neighbourhood: for a device that keeps a
 * registry's codes in memory (the offline code check, ADR 0027).
 */
export function knownNeighbourCodes(known: KnownCodes, code: string): string[] {
  const { scheme } = known;
  const parts = splitCode(scheme, code);
  const out = new Set<string>();
  scheme.components.forEach((c, i) => {
    for (const [other, part] of known.byOtherParts.get(otherPartsKey(parts, i)) ?? []) {
      if (isPartNeighbour(c, parts[i]!, part)) out.add(other);
    }
  });
  const swapped = swappedNamesCode(scheme, code);
  if (swapped && known.codes.has(swapped)) out.add(swapped);
  out.delete(code);
  return [...out];
}

/** The code with its first two name parts exchanged (the "parents swapped" error), or null. */
export function swappedNamesCode(scheme: CodeScheme, code: string): string | null {
  const names = scheme.components.map((c, i) => (c.kind === 'name' ? i : -1)).filter((i) => i >= 0);
  if (names.length < 2) return null;
  const parts = splitCode(scheme, code);
  const [i, j] = names as [number, number];
  if (parts[i]!.length !== parts[j]!.length || parts[i] === parts[j]) return null;
  [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  return parts.join('');
}
