/**
 * The e2e fixture: a fresh data dir per test, and the app opened the way a user would.
 * - Default: `electron/serve.ts` (what `npm run serve` runs) + Debian's Chromium via Playwright.
 * - VIRTDESK_E2E_TARGET=electron (where an Electron binary exists): the same specs drive the
 *   desktop build (`npm run build` first) through Playwright's Electron support.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { waitForServeUrl } from './host/serve-url';
import { readTestHost, type TestHost } from './host/test-host';
import { ManagerPage } from './pages/manager-page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Fixtures {
  dataDir: string;
  /** The app's $HOME: a fresh directory with an empty ~/.ssh (tests may write ~/.ssh/config). */
  homeDir: string;
  testHost: TestHost;
  app: ManagerPage;
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => use(mkdtempSync(join(tmpdir(), 'vd-e2e-'))),
  homeDir: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'vd-e2e-home-'));
    mkdirSync(join(home, '.ssh'), { mode: 0o700 });
    await use(home);
  },
  testHost: async ({}, use) => use(await readTestHost()),
  app: async ({ dataDir, homeDir, deviceScaleFactor, locale }, use, testInfo) => {
    const opened =
      process.env['VIRTDESK_E2E_TARGET'] === 'electron'
        ? await openElectron(dataDir, homeDir)
        : await openServe(dataDir, homeDir, deviceScaleFactor ?? 1, locale);
    await opened.page
      .context()
      .tracing.start({ screenshots: true, snapshots: true })
      .catch(() => undefined);
    try {
      await use(new ManagerPage(opened.page));
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await opened.page
          .context()
          .tracing.stop({ path: testInfo.outputPath('trace.zip') })
          .catch(() => undefined);
      }
      await opened.close();
    }
  },
});

export { expect } from '@playwright/test';

/** `npm run serve` on a data dir and a browser on it (`locale`: the browser's, as `test.use({ locale })`). */
export async function openServe(
  dataDir: string,
  homeDir: string,
  deviceScaleFactor = 1,
  locale?: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/serve.ts'), '--port', '0', '--data-dir', dataDir, '--no-open'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: homeDir } },
  );
  const url = await waitForServeUrl(server);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // `test.use({ deviceScaleFactor })` tries HiDPI and fractional scaling.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor,
    ...(locale ? { locale } : {}),
  });
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    close: async () => {
      await browser.close();
      server.kill('SIGTERM');
    },
  };
}

async function openElectron(
  dataDir: string,
  homeDir: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const electronApp = await _electron.launch({
    args: [join(root, 'out/main/main.cjs')],
    env: { ...process.env, VIRTDESK_DATA_DIR: dataDir, HOME: homeDir },
  });
  const page = await electronApp.firstWindow();
  return { page, close: () => electronApp.close() };
}
