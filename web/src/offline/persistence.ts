import { useSyncExternalStore } from 'react';

/**
 * Persistent storage (`navigator.storage.persist()`): without it the browser may evict the app's
 * offline data under storage pressure. Asked after each login; the worker is told when refused.
 * `unknown` until asked; `unsupported` where the browser has no StorageManager.
 */
export type Persistence = 'unknown' | 'granted' | 'refused' | 'unsupported';

let current: Persistence = 'unknown';
const listeners = new Set<() => void>();

function set(next: Persistence): Persistence {
  current = next;
  for (const listener of listeners) listener();
  return next;
}

/** Asks the browser to keep this site's storage; resolves to its answer (never rejects). */
export async function askPersistence(): Promise<Persistence> {
  const manager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!manager || typeof manager.persist !== 'function') return set('unsupported');
  try {
    const persisted = (await manager.persisted()) || (await manager.persist());
    return set(persisted ? 'granted' : 'refused');
  } catch {
    return set('refused');
  }
}

/** The browser's last answer about persistent storage. */
export function usePersistence(): Persistence {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}
