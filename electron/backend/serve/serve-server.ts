import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WireClientMessage, type WireServerMessage } from '../../../shared/api/contract';
import type { Backend } from '../create-backend';
import { isOwnLoopbackHost, loopbackOrigins, refuseRaw, requestTarget } from '../net/loopback-request';
import { SessionToken } from './session-token';
import { readStatic } from './static-files';
import { handleTransfer, type TransferEndpointContext } from './transfer-endpoint';

export interface ServeOptions {
  backend: Backend;
  rendererDir: string;
  port: number;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

/**
 * `npm run serve`: the same backend behind a WebSocket on 127.0.0.1. The built renderer (public
 * code, no secrets) is served to requests whose Host is our own loopback address; the API answers
 * only a WebSocket that presents the random token (see SessionToken) from our own Origin. Any bytes
 * may arrive here: a malformed request gets 400, a bad frame closes that one socket.
 */
export async function startServeServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const token = new SessionToken();
  const origins = loopbackOrigins(port);
  options.backend.allowConsoleOrigins(origins);
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  server.on('request', (req, res) => {
    const transfers = { tickets: options.backend.transfers, token, origins };
    handleHttp(req, res, port, options.rendererDir, transfers).catch(() => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    const target = requestTarget(req.url);
    if (!target) return refuseRaw(socket, 400);
    const authorised =
      isOwnLoopbackHost(req.headers.host, port) &&
      origins.has(req.headers.origin ?? '') &&
      target.pathname === '/api' &&
      token.matches(target.searchParams.get('token'));
    if (!authorised) return refuseRaw(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, options.backend, sockets));
  });
  const unsubscribe = options.backend.bus.subscribe((name, payload) => {
    const message = JSON.stringify({ type: 'event', name, payload } satisfies WireServerMessage);
    for (const ws of sockets) ws.send(message);
  });
  const url = `http://127.0.0.1:${port}/#token=${token.value}`;
  return {
    url,
    port,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}

function attachClient(ws: WebSocket, backend: Backend, sockets: Set<WebSocket>): void {
  sockets.add(ws);
  ws.on('close', () => sockets.delete(ws));
  // A bad frame (too large, invalid UTF-8, reserved opcode) is an 'error' on this socket only:
  // ws has already closed it with the right code; without a listener it would end the process.
  ws.on('error', () => sockets.delete(ws));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(1003, 'text only');
    let message: WireClientMessage;
    try {
      message = WireClientMessage.parse(JSON.parse(data.toString()));
    } catch {
      return ws.close(1007, 'invalid message');
    }
    void backend.dispatch(message.name, message.request).then((result) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(JSON.stringify({ type: 'result', id: message.id, ...result } as WireServerMessage));
    });
  });
}

async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  rendererDir: string,
  transfers: TransferEndpointContext,
): Promise<void> {
  if (!isOwnLoopbackHost(req.headers.host, port)) {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  const url = requestTarget(req.url);
  if (!url) return void res.writeHead(400, SECURITY_HEADERS).end();
  if (handleTransfer(req, res, url, transfers, SECURITY_HEADERS)) return;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  const file = await readStatic(rendererDir, url.pathname);
  if (!file) return void res.writeHead(404, SECURITY_HEADERS).end();
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
