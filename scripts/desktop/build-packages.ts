/**
 * `npm run dist`: the desktop packages of this OS (electron-builder.yml: AppImage + .deb on Linux,
 * dmg on macOS, NSIS on Windows). Electron is fetched first with install-electron, as for
 * `npm start`: electron-builder then finds the same release zip in Electron's download cache, and a
 * machine that cannot reach the download is told so in one line before anything is built.
 */
import type { DesktopCommand } from './desktop-command';
import { ensureElectronBinary } from './electron-binary';
import { runTool, toolBin } from './run-tool';

export async function buildPackages(build: DesktopCommand): Promise<number> {
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
