/**
 * Runs a dev tool's CLI (electron-vite, electron-builder) with this Node and hands its exit status
 * back; Ctrl+C and SIGTERM go to the tool, which closes what it started.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The script a package's `bin` entry names, resolved from this project. */
export function toolBin(packageName: string, binName = packageName): string {
  const manifest = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  const relative = typeof bin === 'string' ? bin : bin[binName];
  if (!relative) throw new Error(`${packageName} has no "${binName}" command`);
  return join(dirname(manifest), relative);
}

export interface ToolRun {
  bin: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
}

export function runTool({ bin, args, cwd, env, stdio = 'inherit' }: ToolRun): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
      const handler = forward(signal);
      process.on(signal, handler);
      return () => process.off(signal, handler);
    });
    let settled = false;
    const done = (status: number) => {
      if (settled) return;
      settled = true;
      for (const off of handlers) off();
      resolve(status);
    };
    child.on('error', (error) => {
      process.stderr.write(`VirtDesk: could not run ${bin}: ${error.message}\n`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1)); // a signal death is a failure too
  });
}
