// Test-only: talk to a listener with raw bytes, as a hostile or broken client would.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawExchange {
  /** The first line the server answered (`HTTP/1.1 400 Bad Request`), or '' when it said nothing. */
  statusLine: string;
  /** Everything the server sent before it closed the socket or the wait ended. */
  received: Buffer;
  /** The server closed the connection (rather than the wait ending). */
  closedByServer: boolean;
}

/** Sends `bytes` on a fresh connection and collects the answer until the server closes or `waitMs` passes. */
export function rawExchange(port: number, bytes: Buffer | string, waitMs = 400): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('end', () => (closedByServer = true));
    socket.on('close', () => {
      clearTimeout(timer);
      const received = Buffer.concat(chunks);
      const statusLine = received.toString('latin1').split('\r\n')[0] ?? '';
      resolve({ statusLine, received, closedByServer });
    });
    socket.write(bytes);
  });
}

/** A WebSocket upgrade request as a browser would send it. */
export function upgradeRequest(target: string, headers: Record<string, string>): string {
  const lines = [
    `GET ${target} HTTP/1.1`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** One client WebSocket frame (masked, as clients must) with any opcode, flags and payload. */
export function clientFrame(
  opcode: number,
  payload: Buffer,
  options: { fin?: boolean; rsv?: number; masked?: boolean } = {},
): Buffer {
  const { fin = true, rsv = 0, masked = true } = options;
  const head = [((fin ? 1 : 0) << 7) | ((rsv & 7) << 4) | (opcode & 0xf)];
  const maskBit = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (payload.length < 126) head.push(maskBit | payload.length);
  else if (payload.length < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(payload.length);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(payload.length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ key[i % 4]!;
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

/** Opens a WebSocket by hand (raw upgrade), then returns the socket once the server said 101. */
export function rawWebSocket(port: number, request: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    const onData = (c: Buffer) => {
      head += c.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else {
        socket.destroy();
        reject(new Error(head.split('\r\n')[0]));
      }
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(request);
  });
}

/** Waits until the server closes `socket`; resolves with the close code of its close frame, if any. */
export function closedWith(socket: Socket, waitMs = 2000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const data = Buffer.concat(chunks);
      // Server frames are unmasked: 0x88 (FIN + close), length, 2-byte code.
      const at = data.indexOf(0x88);
      resolve(at >= 0 && data.length >= at + 4 ? data.readUInt16BE(at + 2) : undefined);
    });
  });
}

/** A small seeded generator, so a failing fuzz case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
