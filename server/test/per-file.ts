import { afterAll, vi } from 'vitest';

// Test files share their worker process (`isolate: false` in vitest.config.ts): what a file
// changed of the process's clock, globals or environment is undone when it ends.
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
