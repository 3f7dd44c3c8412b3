import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus';
import { PromptBroker } from '../prompts/prompt-broker';
import { VirshShell } from '../virsh/virsh-shell';
import { KnownHosts } from './known-hosts';
import { LocalTransport } from './local-transport';
import { SecretMemory } from './ssh-auth';
import { SshTransport } from './ssh-transport';

describe('why a host cannot be reached', () => {
  it('times out on a server that accepts TCP but never speaks SSH', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'vd-timeout-'));
    try {
      await expect(
        SshTransport.connect(
          { host: '127.0.0.1', port, user: 'u', identityFiles: [], identitiesOnly: true },
          {
            hostId: 'h',
            knownHosts: new KnownHosts([{ path: join(dir, 'known_hosts'), writable: true }]),
            prompts: new PromptBroker(new EventBus()),
            secrets: new SecretMemory(),
            homeDir: dir,
            agentSocket: undefined,
            readyTimeoutMs: 500,
          },
        ),
      ).rejects.toMatchObject({ code: 'connect-timeout' });
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
