import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword, lowerPasswordCostForTests, PASSWORD_COST, verifyPassword } from './passwords.ts';

// The database tests hash at a lower cost (server/test/per-file.ts, ADR 0044): here, the cost
// everything else runs with.
describe('password hashes', () => {
  afterAll(() => lowerPasswordCostForTests(null));

  it('are scrypt at N = 2^15, r = 8, p = 1 unless a test lowers it, and verify only the right password', async () => {
    lowerPasswordCostForTests(null);
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterie', hash)).toBe(false);
    // Unicode forms of the same password are one password.
    expect(await verifyPassword('e\u0301te\u0301 2026 au soleil', await hashPassword('\u00e9t\u00e9 2026 au soleil'))).toBe(true);
  });

  it('verify by the cost each hash names: a hash made at a lower cost still checks', async () => {
    lowerPasswordCostForTests(1024);
    const low = await hashPassword('correct horse battery');
    expect(low).toMatch(/^scrypt\$1024\$8\$1\$/);
    lowerPasswordCostForTests(null);
    expect(await verifyPassword('correct horse battery', low)).toBe(true);
    expect(await verifyPassword('wrong horse battery', low)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'bcrypt$whatever')).toBe(false);
  });
});
