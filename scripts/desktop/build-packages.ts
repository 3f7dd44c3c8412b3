/**
 * `npm run dist`: the desktop packages of this OS (electron-builder.yml: AppImage + .deb on Linux,
 * dmg on macOS, NSIS on Windows). Electron is fetched first with install-electron, as for
 * `npm start`: electron-builder then finds the same release zip in Electron's download cache, and a
 * machine that cannot reach the download is told so in one line before anything is built.
 */
import type { StdioOptions } from 'node:child_process';
import { ensureElectronBinary, type ElectronPackage } from './electron-binary';
import { runTool, toolBin } from './run-tool';

export interface PackagesBuild {
  root: string;
  electron: ElectronPackage;
  env: NodeJS.ProcessEnv;
  /** Passed on to electron-builder (`npm run dist -- --dir`, `--arm64` …). */
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
  toolStdio?: StdioOptions;
}

export async function buildPackages(build: PackagesBuild): Promise<number> {
  const found = await ensureElectronBinary(build.electron, build.env, build.out);
  if (!found.ok) {
    build.err(`VirtDesk cannot build the desktop packages: ${found.reason}.`);
    return 1;
  }
  const run = (bin: string, args: string[]) =>
    runTool({
      bin,
      args,
      cwd: build.root,
      env: build.env,
      ...(build.toolStdio ? { stdio: build.toolStdio } : {}),
    });
  const built = await run(toolBin('electron-vite'), ['build']);
  if (built !== 0) return built;
  return run(toolBin('electron-builder'), ['--publish', 'never', ...build.args]);
}
