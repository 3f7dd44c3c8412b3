/**
 * Electron's binary, found the way the `electron` package finds it (its index.js) and fetched, when
 * missing, by the package's own `install-electron` (its install.js). Since Electron 45 the package
 * has no install script: `npm ci` downloads nothing, and electron-vite, which only reads
 * `path.txt`, fails with "Electron uninstall" until someone runs `install-electron`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronPackage {
  /** node_modules/electron (or a copy of it): install.js, package.json, then path.txt and dist/. */
  dir: string;
  version: string;
}

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** The `electron` package this project depends on. */
export function projectElectronPackage(): ElectronPackage {
  const manifest = createRequire(import.meta.url).resolve('electron/package.json');
  return readElectronPackage(dirname(manifest));
}

export function readElectronPackage(dir: string): ElectronPackage {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

/**
 * The binary to run, or undefined when it has not been fetched. Same rules as the package's index.js:
 * ELECTRON_OVERRIDE_DIST_PATH wins; otherwise `path.txt` names the executable under dist/, which must
 * be the package's version (install.js's own check).
 */
export function findElectronBinary(pkg: ElectronPackage, env: NodeJS.ProcessEnv): string | undefined {
  const executable = readIfExists(join(pkg.dir, 'path.txt'));
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const path = join(override, executable ?? 'electron');
    return existsSync(path) ? path : undefined;
  }
  if (!executable) return undefined;
  const path = join(pkg.dir, 'dist', executable);
  const version = readIfExists(join(pkg.dir, 'dist', 'version'))?.replace(/^v/, '');
  return existsSync(path) && version === pkg.version ? path : undefined;
}

/** install-electron's error, without its stack: the first line that is not a stack frame. */
export function firstErrorLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return (line ?? 'no error message').slice(0, 200);
}

/** Runs the package's install.js with this Node, as the package's own index.js does. */
export function runInstallElectron(
  pkg: ElectronPackage,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ ok: false, stderr: error.message }));
    child.on('close', (code) => resolve({ ok: code === 0, stderr }));
  });
}

/**
 * The binary, fetched first when missing. `note` tells the user a download is starting (it can take
 * a while, and install-electron shows no progress through a pipe).
 */
export async function ensureElectronBinary(
  pkg: ElectronPackage,
  env: NodeJS.ProcessEnv,
  note: (line: string) => void,
): Promise<ElectronBinary> {
  const found = findElectronBinary(pkg, env);
  if (found) return { ok: true, path: found };
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override)
    return { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH (${override}) holds no Electron binary` };
  if (env['ELECTRON_SKIP_BINARY_DOWNLOAD'])
    return {
      ok: false,
      reason: `Electron ${pkg.version} is not downloaded yet, and ELECTRON_SKIP_BINARY_DOWNLOAD is set`,
    };
  note(`VirtDesk: fetching Electron ${pkg.version} for this machine with its install-electron (once)…`);
  const install = await runInstallElectron(pkg, env);
  const fetched = findElectronBinary(pkg, env);
  if (install.ok && fetched) return { ok: true, path: fetched };
  const why = install.ok ? 'install-electron left no binary' : firstErrorLine(install.stderr);
  return {
    ok: false,
    reason: `Electron ${pkg.version} could not be downloaded (${why}); this machine may not reach Electron's download`,
  };
}
