import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption at rest of contact details (AES-256-GCM). The key comes from
 * RELAIS_ENCRYPTION_KEY (32 bytes, base64) or from `secret.key` in the data
 * directory, created on first use (mode 0600). It is never stored in the
 * database nor in backups: keep a copy of it with your backups (README).
 */
export class Secrets {
  private constructor(private readonly key: Buffer) {}

  static load(options: { envKey?: string | undefined; dataDir: string }): Secrets {
    if (options.envKey) {
      const key = Buffer.from(options.envKey, 'base64');
      if (key.length !== 32) throw new Error('RELAIS_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
      return new Secrets(key);
    }
    const file = path.join(options.dataDir, 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(options.dataDir, { recursive: true });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return new Secrets(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** An HMAC-SHA256 of `text` (base64url) under a key derived for `purpose` (e.g. the device cookie): never the encryption key itself. */
  sign(purpose: string, text: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `relais:${purpose}`, 32));
    return createHmac('sha256', key).update(text).digest('base64url');
  }

  /** Is `signature` the one `sign(purpose, text)` gives? (constant time) */
  verifySignature(purpose: string, text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, text));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** version (1) ‖ iv (12) ‖ tag (16) ‖ ciphertext */
  encrypt(plaintext: string): Buffer {
    return this.encryptBytes(Buffer.from(plaintext, 'utf8'));
  }

  /** The same sealing for bytes (a voice note's audio). */
  encryptBytes(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  }

  /** Null when the ciphertext was sealed with another key (e.g. a backup restored without its key). */
  tryDecrypt(sealed: Buffer): string | null {
    try {
      return this.decrypt(sealed);
    } catch {
      return null;
    }
  }

  decrypt(sealed: Buffer): string {
    return this.decryptBytes(sealed).toString('utf8');
  }

  /** The bytes `encryptBytes` sealed (throws when the key or the tag does not match). */
  decryptBytes(sealed: Buffer): Buffer {
    if (sealed[0] !== 1) throw new Error('unknown ciphertext version');
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  }
}
