import { extractFile, listPackage } from '@electron/asar';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPackages } from './build-packages';
import {
  copyElectronPackage,
  downloadEnv,
  startElectronMirror,
  type ElectronMirror,
} from './testing/electron-download';

// `npm run dist -- --linux dir` end to end. Electron is a stand-in (testing/stand-in-electron.ts):
// no Electron release can be downloaded here, so install-electron and electron-builder, both real,
// fetch the stand-in's release zip from a mirror on 127.0.0.1, and electron-builder packages
// VirtDesk around it. The AppImage and .deb targets also need electron-builder's own tools from
// its download host; the README ("Packages") says what this test cannot check.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'virtdesk-dist-'));
const output = join(tmp, 'dist');
const asar = join(output, 'linux-unpacked', 'resources', 'app.asar');
let mirror: ElectronMirror;
let status: number;
const err: string[] = [];

beforeAll(async () => {
  const electron = copyElectronPackage(join(tmp, 'project'));
  mirror = await startElectronMirror(electron.version, join(tmp, 'launches.jsonl'));
  const cache = join(tmp, 'electron-cache');
  status = await buildPackages({
    root,
    electron,
    // Caches under tmp: nothing of the stand-in lands in the user's ~/.cache.
    env: downloadEnv(mirror.url, cache, {
      XDG_CACHE_HOME: join(tmp, 'cache'),
      ELECTRON_BUILDER_CACHE: join(tmp, 'eb'),
    }),
    args: ['--linux', 'dir', `-c.directories.output=${output}`, `-c.electronDownload.cache=${cache}`],
    out: () => {},
    err: (line) => err.push(line),
    toolStdio: 'ignore',
  });
}, 180_000);

afterAll(async () => {
  await mirror.close();
  rmSync(tmp, { recursive: true, force: true });
});

const packaged = (path: string) => extractFile(asar, path).toString('utf8');

it('builds the unpacked Linux app: an executable named virtdesk, Electron downloaded once', () => {
  expect(err).toEqual([]);
  expect(status).toBe(0);
  accessSync(join(output, 'linux-unpacked', 'virtdesk'), constants.X_OK);
  const zips = mirror.requests.filter((path) => path.endsWith('.zip'));
  expect(zips).toHaveLength(1); // electron-builder reused what install-electron fetched
});

it('packages the app as VirtDesk 0.1.0 with its main, preload and renderer', () => {
  const manifest = JSON.parse(packaged('package.json')) as Record<string, unknown>;
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest).toMatchObject({ name: 'virtdesk', version: own['version'], main: 'out/main/main.cjs' });
  const files = listPackage(asar, { isPack: false });
  expect(files).toEqual(
    expect.arrayContaining(['/out/main/main.cjs', '/out/preload/preload.cjs', '/out/renderer/index.html']),
  );
});

it('packages every module the main process loads at run time', () => {
  const builtins = new Set([...builtinModules, 'electron']);
  const loaded = [...packaged('out/main/main.cjs').matchAll(/require\("([^"]+)"\)/g)]
    .map(([, name]) => name!)
    .filter((name) => !name.startsWith('node:') && !builtins.has(name));
  expect(loaded.length).toBeGreaterThan(0);
  for (const name of loaded)
    expect(JSON.parse(packaged(`node_modules/${name}/package.json`))).toHaveProperty('name', name);
});
