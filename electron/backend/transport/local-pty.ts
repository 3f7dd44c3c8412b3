import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteArg, RemoteCommand } from '../virsh/quote';

/**
 * A command on a pseudo-terminal of this machine, for local connections (`virsh console` needs a
 * PTY). Node has no PTY of its own without a native addon, so the system's `script` utility provides
 * one; the inner shell reports its tty so `stty` can follow the terminal's size.
 */
export interface LocalPty {
  child: ChildProcessWithoutNullStreams;
  resize(rows: number, cols: number): void;
}

export function spawnLocalPty(
  command: RemoteCommand,
  size: { rows: number; cols: number; term?: string },
  platform: NodeJS.Platform = process.platform,
): LocalPty {
  if (platform === 'win32') throw new Error('Serial consoles on local connections need a Unix system');
  const ttyFile = join(tmpdir(), `virtdesk-tty-${randomBytes(8).toString('hex')}`);
  const inner =
    `tty > ${quoteArg(ttyFile)}; ` +
    `stty rows ${Math.trunc(size.rows)} cols ${Math.trunc(size.cols)}; ` +
    `exec sh -c ${quoteArg(RemoteCommand.lineOf(command))}`;
  const args = platform === 'darwin' ? ['-q', '/dev/null', 'sh', '-c', inner] : ['-qfec', inner, '/dev/null'];
  const child = spawn('script', args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, TERM: size.term ?? 'xterm-256color' },
  });
  let tty: Promise<string | undefined> | undefined;
  const ttyPath = () =>
    (tty ??= readFile(ttyFile, 'utf8').then(
      (text) => (/^\/dev\/[\w/]+$/.test(text.trim()) ? text.trim() : undefined),
      () => undefined,
    ));
  child.once('close', () => void rm(ttyFile, { force: true }));
  return {
    child,
    resize(rows, cols) {
      void ttyPath().then((path) => {
        if (!path) return;
        const flag = platform === 'darwin' ? '-f' : '-F';
        spawn('stty', [flag, path, 'rows', String(Math.trunc(rows)), 'cols', String(Math.trunc(cols))], {
          stdio: 'ignore',
        }).on('error', () => undefined);
      });
    },
  };
}
