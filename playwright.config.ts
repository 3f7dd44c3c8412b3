import { defineConfig } from '@playwright/test';

// E2E: the renderer in Debian's Chromium against `npm run serve` and the real test host.
// One worker (one test host), a fresh data dir per test, a trace kept on failure.
export default defineConfig({
  testDir: 'e2e/specs',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
