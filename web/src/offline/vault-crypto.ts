/**
 * The device's encryption (issue 16, ADR 0027), WebCrypto only: one random AES-GCM data key
 * encrypts every value stored offline; it is kept wrapped (AES-GCM) by a key derived from the
 * user's password (PBKDF2-SHA-256, random salt), so the data key never sits in clear in storage
 * and a password change only rewraps it.
 */

/** The data key as stored: wrapped by the password-derived key, with what derives it again. */
export interface WrappedKey {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: ArrayBuffer;
}

/** An encrypted value: its nonce and the AES-GCM ciphertext (with its tag). */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** PBKDF2 iterations for new keys (OWASP's figure for SHA-256); stored with each key. */
export const PASSWORD_ITERATIONS = 600_000;

const subtle = () => globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
const text = new TextEncoder();

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', text.encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** Wraps the data key under the password (a new salt each time). */
export async function wrapDataKey(key: CryptoKey, password: string, iterations = PASSWORD_ITERATIONS): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const wrapped = await subtle().wrapKey('raw', key, await passwordKey(password, salt, iterations), { name: 'AES-GCM', iv });
  return { salt, iterations, iv, wrapped };
}

/** A new data key (extractable only so that a password change can wrap it again). */
export async function newDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The data key, or null when the password does not open it (AES-GCM's tag refuses it). */
export async function unwrapDataKey(stored: WrappedKey, password: string): Promise<CryptoKey | null> {
  try {
    const kek = await passwordKey(password, stored.salt, stored.iterations);
    return await subtle().unwrapKey('raw', stored.wrapped, kek, { name: 'AES-GCM', iv: stored.iv }, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  } catch {
    return null;
  }
}

/**
 * Encrypts a value as JSON; `label` (its storage key) is authenticated with it, so a
 * ciphertext moved under another key does not open.
 */
export async function seal(key: CryptoKey, label: string, value: unknown): Promise<Sealed> {
  const iv = random(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: text.encode(label) }, key, text.encode(JSON.stringify(value)));
  return { iv, data };
}

/** Decrypts what `seal` wrote under the same label; throws when it was altered or moved. */
export async function unseal<T = unknown>(key: CryptoKey, label: string, sealed: Sealed): Promise<T> {
  const clear = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: text.encode(label) }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(clear)) as T;
}
