import { checkCode, compareCodes, explainMatch, neighbourCodes, SyncPullResult, type CodeScheme, type Locale, type RegistrySettings } from '@relais/core';
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

/** Forgets the codes held in memory (the store locked: only the encrypted copy stays). */
export function forgetCodesInMemory(): void {
  memory = null;
  index = null;
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
  indexOf(memory);
  return persons.size;
}

/**
 * Reads the kept codes and indexes them ahead of the first keystroke (the store just unlocked):
 * 20,000 codes take a few hundred milliseconds on a slow phone, which the first check would wait.
 */
export async function warmCodes(): Promise<void> {
  indexOf(await kept());
}

let index: { of: Kept; byCode: Map<string, { id: string; mergedInto: string | null }>; codeOf: Map<string, string>; mergedInto: Map<string, string | null> } | null = null;

/** The kept codes indexed once per pull (20,000 codes: a map, not a scan at each keystroke). */
function indexOf(state: Kept) {
  if (index?.of !== state) {
    index = { of: state, byCode: new Map(), codeOf: new Map(), mergedInto: new Map() };
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
  const settings = await getRecord<RegistrySettings>('read', '/registry/settings');
  if (!settings) return undefined;
  const scheme: CodeScheme = settings.codeScheme;
  const shape = checkCode(scheme, typed);
  if (!shape.ok) return { code: typed.trim().toUpperCase(), problems: shape.problems.map((p) => ({ ...p, message: p.code })), exact: null, existsElsewhere: false, probable: [] };
  const code = shape.code;
  const state = await kept();
  const known = indexOf(state);
  const { codeOf, mergedInto } = known;
  const queued = new Map((await queuedRegistrations()).map((p) => [p.code, { id: p.id, mergedInto: null }]));
  const byCode = { get: (c: string) => queued.get(c) ?? known.byCode.get(c) };
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
  const probable = neighbourCodes(scheme, code).flatMap((near) => {
    const person = byCode.get(near);
    const match = person && !person.mergedInto && person.id !== exact?.id ? compareCodes(scheme, code, near) : null;
    return match && match.score < 1 ? [{ id: person!.id, code: near, score: match.score, reasons: match.reasons, explanation: explainMatch(locale, match.reasons, near), inScope: true }] : [];
  });
  probable.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return { code, problems: [], exact, existsElsewhere: false, probable };
}
