import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ensureElectronBinary } from './electron-binary';
import {
  copyElectronPackage,
  downloadEnv,
  startElectronMirror,
  unreachableMirror,
} from './testing/electron-download';

// Electron's binary is a stand-in here (see testing/stand-in-electron.ts); install-electron is real.
let tmp: string;
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'virtdesk-electron-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

it('fetches again when the binary there is from another Electron version', async () => {
  const electron = copyElectronPackage(join(tmp, 'project'));
  mkdirSync(join(electron.dir, 'dist'));
  writeFileSync(join(electron.dir, 'dist', 'electron'), 'old');
  writeFileSync(join(electron.dir, 'dist', 'version'), 'v44.0.0');
  writeFileSync(join(electron.dir, 'path.txt'), 'electron');
  const mirror = await startElectronMirror(electron.version, join(tmp, 'launches.jsonl'));
  const notes: string[] = [];

  const binary = await ensureElectronBinary(electron, downloadEnv(mirror.url, join(tmp, 'cache')), (line) =>
    notes.push(line),
  );
  await mirror.close();

  expect(binary).toEqual({ ok: true, path: join(electron.dir, 'dist', 'electron') });
  expect(readFileSync(join(electron.dir, 'dist', 'version'), 'utf8')).toBe(`v${electron.version}`);
  expect(notes).toHaveLength(1);
});

it('does not download when ELECTRON_OVERRIDE_DIST_PATH is set, and says that directory has no Electron', async () => {
  const electron = copyElectronPackage(join(tmp, 'project'));
  const empty = join(tmp, 'empty');
  const env = downloadEnv(await unreachableMirror(), join(tmp, 'cache'), {
    ELECTRON_OVERRIDE_DIST_PATH: empty,
  });

  expect(await ensureElectronBinary(electron, env, () => {})).toEqual({
    ok: false,
    reason: `ELECTRON_OVERRIDE_DIST_PATH (${empty}) holds no Electron binary`,
  });
});
