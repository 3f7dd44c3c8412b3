/**
 * `npm start`: make sure Electron's binary is there (fetching it with install-electron on first use),
 * then run `electron-vite dev` on it. A machine that cannot fetch it gets one line that says so and
 * points to `npm run serve`, not electron-vite's "Error: Electron uninstall" stack.
 */
import type { DesktopCommand } from './desktop-command';
import { ensureElectronBinary } from './electron-binary';
import { runTool, toolBin } from './run-tool';

const BROWSER_HINT = '`npm run serve` runs the same app in a browser';

/** Resolves to the exit status for `npm start`: the app's own, or 1 when it could not start. */
export async function startDesktop(start: DesktopCommand): Promise<number> {
  let binary = start.env['ELECTRON_EXEC_PATH']; // electron-vite's own override: the user chose a binary
  if (!binary) {
    const found = await ensureElectronBinary(start.electron, start.env, start.out);
    if (!found.ok) {
      start.err(`VirtDesk cannot start the desktop app: ${found.reason}. ${BROWSER_HINT}.`);
      return 1;
    }
    binary = found.path;
  }
  return runTool({
    bin: toolBin('electron-vite'),
    args: ['dev', ...start.args],
    cwd: start.root,
    env: { ...start.env, ELECTRON_EXEC_PATH: binary },
    ...(start.toolStdio ? { stdio: start.toolStdio } : {}),
  });
}
