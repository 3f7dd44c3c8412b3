import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RemoteProcess, Transport } from '../transport/transport';
import { VirshShell } from './virsh-shell';

/**
 * A stand-in for a remote virsh that answers each command after a chosen delay, one command at a
 * time (as virsh does). Real virsh cannot be made to take minutes on demand; the shell's queue and
 * clocks are what is under test here.
 */
function slowVirsh(delays: Record<string, number>): Transport {
  const exec = async (): Promise<RemoteProcess> => {
    const stdout = new PassThrough();
    let exit!: (code: number | null) => void;
    const exited = new Promise<number | null>((resolve) => (exit = resolve));
    // One command after the other, as virsh works: each reply is written after the one before it.
    let queue = Promise.resolve();
    const answer = (line: string, markerLine: string) => {
      const verb = /^'([^']*)'/.exec(line)?.[1] ?? '';
      const terminator = markerLine.replace(/^echo '([^']*)''([^']*)'$/, '$1$2');
      queue = queue
        .then(() => new Promise((resolve) => setTimeout(resolve, delays[verb] ?? 0)))
        .then(
          () => void stdout.write(`virsh # ${line}\n${verb} done\nvirsh # ${markerLine}\n${terminator}\n`),
        );
    };
    return {
      stdout,
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      write: (data) => {
        const [line, markerLine] = String(data).split('\n');
        answer(line!, markerLine!);
        return true;
      },
      end: () => undefined,
      close: () => exit(null),
      exited,
      pause: () => undefined,
      resume: () => undefined,
    };
  };
  return {
    kind: 'local',
    exec,
    connectTcp: () => Promise.reject(new Error('no')),
    connectUnix: () => Promise.reject(new Error('no')),
    closed: new Promise(() => undefined),
    close: () => undefined,
  };
}

describe('VirshShell time limits', () => {
  it('counts a queued command’s limit from when virsh starts it, not from when it was queued', async () => {
    const shell = await VirshShell.open(slowVirsh({ managedsave: 3000 }), 'qemu:///session');
    const save = shell.run(['managedsave', '--domain', 'x'], 10_000);
    const quick = shell.run(['domstats'], 1000); // queued behind a save that takes longer than its limit
    await expect(save).resolves.toContain('managedsave done');
    await expect(quick).resolves.toContain('domstats done');
    expect(shell.alive).toBe(true);
    shell.close();
  });

  it('still gives up on a command that virsh itself takes too long to answer', async () => {
    const shell = await VirshShell.open(slowVirsh({ hang: 5_000 }), 'qemu:///session');
    await expect(shell.run(['hang'], 100)).rejects.toMatchObject({
      code: 'connection-lost',
      message: expect.stringContaining('did not answer "hang" within 100 ms'),
    });
    expect(shell.alive).toBe(false);
  });
});
