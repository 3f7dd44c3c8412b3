import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildPackages } from './build-packages';
import { copyElectronPackage, downloadEnv, unreachableMirror } from './testing/electron-download';

// The building itself is dist.pack.test.ts; here, a machine that cannot reach Electron's download.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp: string;
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'virtdesk-dist-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

it('npm run dist offline: one line saying Electron could not be downloaded, no package built', async () => {
  const electron = copyElectronPackage(join(tmp, 'project'));
  const err: string[] = [];
  const status = await buildPackages({
    root,
    electron,
    env: downloadEnv(await unreachableMirror(), join(tmp, 'cache')),
    args: [`-c.directories.output=${join(tmp, 'dist')}`],
    out: () => {},
    err: (line) => err.push(line),
    toolStdio: 'ignore',
  });

  expect(status).toBe(1);
  expect(existsSync(join(tmp, 'dist'))).toBe(false);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(
    /^VirtDesk cannot build the desktop packages: Electron \S+ could not be downloaded \(.+\)/,
  );
});
