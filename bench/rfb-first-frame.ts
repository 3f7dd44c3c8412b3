/**
 * The benchmarks' VNC client: RFB 3.8 without a password, raw encoding, over a console WebSocket
 * of VirtDesk's bridge; `firstFrame` times "open console" → the first whole framebuffer update.
 */
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import { openSocket } from '../electron/backend/consoles/testing/console-probes';
import type { Harness } from '../electron/backend/testing/backend-harness';

/** A byte reader over a WebSocket's binary messages, without copying more than needed. */
export class Reader {
  private chunks: Buffer[] = [];
  private size = 0;
  private wake: (() => void) | undefined;
  total = 0;

  constructor(ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.chunks.push(data);
      this.size += data.length;
      this.total += data.length;
      this.wake?.();
    });
  }

  async read(n: number): Promise<Buffer> {
    while (this.size < n) await new Promise<void>((r) => (this.wake = r));
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.size -= n;
    return all.subarray(0, n);
  }

  /** Skips n bytes (frame pixels) without assembling them. */
  async skip(n: number): Promise<void> {
    while (n > 0) {
      while (this.size === 0) await new Promise<void>((r) => (this.wake = r));
      const head = this.chunks[0]!;
      const take = Math.min(n, head.length);
      if (take === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(take);
      this.size -= take;
      n -= take;
    }
  }
}

export interface RfbSession {
  /** Asks for one full frame. */
  request: () => void;
  /** Reads one whole frame update. */
  receive: () => Promise<void>;
  reader: Reader;
}

/** RFB 3.8, no auth, raw encoding only. */
export async function rfbSession(ws: WebSocket): Promise<RfbSession> {
  const reader = new Reader(ws);
  await reader.read(12);
  ws.send(Buffer.from('RFB 003.008\n'));
  const types = await reader.read((await reader.read(1))[0]!);
  if (!types.includes(1)) throw new Error('the benchmark guest must have no VNC password');
  ws.send(Buffer.from([1]));
  await reader.read(4);
  ws.send(Buffer.from([1]));
  const init = await reader.read(24);
  await reader.read(init.readUInt32BE(20));
  const [width, height] = [init.readUInt16BE(0), init.readUInt16BE(2)];
  ws.send(Buffer.from([2, 0, 0, 1, 0, 0, 0, 0])); // SetEncodings: raw
  const request = Buffer.from([3, 0, 0, 0, 0, 0, width >> 8, width & 255, height >> 8, height & 255]);
  const receive = async () => {
    const header = await reader.read(4);
    for (let rects = header.readUInt16BE(2); rects > 0; rects--) {
      const r = await reader.read(12);
      await reader.skip(r.readUInt16BE(4) * r.readUInt16BE(6) * 4);
    }
  };
  return { request: () => ws.send(request), receive, reader };
}

/** consoles/open of the VM's graphics → its first whole frame received (ms); the console is closed after. */
export async function firstFrame(h: Harness, hostId: string, uuid: string): Promise<number> {
  const t0 = performance.now();
  const c = await h.call('consoles/open', { hostId, uuid });
  const ws = await openSocket(c.url, c.tokens[0]!);
  const rfb = await rfbSession(ws);
  rfb.request();
  await rfb.receive();
  const ms = performance.now() - t0;
  ws.close();
  await h.call('consoles/close', { consoleId: c.consoleId });
  return ms;
}
