import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// RELAIS_E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.RELAIS_E2E_PORT ?? 3123);
// RELAIS_E2E_OUTPUT: the folder of traces and screenshots (scripts/test.mjs gives each engine's pass its own).
const outputDir = process.env.RELAIS_E2E_OUTPUT ?? path.join(repoRoot, 'test-results');

// One fresh data directory per run. The config is also loaded by the workers: they inherit it through the env.
process.env.RELAIS_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-'));

const serverEnv: Record<string, string> = {
  RELAIS_DATA_DIR: process.env.RELAIS_E2E_DATA_DIR,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  NODE_ENV: 'production',
};
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A scenario is a user's whole journey (often 20–45 s here); under a loaded machine it takes twice that.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: path.join(repoRoot, 'playwright-report') }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // `relais start`, restarted around `relais init` when a spec asks for a second organisation (serve.mjs).
    command: 'node e2e/serve.mjs',
    cwd: repoRoot,
    env: serverEnv,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
