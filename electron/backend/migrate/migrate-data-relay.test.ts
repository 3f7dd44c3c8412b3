import { duplexPair, PassThrough, Readable, type Duplex } from 'node:stream';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LiveHost } from '../hosts/host-connection';
import type { RemoteProcess, Transport } from '../transport/transport';
import { RemoteCommand } from '../virsh/quote';
import { forwardData } from './migrate-data-relay';

// The native relay's port on the source (issue 14) with the two SSH connections faked (the
// integration test runs the real thing; who connects first cannot be arranged there): which
// connections reach the destination, and which are refused.
type Decide = Parameters<NonNullable<Transport['listenTcp']>>[1];

/** A command's output as the fake host gives it (`ss -e` says who owns a connecting socket). */
function process(output: string): RemoteProcess {
  const stdout = Readable.from([output]);
  const exited = new Promise<number | null>((resolve) => stdout.once('end', () => resolve(0)));
  return {
    stdout,
    stderr: Readable.from([]),
    stdin: new PassThrough(),
    write: () => true,
    end: () => undefined,
    close: () => undefined,
    exited,
    pause: () => undefined,
    resume: () => undefined,
  };
}

function fakeEnds(owners: Record<number, string>) {
  let decide: Decide | undefined;
  const unforwarded: number[] = [];
  /** The destination's ends: the desktop's side (`near`) and QEMU's (`far`). */
  const opened: Array<{ near: Duplex; far: Duplex }> = [];
  const source = {
    transport: {
      kind: 'ssh',
      exec: async (command: RemoteCommand) => {
        const from = /sport = :(\d+)/.exec(RemoteCommand.lineOf(command))?.[1];
        return process(from ? `0 0 127.0.0.1:${from} 127.0.0.1:40000 uid:${owners[Number(from)]}\n` : '');
      },
      listenTcp: async (_address: string, onConnection: Decide) => {
        decide = onConnection;
        return { port: 40000, close: async () => void unforwarded.push(40000) };
      },
    },
  } as unknown as LiveHost;
  const dest = {
    transport: {
      kind: 'ssh',
      exec: async () => process(''),
      connectTcp: async (host: string, port: number) => {
        expect([host, port]).toEqual(['127.0.0.2', 40000]);
        const [near, far] = duplexPair();
        opened.push({ near, far });
        return near;
      },
    },
  } as unknown as LiveHost;
  /** A connection from 127.0.0.1:fromPort on the source: the stream the host would hand over, or undefined when refused. */
  const connect = (fromPort: number) => {
    const take = decide!({ address: '127.0.0.1', port: fromPort });
    if (!take) return undefined;
    const [inbound, qemu] = duplexPair();
    take(inbound);
    return { inbound, qemu };
  };
  return { source, dest, connect, opened, unforwarded };
}

describe('the native relay port on the source', () => {
  it("relays only the QEMU user's connection, only as many as asked, none after the end", async () => {
    const ends = fakeEnds({ 50001: '1002', 50002: '1001', 50003: '1001' });
    const forward = await forwardData(ends.source, ends.dest, {
      listenAddress: '127.0.0.2',
      accept: 1,
      uid: '1001',
    });
    expect(forward.port).toBe(40000);
    // Another user's connection, first: cut, never relayed.
    const other = ends.connect(50001)!;
    await once(other.inbound, 'close');
    expect(ends.opened).toHaveLength(0);
    // QEMU's: relayed both ways.
    const { inbound, qemu } = ends.connect(50002)!;
    qemu.write('QEVM');
    await expect.poll(() => ends.opened.length).toBe(1);
    const destQemu = ends.opened[0]!;
    const [chunk] = (await once(destQemu.far, 'data')) as [Buffer];
    expect(chunk.toString()).toBe('QEVM');
    destQemu.far.write('ok');
    expect(((await once(qemu, 'data')) as [Buffer])[0].toString()).toBe('ok');
    // One too many (even from the QEMU user): refused at once.
    expect(ends.connect(50003)).toBeUndefined();
    expect(forward.connections()).toBe(1);
    expect(forward.refused()).toBe(2);
    // The end: the relayed pair cut, the host's listener gone, a late connection refused.
    await forward.close();
    expect([inbound.destroyed, destQemu.near.destroyed]).toEqual([true, true]);
    expect(ends.unforwarded).toEqual([40000]);
    expect(ends.connect(50002)).toBeUndefined();
  });
});
