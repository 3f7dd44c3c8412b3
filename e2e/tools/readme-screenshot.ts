/**
 * Regenerates assets/screenshot.png for the README: `npx tsx e2e/tools/readme-screenshot.ts`
 * (after `npm run build:web`). Uses the real test host and the demo connection.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureTestHost, hostVirsh } from '../host/test-host';

const root = join(import.meta.dirname, '..', '..');
const host = await ensureTestHost();
const dataDir = mkdtempSync(join(tmpdir(), 'vd-shot-'));
writeFileSync(join(dataDir, 'known_hosts'), `${host.knownHostsLine}\n`);
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--no-open'],
  {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /running at (\S+)/.exec(out);
    if (m) resolve(m[1]!);
  });
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 640 }, deviceScaleFactor: 1 });
await page.goto(url);
await page.getByRole('button', { name: /demo/i }).click();
await page.getByRole('button', { name: 'Add connection' }).first().click();
const dialog = page.getByRole('dialog', { name: 'Add connection' });
await dialog.getByLabel('Connection type').selectOption({ label: 'SSH' });
await dialog.getByLabel('Name').fill('lab-kvm (test host)');
await dialog.getByLabel('Host', { exact: true }).fill(host.host);
await dialog.getByLabel('User', { exact: true }).fill(host.user);
await dialog.getByLabel('Port', { exact: true }).fill(String(host.port));
await dialog.getByLabel('Libvirt URI').fill(host.uri);
await dialog.getByLabel('Private key').fill(host.privateKeyPath);
await dialog.getByRole('button', { name: 'Connect' }).click();
await page.getByRole('row', { name: 'vd-tiny', exact: true }).waitFor();
await hostVirsh(['start', 'vd-tiny']);
await page
  .getByRole('row', { name: 'vd-tiny', exact: true })
  .getByText(/running/i)
  .waitFor();
await page.getByRole('row', { name: 'vd-tiny', exact: true }).click();
await page.waitForTimeout(5000); // let a few stats ticks draw the sparklines
await page.screenshot({ path: join(root, 'assets', 'screenshot.png') });
await hostVirsh(['destroy', 'vd-tiny']);
await browser.close();
server.kill();
