import { Me } from '@relais/core';
import { storage } from '../app/storage.ts';

/**
 * The session the app opens with when the server cannot be reached (ADR 0025): the last `Me` of
 * an online login on this device, without its CSRF token (useless offline; the next online probe
 * brings a fresh one). It names only the worker, her organisation and units — no beneficiary.
 * The encrypted store (issue 16, next step) will keep it under the key unlocked by the password
 * and lock the app after idle; until then it opens only the screens, whose data need the network.
 */
const key = 'relais.session';

/** Remembers the session of an online login (or a fresh probe). */
export function rememberSession(me: Me): void {
  storage.set(key, JSON.stringify({ ...me, csrfToken: '' }));
}

/** The remembered session, or null (none, or one an older version wrote and the contract refuses). */
export function rememberedSession(): Me | null {
  const raw = storage.get(key);
  if (!raw) return null;
  try {
    const parsed = Me.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Forgets it: logging out, or the server saying the session is over. */
export function forgetSession(): void {
  storage.remove(key);
}
