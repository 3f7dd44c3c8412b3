import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { VirshShell } from './virsh-shell';

// The real virsh binary against libvirt's built-in test driver (state lives in the one process).
describe('VirshShell on a local test:///default', () => {
  const transports: LocalTransport[] = [];
  afterEach(() => transports.splice(0).forEach((t) => t.close()));
  const open = async (uri = 'test:///default') => {
    const transport = new LocalTransport();
    transports.push(transport);
    return VirshShell.open(transport, uri);
  };

  it('keeps driver state across commands because it is one process', async () => {
    const shell = await open();
    expect((await shell.run(['domstate', '--domain', 'test'])).trim()).toBe('running');
    await shell.run(['destroy', '--domain', 'test']);
    expect((await shell.run(['domstate', '--domain', 'test'])).trim()).toBe('shut off');
    shell.close();
  });

  it('pipelines many commands and answers each in order', async () => {
    const shell = await open();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => shell.run(i % 2 ? ['uri'] : ['domstate', '--domain', 'test'])),
    );
    replies.forEach((r, i) => expect(r.trim()).toBe(i % 2 ? 'test:///default' : 'running'));
    shell.close();
  });

  it('quotes error messages from libvirt and keeps working after them', async () => {
    const shell = await open();
    await expect(shell.run(['start', '--domain', "no'such"])).rejects.toMatchObject({
      code: 'domain-not-found',
      message: expect.stringContaining("failed to get domain 'no'such'"),
    });
    expect((await shell.run(['uri'])).trim()).toBe('test:///default');
    shell.close();
  });

  it('reports an unreachable libvirt URI with what virsh said', async () => {
    await expect(open('qemu+unix:///system?socket=/nonexistent/sock')).rejects.toMatchObject({
      code: 'libvirt-unreachable',
      message: expect.stringMatching(/failed to connect/i),
    });
  });

  it('fails pending and later calls fast once virsh is gone', async () => {
    const shell = await open();
    shell.close();
    await expect(shell.run(['uri'])).rejects.toMatchObject({ code: 'not-connected' });
  });
});

describe('VirshShell started later (startWhen)', () => {
  const transports: LocalTransport[] = [];
  afterEach(() => transports.splice(0).forEach((t) => t.close()));
  const counted = () => {
    const transport = new LocalTransport();
    transports.push(transport);
    let execs = 0;
    const exec = transport.exec.bind(transport);
    transport.exec = (...args: Parameters<typeof exec>) => (execs++, exec(...args));
    return { transport, execs: () => execs };
  };

  it('starts virsh only when startWhen settles; its uri check then answers', async () => {
    const { transport, execs } = counted();
    let go!: () => void;
    const { shell, ready } = await VirshShell.start(transport, 'test:///default', {
      startWhen: new Promise<void>((resolve) => (go = resolve)),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(execs()).toBe(0);
    go();
    await ready;
    expect(execs()).toBe(1);
    expect((await shell.run(['domstate', '--domain', 'test'])).trim()).toBe('running');
    shell.close();
  });

  it('starts at once when a command is written before then (nothing waits for startWhen)', async () => {
    const { transport, execs } = counted();
    const { shell, ready } = await VirshShell.start(transport, 'test:///default', {
      startWhen: new Promise<void>(() => undefined),
    });
    expect((await shell.run(['domstate', '--domain', 'test'])).trim()).toBe('running');
    await ready;
    expect(execs()).toBe(1);
    shell.close();
  });

  it('closed before it started: virsh never starts, and commands fail', async () => {
    const { transport, execs } = counted();
    let go!: () => void;
    const { shell } = await VirshShell.start(transport, 'test:///default', {
      startWhen: new Promise<void>((resolve) => (go = resolve)),
    });
    shell.close();
    go();
    await expect(shell.run(['uri'])).rejects.toMatchObject({ code: 'not-connected' });
    expect(await shell.exited).toMatchObject({ code: 'connection-lost' });
    expect(execs()).toBe(0);
  });
});
