import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8-digit codes; ours keep the last 6.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));
const rfc: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC test vectors (last six digits)', () => {
    for (const [seconds, code] of rfc) expect(totpCode(rfcSecret, Math.floor(seconds / 30))).toBe(code.slice(2));
  });

  it('base32 round-trips and reads grouped, lower-case keys', () => {
    const bytes = Buffer.from('any twenty bytes key');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Decode('gezd gnbv-gy3t qojq')).toEqual(base32Decode('GEZDGNBVGY3TQOJQ'));
  });

  it('accepts one step of drift, never a code used before, never another code', () => {
    const at = new Date(1_700_000_000_000);
    const step = totpStep(at);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step), null, at)).toBe(step);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step - 1), null, at)).toBe(step - 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step + 1), null, at)).toBe(step + 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step - 2), null, at)).toBeNull();
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, step), step, at)).toBeNull();
    const right = totpCode(rfcSecret, step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotp(rfcSecret, wrong, null, at)).toBeNull();
  });

  it('writes the link authenticator applications read', () => {
    expect(otpauthUri('ABC', 'awa@ASSO')).toBe('otpauth://totp/Relais%3Aawa%40ASSO?secret=ABC&issuer=Relais&algorithm=SHA1&digits=6&period=30');
  });
});
