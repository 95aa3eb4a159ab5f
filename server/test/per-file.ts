import { afterAll, vi } from 'vitest';
import { lowerPasswordCostForTests } from '../src/lib/passwords.ts';

// Test files share their worker process (`isolate: false` in vitest.config.ts): what a file
// changed of the process's clock, globals or environment is undone when it ends.
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

// Passwords hashed in tests cost scrypt N = 2^10 instead of 2^15 (ADR 0044): the suite creates and
// logs in thousands of users. Processes the tests start (`relais`, the browser tests' server) keep
// the real cost, and server/src/lib/passwords.test.ts checks it.
lowerPasswordCostForTests(2 ** 10);
