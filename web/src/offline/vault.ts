import { useSyncExternalStore } from 'react';
import { newDataKey, seal, unseal, unwrapDataKey, wrapDataKey, type Sealed, type WrappedKey } from './vault-crypto.ts';

/**
 * The encrypted store on the device (ADR 0027): IndexedDB `relais-offline`, one wrapped data key
 * per user (`keys`) and values (`records`) each sealed with AES-GCM under that key. The key
 * lives in memory only, from the password typed at login or at an unlock; the store locks
 * after IDLE_MINUTES without a touch or a key press, and at logout. Record keys are
 * `user|kind|id` (ids are random UUIDs or paths: nothing about a person is in clear).
 */
export const IDLE_MINUTES = 15;
/** Failed unlocks (password or PIN, in a row) that wipe this user's data on the device. */
export const WIPE_AFTER = 10;
/** From this many failed unlocks the unlock screen warns of the wipe and of what it would lose. */
export const WARN_FROM = 5;

const DB = 'relais-offline';
let database: Promise<IDBDatabase> | null = null;

const STORES = ['keys', 'records'] as const;

/** Opens the database, creating its stores when missing (whatever version another opener left). */
function openDb(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, version);
    req.onupgradeneeded = () => {
      for (const name of STORES) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
    };
    req.onsuccess = () => {
      const opened = req.result;
      if (STORES.every((name) => opened.objectStoreNames.contains(name))) return resolve(opened);
      opened.close();
      openDb(opened.version + 1).then(resolve, reject);
    };
    req.onerror = () => reject(req.error ?? new Error('indexedDB'));
  });
}

function db(): Promise<IDBDatabase> {
  database ??= openDb();
  return database;
}

/** One request in its own transaction. */
async function run<T>(store: 'keys' | 'records', mode: IDBTransactionMode, ask: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const tx = (await db()).transaction(store, mode);
  const req = ask(tx.objectStore(store));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(req.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('indexedDB'));
    tx.onabort = () => reject(tx.error ?? new Error('indexedDB'));
  });
}

interface Open {
  userId: string;
  key: CryptoKey;
}
let open: Open | null = null;
let version = 0;
const listeners = new Set<() => void>();
function changed() {
  version++;
  for (const listener of listeners) listener();
}

/** Is there a key on this device for this user (an online login happened here)? */
export async function hasVault(userId: string): Promise<boolean> {
  return (await run<WrappedKey | undefined>('keys', 'readonly', (s) => s.get(userId))) !== undefined;
}

/**
 * Opens the store with the password: `opened`, `wrong_password`, or `none` (no key here yet).
 * At an online login (`create`: the server checked the password) a missing key is created, and
 * one that no longer opens (the password was changed elsewhere) is replaced only when nothing
 * is waiting to be sent — else the store stays locked until the previous password is given.
 */
export async function unlockVault(userId: string, password: string, create = false): Promise<UnlockAnswer | 'none' | 'previous_password'> {
  const stored = await run<WrappedKey | undefined>('keys', 'readonly', (s) => s.get(userId));
  let key = stored ? await unwrapDataKey(stored, password) : null;
  if (!key) {
    if (!create) return stored ? failedUnlock(userId) : 'none';
    if (stored && (await countRecords(userId, 'outbox')) > 0) return 'previous_password';
    if (stored) await clearRecords(userId, '');
    await run('keys', 'readwrite', (s) => s.delete(pinKey(userId))); // it wrapped the old key
    key = await newDataKey();
    const wrapped = await wrapDataKey(key, password);
    await run('keys', 'readwrite', (s) => s.put(wrapped, userId));
  }
  return opened(userId, key);
}

/** What an unlock attempt gave: the store open, a wrong secret (counted), or the data wiped. */
export type UnlockAnswer = 'opened' | 'wrong_password' | 'wiped';

const pinKey = (userId: string) => `${userId}|pin`;
const failuresKey = (userId: string) => `${userId}|failures`;

async function opened(userId: string, key: CryptoKey): Promise<'opened'> {
  await run('keys', 'readwrite', (s) => s.delete(failuresKey(userId)));
  open = { userId, key };
  lockedForIdle = false;
  touch();
  changed();
  return 'opened';
}

/** Failed unlocks in a row on this device (kept in clear beside the wrapped key: a count, nothing else). */
export async function failedUnlocks(userId: string): Promise<number> {
  return (await run<number | undefined>('keys', 'readonly', (s) => s.get(failuresKey(userId)))) ?? 0;
}

/** One more failed unlock; the WIPE_AFTER-th wipes the user's data on the device. */
async function failedUnlock(userId: string): Promise<UnlockAnswer> {
  const failures = (await failedUnlocks(userId)) + 1;
  if (failures < WIPE_AFTER) {
    await run('keys', 'readwrite', (s) => s.put(failures, failuresKey(userId)));
    return 'wrong_password';
  }
  await wipeVault(userId);
  return 'wiped';
}

/**
 * Deletes everything the user kept on this device: the cached reads and codes, then the outbox
 * (the last to go), then the wrapped keys, so nothing can open what may remain in the browser's files.
 */
async function wipeVault(userId: string): Promise<void> {
  const all = IDBKeyRange.bound(`${userId}|`, `${userId}|\uffff`);
  const outbox = rangeOf(userId, 'outbox');
  const others = (await run<IDBValidKey[]>('records', 'readonly', (s) => s.getAllKeys(all))).filter((k) => !outbox.includes(k));
  await Promise.all(others.map((k) => run('records', 'readwrite', (s) => s.delete(k))));
  await clearRecords(userId, 'outbox');
  await run('records', 'readwrite', (s) => s.delete(all));
  for (const k of [userId, pinKey(userId), failuresKey(userId)]) await run('keys', 'readwrite', (s) => s.delete(k));
  lockVault();
  changed();
}

/** Is there a PIN for this user on this device? */
export async function hasPin(userId: string): Promise<boolean> {
  return (await run<WrappedKey | undefined>('keys', 'readonly', (s) => s.get(pinKey(userId)))) !== undefined;
}

/** Opens the store with the PIN (offline too); a wrong PIN counts toward the wipe like a wrong password. */
export async function unlockWithPin(userId: string, pin: string): Promise<UnlockAnswer> {
  const stored = await run<WrappedKey | undefined>('keys', 'readonly', (s) => s.get(pinKey(userId)));
  const key = stored ? await unwrapDataKey(stored, pin) : null;
  return key ? opened(userId, key) : failedUnlock(userId);
}

/** Sets (or replaces) the PIN of this device: the same data key, wrapped a second time under the PIN. */
export async function setPin(pin: string): Promise<void> {
  const { userId, key: k } = key();
  const wrapped = await wrapDataKey(k, pin);
  await run('keys', 'readwrite', (s) => s.put(wrapped, pinKey(userId)));
  changed();
}

/** Removes the PIN: only the password opens the store again. */
export async function removePin(userId: string): Promise<void> {
  await run('keys', 'readwrite', (s) => s.delete(pinKey(userId)));
  changed();
}

/** After a password change: the same data key wrapped under the new password. */
export async function rewrapVault(password: string): Promise<void> {
  if (!open) return;
  const wrapped = await wrapDataKey(open.key, password);
  await run('keys', 'readwrite', (s) => s.put(wrapped, open!.userId));
}

/** Forgets the key (idle, logout): the data stay, unreadable until the next unlock. */
export function lockVault(): void {
  if (!open) return;
  open = null;
  changed();
}

/** The user whose store is open, or null when locked. */
export function openVaultUser(): string | null {
  return open?.userId ?? null;
}

/** Is the store open? Re-renders on lock and unlock. */
export function useVaultOpen(): boolean {
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
  return open !== null;
}

/** Calls `listener` when the store locks or opens. */
export function onVaultChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let idleTimer: number | undefined;
let lockedForIdle = false;
/** Did the store lock because the user was idle (the app then asks for the password, online too)? */
export function isLockedForIdle(): boolean {
  return lockedForIdle && !open;
}
/** A sign of life from the user: the idle lock starts again. */
export function touch(): void {
  if (typeof window === 'undefined') return;
  window.clearTimeout(idleTimer);
  if (open) {
    idleTimer = window.setTimeout(() => {
      lockedForIdle = true;
      lockVault();
    }, IDLE_MINUTES * 60_000);
  }
}

const keyOf = (userId: string, kind: string, id: string) => `${userId}|${kind}|${id}`;
const rangeOf = (userId: string, kind: string) => IDBKeyRange.bound(`${userId}|${kind}`, `${userId}|${kind}\uffff`);

function key(): Open {
  if (!open) throw new Error('vault locked');
  return open;
}

/** Stores a value, encrypted (fails when locked). */
export async function putRecord(kind: string, id: string, value: unknown): Promise<void> {
  const { userId, key: k } = key();
  const at = keyOf(userId, kind, id);
  const sealed = await seal(k, at, value);
  await run('records', 'readwrite', (s) => s.put(sealed, at));
}

/** A value, or undefined (absent, or the store locked). */
export async function getRecord<T>(kind: string, id: string): Promise<T | undefined> {
  if (!open) return undefined;
  const { userId, key: k } = open;
  const at = keyOf(userId, kind, id);
  const sealed = await run<Sealed | undefined>('records', 'readonly', (s) => s.get(at));
  return sealed ? unseal<T>(k, at, sealed) : undefined;
}

/** Every value of a kind, with its id (empty when locked). */
export async function allRecords<T>(kind: string): Promise<{ id: string; value: T }[]> {
  if (!open) return [];
  const { userId, key: k } = open;
  const range = rangeOf(userId, kind);
  const [keys, values] = await Promise.all([run<IDBValidKey[]>('records', 'readonly', (s) => s.getAllKeys(range)), run<Sealed[]>('records', 'readonly', (s) => s.getAll(range))]);
  return Promise.all(keys.map(async (at, i) => ({ id: String(at).slice(`${userId}|${kind}|`.length), value: await unseal<T>(k, String(at), values[i]!) })));
}

/** Deletes one value. */
export async function deleteRecord(kind: string, id: string): Promise<void> {
  const { userId } = key();
  await run('records', 'readwrite', (s) => s.delete(keyOf(userId, kind, id)));
}

/** How many values of a kind (their keys only: readable while locked). */
export async function countRecords(userId: string, kind: string): Promise<number> {
  return run<number>('records', 'readonly', (s) => s.count(rangeOf(userId, kind)));
}

/** Deletes every value of a kind ('' : all of the user's). */
export async function clearRecords(userId: string, kind: string): Promise<void> {
  await run('records', 'readwrite', (s) => s.delete(rangeOf(userId, kind)));
}
