import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectElectronPackage } from './electron-binary';
import type { DesktopCommand } from './desktop-command';
import { startDesktop } from './start-desktop';
import {
  copyElectronPackage,
  downloadEnv,
  startElectronMirror,
  unreachableMirror,
  type ElectronMirror,
} from './testing/electron-download';
import { readLaunches, writeStandInDist } from './testing/stand-in-electron';

// `npm start` end to end, except that Electron is a stand-in (see testing/stand-in-electron.ts):
// the real install-electron fetches it from a mirror on 127.0.0.1, the real electron-vite builds
// main and preload, serves the renderer and launches it.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = projectElectronPackage();

let tmp: string;
let record: string;
let mirror: ElectronMirror | undefined;
let out: string[];
let err: string[];

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'virtdesk-start-'));
  record = join(tmp, 'launches.jsonl');
  out = [];
  err = [];
});

afterEach(async () => {
  await mirror?.close();
  mirror = undefined;
  rmSync(tmp, { recursive: true, force: true });
});

function start(overrides: Partial<DesktopCommand>): Promise<number> {
  return startDesktop({
    root,
    electron: overrides.electron ?? copyElectronPackage(join(tmp, 'project')),
    env: {},
    args: [],
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    toolStdio: 'ignore',
    ...overrides,
  });
}

describe('npm start', () => {
  it('fetches Electron with install-electron on first start, then opens VirtDesk in it', async () => {
    mirror = await startElectronMirror(version, record);
    const electron = copyElectronPackage(join(tmp, 'project'));
    const env = downloadEnv(mirror.url, join(tmp, 'cache'));

    expect(await start({ electron, env })).toBe(0);
    expect(out.join('\n')).toContain(`fetching Electron ${version}`);
    expect(err).toEqual([]);
    const [launch] = readLaunches(record);
    expect(launch).toMatchObject({ argv: ['.'], cwd: root, pageTitle: 'VirtDesk' });
    expect(launch?.rendererUrl).toMatch(/^http:\/\/localhost:\d+$/);

    const downloads = mirror.requests.length;
    out = [];
    expect(await start({ electron, env })).toBe(0);
    expect(mirror.requests).toHaveLength(downloads); // fetched once
    expect(out).toEqual([]);
    expect(readLaunches(record)).toHaveLength(2);
  }, 60_000);

  it('offline: says so in one line and points to npm run serve, without a stack trace', async () => {
    const env = downloadEnv(await unreachableMirror(), join(tmp, 'cache'));

    expect(await start({ env })).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/cannot start the desktop app: Electron \S+ could not be downloaded \(.+\)/);
    expect(err[0]).toContain('`npm run serve` runs the same app in a browser');
    expect(err[0]).not.toMatch(/\n|\bat .+:\d+:\d+/);
    expect(readLaunches(record)).toEqual([]);
  }, 30_000);

  it('runs the Electron ELECTRON_OVERRIDE_DIST_PATH points to and hands its exit status back', async () => {
    const dist = join(tmp, 'dist');
    writeStandInDist(dist, version, record, { exitCode: 7 });
    const env = downloadEnv(await unreachableMirror(), join(tmp, 'cache'), {
      ELECTRON_OVERRIDE_DIST_PATH: dist,
    });

    expect(await start({ env })).toBe(7);
    expect(out).toEqual([]); // nothing fetched
    expect(readLaunches(record)).toMatchObject([{ argv: ['.'], cwd: root, pageTitle: 'VirtDesk' }]);
  }, 60_000);

  it('with ELECTRON_SKIP_BINARY_DOWNLOAD set, explains instead of fetching', async () => {
    mirror = await startElectronMirror(version, record);
    const env = downloadEnv(mirror.url, join(tmp, 'cache'), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });

    expect(await start({ env })).toBe(1);
    expect(err).toEqual([
      `VirtDesk cannot start the desktop app: Electron ${version} is not downloaded yet, and ELECTRON_SKIP_BINARY_DOWNLOAD is set. \`npm run serve\` runs the same app in a browser.`,
    ]);
    expect(mirror.requests).toEqual([]);
  });
});
