import type { Me, PreferencesUpdate } from '@relais/core';
import { ApiError } from '../api/client.ts';
import { updatePreferences } from '../api/endpoints.ts';
import { storage } from '../app/storage.ts';

/**
 * Her own preferences changed on this device (ADR 0042): applied at once, held here until the
 * server took them (`PUT /auth/preferences`), so that a change made without network holds after a
 * reload and reaches the server when the network returns. A held change wins over the server's
 * `Me` (it was made after it). Only the low-literacy mode for now; it names no beneficiary.
 */
const heldKey = (userId: string) => `relais.preferences.${userId}`;
/** Where ADR 0034 kept the mode, per device: taken over once as a held change. */
const deviceKey = (userId: string) => `relais.lowLiteracy.${userId}`;

function held(userId: string): PreferencesUpdate | null {
  if (storage.get(deviceKey(userId)) === '1') {
    storage.remove(deviceKey(userId));
    if (!storage.get(heldKey(userId))) storage.set(heldKey(userId), JSON.stringify({ lowLiteracy: true }));
  }
  try {
    const value = JSON.parse(storage.get(heldKey(userId)) ?? 'null') as { lowLiteracy?: unknown } | null;
    return typeof value?.lowLiteracy === 'boolean' ? { lowLiteracy: value.lowLiteracy } : null;
  } catch {
    return null;
  }
}

/** Her `Me` with the changes held on this device. */
export function withHeldPreferences(me: Me): Me {
  const change = held(me.user.id);
  return change ? { ...me, user: { ...me.user, ...change } } : me;
}

/**
 * Sends what is held, if anything: once the server took it, it is no longer held; without network
 * it stays for the next try (`online`, the next start); refused otherwise (it cannot pass later), it
 * is dropped. Answers whether the server has it now.
 */
export async function sendHeldPreferences(userId: string): Promise<boolean> {
  const change = held(userId);
  if (!change) return true;
  try {
    await updatePreferences(change);
  } catch (error) {
    // Offline, logged out, no CSRF token yet (opened offline), the server down: later.
    if (error instanceof ApiError && (error.code === 'network' || error.code === 'csrf_invalid' || error.status === 401 || error.status >= 500)) return false;
    storage.remove(heldKey(userId));
    throw error;
  }
  // A newer change made meanwhile stays held.
  if (JSON.stringify(held(userId)) === JSON.stringify(change)) storage.remove(heldKey(userId));
  return true;
}

/** Holds a change of her preferences and tries to send it. */
export function holdPreferences(userId: string, change: PreferencesUpdate): Promise<boolean> {
  storage.set(heldKey(userId), JSON.stringify(change));
  return sendHeldPreferences(userId);
}
