import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createWebSocketStream, WebSocketServer, type WebSocket } from 'ws';
import { isOwnLoopbackHost, refuseRaw, requestTarget } from '../net/loopback-request';
import { ConsoleTokens } from './console-tokens';

export interface BridgeOptions {
  /** Opens the byte stream to the guest's display for one accepted WebSocket connection. */
  connect: () => Promise<Duplex>;
  /** Origins allowed to connect (the renderer's own), checked on every upgrade. */
  allowedOrigin: (origin: string | undefined) => boolean;
  /** A connection's stream to the guest ended or failed (after it was open), for logging and state. */
  onStreamEnd?: (error: Error | undefined) => void;
}

const HIGH_WATER = 1024 * 1024;

/**
 * One console session's WebSocket server on 127.0.0.1 (random port). Each upgrade must present a
 * token (`ConsoleTokens`) and an allowed Origin; each accepted connection gets its own stream to the
 * guest's display (a `forwardOut` channel of the host's SSH connection), piped both ways with
 * backpressure: a slow renderer pauses the SSH channel, not the other way round.
 */
export class WebSocketBridge {
  readonly tokens = new ConsoleTokens();
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 16 << 20,
  });
  private readonly streams = new Set<Duplex>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: BridgeOptions,
  ) {
    server.on('request', (_req, res) => res.writeHead(426, { Connection: 'close' }).end());
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) =>
      this.onUpgrade(req, socket, head),
    );
  }

  static async start(options: BridgeOptions): Promise<WebSocketBridge> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new WebSocketBridge(server, (server.address() as AddressInfo).port, options);
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** Open connections (one per VNC session, one per channel for SPICE). */
  get connectionCount(): number {
    return this.wss.clients.size;
  }

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = requestTarget(req.url);
    if (!url) return refuseRaw(socket, 400);
    const authorised =
      !this.closed &&
      isOwnLoopbackHost(req.headers.host, this.port) &&
      url.pathname === '/' &&
      this.options.allowedOrigin(req.headers.origin) &&
      this.tokens.consume(url.searchParams.get('token'));
    if (!authorised) return refuseRaw(socket, 403);
    socket.setNoDelay(true);
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.attach(ws));
  }

  private async attach(ws: WebSocket): Promise<void> {
    // Wrap the socket at once: what the client sends first (SPICE speaks first) is buffered in the
    // stream until the channel to the guest is open.
    const socketStream = createWebSocketStream(ws, { highWaterMark: HIGH_WATER });
    socketStream.on('error', () => undefined);
    ws.on('error', () => undefined); // a bad frame: ws closes this socket; the others go on
    let stream: Duplex;
    try {
      stream = await this.options.connect();
    } catch (error) {
      ws.close(1011, truncate(error instanceof Error ? error.message : String(error)));
      return;
    }
    if (this.closed || ws.readyState !== ws.OPEN) {
      stream.destroy();
      socketStream.destroy();
      return;
    }
    this.streams.add(stream);
    let ended = false;
    const finish = (error?: Error) => {
      if (ended) return;
      ended = true;
      this.streams.delete(stream);
      stream.destroy();
      socketStream.destroy();
      if (!this.closed) this.options.onStreamEnd?.(error);
    };
    stream.on('error', finish);
    stream.on('close', () => finish());
    stream.on('end', () => finish());
    socketStream.on('error', () => finish());
    socketStream.on('close', () => finish());
    stream.pipe(socketStream);
    socketStream.pipe(stream);
  }

  /** Closes every connection, its SSH channel and the listening socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.tokens.clear();
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function truncate(reason: string): string {
  // A close reason must fit in a control frame (123 bytes).
  return Buffer.from(reason)
    .subarray(0, 120)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}
