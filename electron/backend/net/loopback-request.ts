import type { Duplex } from 'node:stream';

/**
 * What every loopback listener of VirtDesk (serve mode, console bridges) checks before anything
 * else: the request target and the Host header. Both parse bytes a stranger sent, so neither may
 * throw: a malformed request is refused, never a crash.
 */

const BASE = 'http://127.0.0.1';

/**
 * The path and query of an origin-form request target (`/path?query`), or undefined when the
 * target is anything else: `//host` and `/\host` (which URL parsers read as another authority),
 * absolute URLs, `*`, control characters, or text no URL parser accepts.
 */
export function requestTarget(raw: string | undefined): URL | undefined {
  if (raw === undefined || !/^\/(?![/\\])/.test(raw) || /[\x00-\x20\x7f]/.test(raw)) return undefined;
  try {
    const url = new URL(raw, BASE);
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}

/** DNS-rebinding guard: the Host header names our own loopback address and port. */
export function isOwnLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** The origins of a page served by our own loopback listener on `port`. */
export function loopbackOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Ends a raw socket with a minimal HTTP error response (before any WebSocket exists). */
export function refuseRaw(socket: Duplex, status: 400 | 403): void {
  const text = status === 400 ? 'Bad Request' : 'Forbidden';
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  );
}
