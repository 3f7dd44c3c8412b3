import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { ApiError } from '../../../shared/api/errors';
import type { SshEndpoint } from './ssh-endpoint';

/** A running ProxyCommand: its stdin/stdout carry the SSH connection. */
export interface ProxyProcess {
  stream: Duplex;
  /** Resolves when the command has exited, with what it last wrote to stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  hasExited(): boolean;
  kill(): void;
}

const STDERR_KEPT = 2048;

/**
 * Runs a ProxyCommand on this machine the way ssh does: `$SHELL -c 'exec COMMAND'` (the command as
 * written in ~/.ssh/config, tokens already expanded). The user's own command, run locally: nothing
 * in it is remote input, so it is not quoted.
 */
export function startProxyCommand(command: string, env: NodeJS.ProcessEnv): ProxyProcess {
  const shell = env['SHELL'] || '/bin/sh';
  const child = spawn(shell, ['-c', command], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => {
      child.once('error', (error) => {
        done = true;
        resolve({ code: null, signal: null, stderr: error.message });
      });
      child.once('close', (code, signal) => {
        done = true;
        resolve({ code, signal, stderr: stderr.trim() });
      });
    },
  );
  // Writing to a command that already exited must not crash the app; the SSH layer sees the close.
  child.stdin.on('error', () => undefined);
  const stream = Duplex.from({ readable: child.stdout, writable: child.stdin });
  stream.on('error', () => undefined);
  return {
    stream,
    exited,
    hasExited: () => done,
    kill: () => {
      if (!done) child.kill('SIGTERM');
    },
  };
}

/** Why a ProxyCommand did not carry the connection, once it has ended (bounded wait for its exit). */
export async function proxyFailure(
  proxy: ProxyProcess,
  endpoint: SshEndpoint,
): Promise<ApiError | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    proxy.exited,
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 2000))),
  ]);
  clearTimeout(timer);
  if (!ended) return undefined;
  const how = ended.signal ? `was killed (${ended.signal})` : `exited with code ${ended.code}`;
  const said = ended.stderr ? `: ${ended.stderr}` : '';
  return new ApiError(
    'proxy-failed',
    `The ProxyCommand for ${endpoint.host} ${how} before the SSH handshake${said}`,
  );
}
