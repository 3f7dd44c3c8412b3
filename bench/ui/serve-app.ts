/**
 * The app as a person uses it in a browser, for benchmarks: `electron/serve.ts` (what `npm run serve`
 * runs after building the renderer) and Debian's Chromium driven by Playwright. The page records, in
 * its own clock, when rows appear and which `domains/delta` events arrive (`page-probe.ts`), so a
 * figure is not inflated by Playwright's round trips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { waitForServeUrl } from '../../e2e/host/serve-url';
import type { TestHost } from '../../e2e/host/test-host';
import { installPageProbe } from './page-probe';

const root = join(import.meta.dirname, '..', '..');

export interface ServeApp {
  page: Page;
  /** The serve process (its memory is the backend's). */
  server: ChildProcess;
  close(): Promise<void>;
}

/**
 * Starts serve with a fresh data dir and a HOME whose known_hosts already has the test host;
 * `savedHosts` names connections to the test host saved beforehand (not connected).
 */
export async function openServeApp(
  host: TestHost,
  savedHosts: string[] = [],
  viewport = { width: 1280, height: 800 },
): Promise<ServeApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vd-sp-bench-'));
  const hosts = savedHosts.map((name) => ({
    id: name,
    name,
    transport: 'ssh',
    host: host.host,
    port: host.port,
    user: host.user,
    uri: host.uri,
    privateKeyPath: host.privateKeyPath,
    autoconnect: false,
  }));
  writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({ version: 1, hosts }));
  const homeDir = mkdtempSync(join(tmpdir(), 'vd-sp-bench-home-'));
  mkdirSync(join(homeDir, '.ssh'), { mode: 0o700 });
  writeFileSync(join(homeDir, '.ssh', 'known_hosts'), `${host.knownHostsLine}\n`);
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'electron/serve.ts'), '--port', '0', '--data-dir', dataDir, '--no-open'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: homeDir } },
  );
  const url = await waitForServeUrl(server, 60_000);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    // The app's CSP (script-src 'self') refuses the string predicates of Playwright's waitForFunction.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await installPageProbe(page);
    await page.goto(url);
    const opened = browser;
    return {
      page,
      server,
      close: async () => {
        await opened.close();
        server.kill('SIGTERM');
      },
    };
  } catch (error) {
    await browser?.close();
    server.kill('SIGTERM');
    throw error;
  }
}

/** Adds the test host through the Add connection dialog (its key is known) and waits for a VM row. */
export async function addTestHost(page: Page, host: TestHost, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add connection' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Connection type').selectOption({ label: 'SSH' });
  await dialog.getByLabel('Host', { exact: true }).fill(host.host);
  await dialog.getByLabel('User', { exact: true }).fill(host.user);
  await dialog.getByLabel('Port', { exact: true }).fill(String(host.port));
  await dialog.getByLabel('Libvirt URI').fill(host.uri);
  await dialog.getByLabel('Private key').fill(host.privateKeyPath);
  await dialog.getByRole('button', { name: 'Connect' }).click();
}
