import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../electron/content-security-policy';
import { projectElectronPackage } from '../../scripts/desktop/electron-binary';
import { toolBin } from '../../scripts/desktop/run-tool';
import { writeStandInDist } from '../../scripts/desktop/testing/stand-in-electron';

// `npm start`'s window. No Electron binary can be downloaded here, so `npm start` launches a
// stand-in Electron (scripts/desktop/testing/stand-in-electron.ts) that reports the dev server's
// URL and stays up, and Debian's Chromium shows that URL under the policy main.ts puts on every
// response: Electron's renderer is Chromium, so what this page shows, the window shows.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('npm start: the window shows the manager, not a blank page', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'vd-start-'));
  const dist = join(tmp, 'dist');
  writeStandInDist(dist, projectElectronPackage().version, join(tmp, 'launches.jsonl'), { stayOpen: true });
  const npmStart = spawn(process.execPath, [toolBin('tsx'), 'scripts/desktop/start.ts'], {
    cwd: root,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    let url: string | undefined;
    for await (const line of createInterface({ input: npmStart.stdout })) {
      url = /^stand-in window: (\S+)$/.exec(line)?.[1];
      if (url) break;
    }
    expect(url, 'npm start launched no window').toBeDefined();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const csp = contentSecurityPolicy(url);
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
    await page.goto(url!);

    await expect(page.getByRole('button', { name: 'Add connection' }).first()).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    npmStart.kill('SIGTERM');
    if (npmStart.exitCode === null) await once(npmStart, 'close');
    rmSync(tmp, { recursive: true, force: true });
  }
});
