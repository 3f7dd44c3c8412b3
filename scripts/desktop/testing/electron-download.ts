/**
 * Electron's download, played on 127.0.0.1: a mirror serving a stand-in release zip (see
 * stand-in-electron.ts) and a throw-away copy of the `electron` package whose real install.js
 * (`install-electron`) fetches from it, so tests never touch the project's node_modules/electron.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectElectronPackage, readElectronPackage, type ElectronPackage } from '../electron-binary';
import { standInSource } from './stand-in-electron';
import { zip } from './zip';

export interface ElectronMirror {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const artifactName = (version: string) => `electron-v${version}-${process.platform}-${process.arch}.zip`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
    }),
  );
}

/** Serves `v<version>/electron-v<version>-<platform>-<arch>.zip` (the stand-in) and its SHASUMS256.txt. */
export async function startElectronMirror(version: string, recordFile: string): Promise<ElectronMirror> {
  const release = zip([
    { name: 'electron', data: standInSource(recordFile, 0), mode: 0o755 },
    { name: 'version', data: `v${version}` },
  ]);
  const sha = createHash('sha256').update(release).digest('hex');
  const files = new Map<string, Buffer>([
    [`/v${version}/${artifactName(version)}`, release],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(`${sha} *${artifactName(version)}\n`)],
  ]);
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = files.get(request.url ?? '');
    response.writeHead(body ? 200 : 404).end(body);
  });
  const url = await listen(server);
  return { url, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A mirror address where nothing listens: what an offline machine gets. */
export async function unreachableMirror(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

/** The directory of `name` as the real `electron` package resolves it. */
function dependencyDir(fromDir: string, name: string): string {
  let dir = dirname(createRequire(join(fromDir, 'package.json')).resolve(name));
  while (!existsSync(join(dir, 'package.json')) || packageName(dir) !== name) dir = dirname(dir);
  return dir;
}

const packageName = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name;

/** `<root>/node_modules/electron`: the package's own files, its dependencies linked, no binary yet. */
export function copyElectronPackage(root: string): ElectronPackage {
  const real = projectElectronPackage().dir;
  const modules = join(root, 'node_modules');
  const copy = join(modules, 'electron');
  mkdirSync(copy, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json'])
    copyFileSync(join(real, file), join(copy, file));
  for (const dependency of ['@electron/get', '@electron-internal/extract-zip']) {
    mkdirSync(dirname(join(modules, dependency)), { recursive: true });
    symlinkSync(dependencyDir(real, dependency), join(modules, dependency), 'dir');
  }
  return readElectronPackage(copy);
}

/**
 * The environment install-electron sees: this one without any Electron download settings (a
 * developer's .npmrc mirror, CI's ELECTRON_SKIP_BINARY_DOWNLOAD), pointed at `mirrorUrl`, with a
 * private cache and the mirror's checksums (the package's checksums.json is for the real zips).
 */
export function downloadEnv(
  mirrorUrl: string,
  cacheDir: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_config_|npm_package_config_)?electron_/i.test(key)),
  );
  return {
    ...env,
    ELECTRON_MIRROR: mirrorUrl,
    electron_config_cache: cacheDir,
    electron_use_remote_checksums: '1',
    ELECTRON_GET_NO_PROGRESS: '1',
    ...extra,
  };
}
