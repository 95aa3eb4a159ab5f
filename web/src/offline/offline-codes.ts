import { checkCode, compareCodes, explainMatch, indexKnownCodes, knownNeighbourCodes, SyncPullResult, type CodeScheme, type KnownCodes, type Locale, type RegistrySettings } from '@relais/core';
import { request } from '../api/client.ts';
import { queuedRegistrations } from './outbox.ts';
import { getRecord, putRecord } from './vault.ts';

/**
 * The pseudonymous codes of the persons the user may see (codes and ids only), kept encrypted
 * and brought up to date by the sync pull, so that the code-first check and the probable
 * duplicates work offline with core's scheme and neighbourhood (ADR 0027). Persons registered
 * offline (in the outbox) count as known; the server checks them again at sync.
 */
interface Kept {
  cursor: number;
  /** id, code, and the record it was merged into (an alias) or null. */
  persons: [string, string, string | null][];
}

const KIND = 'codes';
const PAGE = 5000;
let memory: Kept | null = null;

async function kept(): Promise<Kept> {
  memory ??= (await getRecord<Kept>(KIND, 'all')) ?? { cursor: 0, persons: [] };
  return memory;
}

/**
 * The registry settings (the code scheme) while the store is open, read and decrypted once, not
 * at each keystroke (the field bench found that read half of a check's time at 4× CPU).
 */
let settings: RegistrySettings | null = null;

async function keptSettings(): Promise<RegistrySettings | undefined> {
  settings ??= (await getRecord<RegistrySettings>('read', '/registry/settings')) ?? null;
  return settings ?? undefined;
}

/** The settings the server just gave (kept encrypted by the read cache): the next check uses them. */
export function settingsChanged(next: RegistrySettings): void {
  settings = next;
  if (index) nearOf(index, next.codeScheme);
}

/** Forgets the codes and settings held in memory (the store locked: only the encrypted copy stays). */
export function forgetCodesInMemory(): void {
  memory = null;
  index = null;
  settings = null;
  queuedIndex = null;
}

/** Pulls what changed since the last pull (from the start when the server asks), then keeps it. */
export async function refreshCodes(): Promise<number> {
  const state = await kept();
  const persons = new Map(state.persons.map((p) => [p[0], p]));
  let cursor = state.cursor;
  for (let page = 0; page < 1000; page++) {
    const answer = await request('GET', '/sync/pull', SyncPullResult, { query: { cursor, limit: PAGE } });
    if (answer.resyncRequired) {
      persons.clear();
      cursor = 0;
      continue;
    }
    for (const b of answer.beneficiaries) persons.set(String(b.id), [String(b.id), String(b.code), null]);
    for (const t of answer.tombstones) {
      const known = persons.get(t.id);
      if (t.type === 'beneficiary' && known) persons.set(t.id, [known[0], known[1], t.mergedInto ?? null]);
    }
    cursor = answer.nextCursor;
    if (!answer.hasMore) break;
  }
  memory = { cursor, persons: [...persons.values()] };
  await putRecord(KIND, 'all', memory);
  const known = indexOf(memory);
  const scheme = (await keptSettings())?.codeScheme;
  if (scheme) nearOf(known, scheme);
  return persons.size;
}

/**
 * Reads the kept codes and indexes them ahead of the first keystroke (the store just unlocked):
 * 20,000 codes take a few hundred milliseconds on a slow phone, which the first check would wait.
 */
export async function warmCodes(): Promise<void> {
  const known = indexOf(await kept());
  const scheme = (await keptSettings())?.codeScheme;
  await queuedRegistrations();
  if (!scheme) return;
  const near = nearOf(known, scheme);
  // One look ahead of her first keystroke, so that it does not pay for the first run of core's comparisons.
  const [first] = known.byCode.keys();
  if (first) for (const c of knownNeighbourCodes(near, first)) compareCodes(scheme, first, c);
}

interface Index {
  of: Kept;
  byCode: Map<string, { id: string; mergedInto: string | null }>;
  codeOf: Map<string, string>;
  mergedInto: Map<string, string | null>;
  /** The codes by all parts but one, for core's neighbourhood, and the scheme (as JSON) it was built for. */
  near: { scheme: string; codes: KnownCodes } | null;
}
let index: Index | null = null;

/** The kept codes for core's neighbourhood: indexed once per pull and scheme, not at each keystroke. */
function nearOf(known: Index, scheme: CodeScheme): KnownCodes {
  const key = JSON.stringify(scheme);
  if (known.near?.scheme !== key) known.near = { scheme: key, codes: indexKnownCodes(scheme, known.byCode.keys()) };
  return known.near.codes;
}

/** The persons registered offline (a few), indexed the same way while the outbox does not change. */
let queuedIndex: { of: readonly { code: string }[]; scheme: CodeScheme; near: KnownCodes } | null = null;
function queuedNearOf(queued: readonly { code: string }[], scheme: CodeScheme): KnownCodes {
  if (queuedIndex?.of !== queued || queuedIndex.scheme !== scheme) queuedIndex = { of: queued, scheme, near: indexKnownCodes(scheme, queued.map((p) => p.code)) };
  return queuedIndex.near;
}

/** The kept codes indexed once per pull (20,000 codes: a map, not a scan at each keystroke). */
function indexOf(state: Kept) {
  if (index?.of !== state) {
    index = { of: state, byCode: new Map(), codeOf: new Map(), mergedInto: new Map(), near: null };
    for (const [id, c, merged] of state.persons) {
      index.byCode.set(c, { id, mergedInto: merged });
      index.codeOf.set(id, c);
      index.mergedInto.set(id, merged);
    }
  }
  return index;
}

/**
 * The code check as the server answers it (`GET /beneficiaries/check`), from the kept codes: the
 * person (through her alias when merged), and the probable duplicates compared by core's rules.
 * Offline it cannot know persons outside her units (`existsElsewhere` is false): the server says
 * so at sync. Undefined when nothing is kept.
 */
export async function checkCodeOffline(typed: string, locale: Locale): Promise<unknown> {
  const t0 = performance.now();
  const registry = await keptSettings();
  performance.measure('relais:offline-code-check:settings', { start: t0 });
  if (!registry) return undefined;
  const scheme: CodeScheme = registry.codeScheme;
  const shape = checkCode(scheme, typed);
  if (!shape.ok) return { code: typed.trim().toUpperCase(), problems: shape.problems.map((p) => ({ ...p, message: p.code })), exact: null, existsElsewhere: false, probable: [] };
  const code = shape.code;
  const t1 = performance.now();
  const known = indexOf(await kept());
  const { codeOf, mergedInto } = known;
  const queuedList = await queuedRegistrations();
  const queued = new Map(queuedList.map((p) => [p.code, { id: p.id, mergedInto: null }]));
  const byCode = { get: (c: string) => queued.get(c) ?? known.byCode.get(c) };
  const near = [nearOf(known, scheme), queuedNearOf(queuedList, scheme)];
  performance.measure('relais:offline-code-check:kept', { start: t1 });
  const t2 = performance.now();
  let exact: { id: string; code: string; viaAlias: boolean } | null = null;
  const found = byCode.get(code);
  if (found) {
    let id = found.id;
    for (let hops = 0, next = found.mergedInto; next && hops < 20; hops++) {
      id = next;
      next = mergedInto.get(next) ?? null;
    }
    exact = { id, code: codeOf.get(id) ?? code, viaAlias: id !== found.id };
  }
  // Core's neighbourhood, asked of the kept codes (the same codes as looking up each neighbour).
  const probable = [...new Set(near.flatMap((k) => knownNeighbourCodes(k, code)))].flatMap((c) => {
    const person = byCode.get(c);
    const match = person && !person.mergedInto && person.id !== exact?.id ? compareCodes(scheme, code, c) : null;
    return match && match.score < 1 ? [{ id: person!.id, code: c, score: match.score, reasons: match.reasons, explanation: explainMatch(locale, match.reasons, c), inScope: true }] : [];
  });
  probable.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  performance.measure('relais:offline-code-check:match', { start: t2 });
  return { code, problems: [], exact, existsElsewhere: false, probable };
}
