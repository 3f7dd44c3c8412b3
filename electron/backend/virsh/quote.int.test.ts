import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SshTransport } from '../transport/ssh-transport';
import { hostileArgs } from '../testing/hostile-args';
import { connectTestTransport } from '../testing/ssh-test-host';
import { runToEnd } from './one-off-process';
import { hostScript, remoteCommand, words } from './quote';
import { VirshApart } from './virsh-apart';

// Real sshd on 127.0.0.1 (e2e/host/): the command goes through sshd and the test user's login shell.
const host = inject('testHost');

describe('remote commands on the real test host over SSH', () => {
  let ssh: Awaited<ReturnType<typeof connectTestTransport>>;
  let transport: SshTransport;
  beforeAll(async () => {
    ssh = await connectTestTransport(host);
    transport = ssh.transport;
  });
  afterAll(() => ssh?.close());

  it('remoteCommand: each hostile argument arrives as one argument', async () => {
    const { output, code } = await runToEnd(
      await transport.exec(remoteCommand(['printf', '%s\\0', ...hostileArgs])),
    );
    expect(code).toBe(0);
    expect(output.split('\0').slice(0, -1)).toEqual(hostileArgs);
  });

  it('hostScript with words(): the same, inside a fixed script', async () => {
    const argv = words(['%s\\0', ...hostileArgs]);
    const { output } = await runToEnd(await transport.exec(hostScript`cd / && printf ${argv}`));
    expect(output.split('\0').slice(0, -1)).toEqual(hostileArgs);
  });

  it('virsh on the host receives a hostile name verbatim as one argument', async () => {
    const virsh = new VirshApart(transport, 'test:///default');
    for (const name of ["it's $(id) `id`", '--all', 'a; rm -rf ~', 'ünïcødé 虚拟机 🖥️']) {
      await expect(virsh.run(['dominfo', '--domain', name])).rejects.toThrow(
        `failed to get domain '${name}'`,
      );
    }
    // virsh's own echo shows what its parser got, line breaks included.
    for (const arg of hostileArgs) expect(await virsh.run(['echo', '--', arg])).toBe(arg);
  });
});
