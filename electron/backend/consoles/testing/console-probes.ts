// Test-only: minimal VNC and SPICE handshakes over a console bridge, to prove which guest answered.
import WebSocket from 'ws';

export const TEST_ORIGIN = 'http://127.0.0.1:9';

type Read = (n: number) => Promise<Buffer>;
const readers = new WeakMap<WebSocket, Read>();

/**
 * Connects like the renderer does; rejects with the HTTP status when the upgrade is refused. The
 * socket's messages are collected from its creation: a server that speaks first (VNC) can have its
 * greeting arrive in the same read as the 101 response, and `ws` delivers it on process.nextTick,
 * before the caller's `await` of this promise resumes — a listener added afterwards misses it.
 */
export function openSocket(url: string, token: string, origin = TEST_ORIGIN): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}`, ['binary'], { origin });
    ws.binaryType = 'nodebuffer';
    readers.set(ws, collect(ws));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Reads exactly n bytes from the binary messages of a socket made by openSocket. */
function readerOf(ws: WebSocket): Read {
  const read = readers.get(ws);
  if (!read) throw new Error('not a socket from openSocket');
  return read;
}

function collect(ws: WebSocket): Read {
  let buffered = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let isClosed = false;
  ws.on('message', (data: Buffer) => {
    buffered = Buffer.concat([buffered, data]);
    wake?.();
  });
  ws.once('close', () => {
    isClosed = true;
    wake?.();
  });
  return async (n) => {
    while (buffered.length < n) {
      if (isClosed) throw new Error(`closed after ${buffered.length} of ${n} bytes`);
      await new Promise<void>((resolve) => (wake = resolve));
    }
    const out = buffered.subarray(0, n);
    buffered = buffered.subarray(n);
    return out;
  };
}

/**
 * RFB 3.8 up to ServerInit with "None" security; returns the desktop name, which QEMU sets to the
 * VM's name. For a password-protected server, returns `{ securityTypes }` instead.
 */
export async function vncHandshake(ws: WebSocket): Promise<{ name?: string; securityTypes: number[] }> {
  const read = readerOf(ws);
  const version = (await read(12)).toString('latin1');
  if (!version.startsWith('RFB ')) throw new Error(`not a VNC server: ${JSON.stringify(version)}`);
  ws.send(Buffer.from('RFB 003.008\n'));
  const count = (await read(1))[0]!;
  const securityTypes = [...(await read(count))];
  if (!securityTypes.includes(1)) return { securityTypes };
  ws.send(Buffer.from([1]));
  if ((await read(4)).readUInt32BE(0) !== 0) throw new Error('VNC security handshake failed');
  ws.send(Buffer.from([1])); // ClientInit: shared
  const init = await read(24);
  const name = (await read(init.readUInt32BE(20))).toString('utf8');
  return { name, securityTypes };
}

/** Sends a SPICE link message for the main channel; resolves with the server's reply magic. */
export async function spiceLink(ws: WebSocket): Promise<string> {
  const read = readerOf(ws);
  const mess = Buffer.alloc(18);
  mess.writeUInt32LE(0, 0); // connection id
  mess.writeUInt8(1, 4); // channel type: main
  mess.writeUInt8(0, 5); // channel id
  mess.writeUInt32LE(0, 6); // common caps
  mess.writeUInt32LE(0, 10); // channel caps
  mess.writeUInt32LE(18, 14); // caps offset
  const header = Buffer.alloc(16);
  header.write('REDQ', 0, 'latin1');
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(2, 8);
  header.writeUInt32LE(mess.length, 12);
  ws.send(Buffer.concat([header, mess]));
  return (await read(4)).toString('latin1');
}

/** Resolves when the socket is closed (by either side). */
export function closed(ws: WebSocket): Promise<void> {
  return ws.readyState === WebSocket.CLOSED
    ? Promise.resolve()
    : new Promise((resolve) => ws.once('close', () => resolve()));
}
