import { describe, expect, it } from 'vitest';
import { newDataKey, seal, unseal, unwrapDataKey, wrapDataKey } from './vault-crypto.ts';

// Node's WebCrypto is the browsers' API: the same calls run here and on the phone.
const fast = 1000; // iterations: the rule is the same, the test quick

describe('the device encryption (ADR 0027)', () => {
  it('opens the data key with the password only, and a password change rewraps the same key', async () => {
    const key = await newDataKey();
    const stored = await wrapDataKey(key, 'sur le terrain 2026', fast);
    expect(await unwrapDataKey(stored, 'sur le terrain 2025')).toBeNull();
    const opened = await unwrapDataKey(stored, 'sur le terrain 2026');
    expect(opened).not.toBeNull();
    const sealed = await seal(key, 'u|outbox|1', { code: 'FAMO1985F', phone: '0600000000' });
    expect(await unseal(opened!, 'u|outbox|1', sealed)).toEqual({ code: 'FAMO1985F', phone: '0600000000' });

    const rewrapped = await wrapDataKey(opened!, 'un autre mot de passe', fast);
    expect(await unwrapDataKey(rewrapped, 'sur le terrain 2026')).toBeNull();
    expect(await unseal(await unwrapDataKey(rewrapped, 'un autre mot de passe') as CryptoKey, 'u|outbox|1', sealed)).toEqual({ code: 'FAMO1985F', phone: '0600000000' });
  });

  it('stores no clear text, never the same ciphertext twice, and refuses a value moved under another key', async () => {
    const key = await newDataKey();
    const value = { code: 'FAMO1985F', note: 'rendez-vous au centre' };
    const a = await seal(key, 'u|outbox|1', value);
    const b = await seal(key, 'u|outbox|1', value);
    const bytes = new TextDecoder('latin1').decode(a.data);
    expect(bytes).not.toContain('FAMO1985F');
    expect(bytes).not.toContain('rendez-vous');
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    await expect(unseal(key, 'u|outbox|2', a)).rejects.toThrow();
    await expect(unseal(await newDataKey(), 'u|outbox|1', a)).rejects.toThrow();
  });
});
