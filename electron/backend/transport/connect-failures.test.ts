import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirshShell } from '../virsh/virsh-shell';
import { LocalTransport } from './local-transport';
import { routeFor } from './ssh-config/route-for';
import { tempHome } from './ssh-config/testing/temp-config';
import { SshTransport } from './ssh-transport';
import { sshTestDeps as deps } from '../testing/ssh-test-host';

/** A server that accepts TCP connections and never says a word. */
async function silentServer() {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

describe('why a host cannot be reached', () => {
  it('times out on a server that accepts TCP but never speaks SSH', async () => {
    const silent = await silentServer();
    const dir = mkdtempSync(join(tmpdir(), 'vd-timeout-'));
    try {
      await expect(
        SshTransport.connect(
          { host: '127.0.0.1', port: silent.port, user: 'u', identityFiles: [], identitiesOnly: true },
          deps(dir, { readyTimeoutMs: 500 }),
        ),
      ).rejects.toMatchObject({ code: 'connect-timeout' });
    } finally {
      silent.close();
    }
  });

  it('gives up after the ConnectTimeout of ~/.ssh/config instead of the default 20 s', async () => {
    const silent = await silentServer();
    const home = tempHome({
      '.ssh/config': `Host silent\n  HostName 127.0.0.1\n  Port ${silent.port}\n  ConnectTimeout 1\n`,
    });
    try {
      const route = await routeFor({ host: 'silent' }, { homeDir: home, agentSocket: undefined });
      const started = Date.now();
      await expect(SshTransport.connect(route.endpoint, deps(home))).rejects.toMatchObject({
        code: 'connect-timeout',
        message: expect.stringMatching(/after 1 s/),
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });

  it('says so when virsh is not installed on the host', async () => {
    // A "host" whose PATH has a shell but no virsh.
    const bin = mkdtempSync(join(tmpdir(), 'vd-novirsh-'));
    mkdirSync(join(bin, 'b'));
    symlinkSync('/bin/sh', join(bin, 'b', 'sh'));
    await expect(
      VirshShell.open(new LocalTransport({ PATH: join(bin, 'b') }), 'qemu:///system'),
    ).rejects.toMatchObject({
      code: 'virsh-missing',
      message: expect.stringMatching(/virsh is not installed/),
    });
  });
});
