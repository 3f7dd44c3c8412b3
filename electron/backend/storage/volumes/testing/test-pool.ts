// Test-only: a dir pool for the test host's user (session mode), defined idempotently, and a way
// to drop only this process's own SSH connection to the test host (others run tests meanwhile).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { hostVirsh, type TestHost } from '../../../../../e2e/host/test-host';
import { parseVolList } from '../parse-volume-output';
import type { Harness } from '../../../testing/backend-harness';

export async function ensureDirPool(name: string, home = '/home/vdtest'): Promise<void> {
  const info = await hostVirsh(['pool-info', name]);
  if (info.code !== 0) {
    await hostVirsh(['pool-define-as', name, 'dir', '--target', `${home}/${name}`]);
    await hostVirsh(['pool-build', name]);
  }
  if (!/State:\s+running/.test(info.stdout)) await hostVirsh(['pool-start', name]);
}

export async function volumeNames(pool: string): Promise<string[]> {
  const r = await hostVirsh(['vol-list', pool]);
  return parseVolList(r.stdout).map((row) => row.name);
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}

/**
 * Kills the sshd processes serving this process's connection(s) to the test host, found through the
 * kernel's socket table by the client port: every other session of the host stays up.
 */
export async function killOwnSshConnection(host: Pick<TestHost, 'port'>): Promise<number> {
  const mine = await run('ss', ['-Htnp', 'state', 'established', 'dport', '=', `:${host.port}`]);
  const clientPorts = mine
    .split('\n')
    .filter((l) => l.includes(`pid=${process.pid},`))
    .map((l) => /127\.0\.0\.1:(\d+)\s+127\.0\.0\.1:\d+/.exec(l)?.[1])
    .filter((p): p is string => Boolean(p));
  const pids = new Set<number>();
  for (const port of clientPorts) {
    const server = await run('ss', [
      '-Htnp',
      'state',
      'established',
      'sport',
      '=',
      `:${host.port}`,
      'dport',
      '=',
      `:${port}`,
    ]);
    for (const m of server.matchAll(/pid=(\d+)/g)) pids.add(Number(m[1]));
  }
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  return pids.size;
}

/** Starts the upload job of local file `path` into volume `name`; returns its job id and the size. */
export async function uploadPath(
  h: Harness,
  target: { hostId: string; pool: string; name: string },
  path: string,
): Promise<{ jobId: string; size: number }> {
  const size = statSync(path).size;
  const { jobId } = await h.call('volumes/upload', { ...target, size, source: { kind: 'path', path } });
  return { jobId, size };
}
