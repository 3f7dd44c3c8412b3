/** What `npm start` and `npm run dist` are given, and how their scripts run them. */
import type { StdioOptions } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectElectronPackage, type ElectronPackage } from './electron-binary';

export interface DesktopCommand {
  /** The project: where electron-vite and electron-builder run. */
  root: string;
  electron: ElectronPackage;
  env: NodeJS.ProcessEnv;
  /** Passed on to the tool (`npm start -- --inspect`, `npm run dist -- --dir` …). */
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
  /** The tools' own output: the terminal unless a test collects it. */
  toolStdio?: StdioOptions;
}

/** Runs a command for this project with this process's environment, arguments and terminal. */
export async function runFromCli(command: (c: DesktopCommand) => Promise<number>): Promise<void> {
  process.exitCode = await command({
    root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
    electron: projectElectronPackage(),
    env: process.env,
    args: process.argv.slice(2),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
