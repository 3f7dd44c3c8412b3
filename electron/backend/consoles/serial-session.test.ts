import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SERIAL_ACK_WINDOW, SERIAL_CHUNK_BYTES } from '../../../shared/api/consoles';
import type { RemoteProcess, Transport } from '../transport/transport';
import type { RemoteCommand } from '../virsh/quote';
import { SerialSession } from './serial-session';

function fakeTransport() {
  const stdout = new PassThrough();
  const state = { paused: false, command: '', pty: false };
  const proc: RemoteProcess = {
    stdout,
    stderr: new PassThrough(),
    stdin: new PassThrough(),
    write: () => true,
    end: () => undefined,
    close: () => undefined,
    exited: new Promise(() => undefined),
    pause: () => (state.paused = true),
    resume: () => (state.paused = false),
  };
  const transport = {
    exec: async (command: RemoteCommand, options?: { pty?: unknown }) => {
      state.command = command.text;
      state.pty = Boolean(options?.pty);
      return proc;
    },
  } as unknown as Transport;
  return { transport, stdout, state };
}

describe('SerialSession', () => {
  it('runs virsh console by UUID on a PTY, every word quoted', async () => {
    const { transport, state } = fakeTransport();
    await SerialSession.open(transport, {
      uri: 'qemu:///system',
      domain: "x'; rm -rf /",
      device: 'serial1',
      rows: 24,
      cols: 80,
      onData: () => undefined,
      onEnd: () => undefined,
    });
    expect(state.pty).toBe(true);
    expect(state.command).toContain(
      `'\\''x'\\''\\'\\'''\\''; rm -rf /'\\'' '\\''serial1'\\'' '\\''--force'\\''`,
    );
  });

  it('pauses the channel when a flood outruns the acknowledgements, and resumes on acks', async () => {
    const { transport, stdout, state } = fakeTransport();
    const chunks: Array<{ seq: number; data: string }> = [];
    const session = await SerialSession.open(transport, {
      uri: 'qemu:///system',
      domain: 'u',
      rows: 24,
      cols: 80,
      onData: (seq, data) => chunks.push({ seq, data }),
      onEnd: () => undefined,
    });
    stdout.write(Buffer.alloc(SERIAL_CHUNK_BYTES * 20, 'a'));
    await new Promise((r) => setImmediate(r));
    expect(chunks).toHaveLength(SERIAL_ACK_WINDOW);
    expect(chunks.every((c) => c.data.length <= SERIAL_CHUNK_BYTES)).toBe(true);
    expect(state.paused).toBe(true);
    let total = chunks.reduce((n, c) => n + c.data.length, 0);
    for (let i = 0; i < 40 && total < SERIAL_CHUNK_BYTES * 20; i++) {
      session.ack(chunks[chunks.length - 1]!.seq);
      total = chunks.reduce((n, c) => n + c.data.length, 0);
    }
    expect(total).toBe(SERIAL_CHUNK_BYTES * 20);
    expect(state.paused).toBe(false);
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
  });
});
