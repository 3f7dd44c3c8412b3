import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WireClientMessage, type WireServerMessage } from '../../../shared/api/contract';
import type { Backend } from '../create-backend';
import { allowedHost, allowedOrigins, SessionToken } from './session-token';
import { readStatic } from './static-files';

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
 * `npm run serve`: the same backend behind a WebSocket on 127.0.0.1. Nothing is served or answered
 * without the random token (first in the URL, then an HttpOnly cookie); the Host and Origin headers
 * must be our own loopback address.
 */
export async function startServeServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const token = new SessionToken(port);
  const origins = allowedOrigins(port);
  options.backend.allowConsoleOrigins(origins);
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  server.on('request', (req, res) => void handleHttp(req, res, token, port, options.rendererDir));
  server.on('upgrade', (req, socket, head) => {
    const authorised =
      allowedHost(req.headers.host, port) &&
      origins.has(req.headers.origin ?? '') &&
      new URL(req.url ?? '/', 'http://x').pathname === '/api' &&
      token.matches(token.fromCookieHeader(req.headers.cookie));
    if (!authorised) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, options.backend, sockets));
  });
  const unsubscribe = options.backend.bus.subscribe((name, payload) => {
    const message = JSON.stringify({ type: 'event', name, payload } satisfies WireServerMessage);
    for (const ws of sockets) ws.send(message);
  });
  const url = `http://127.0.0.1:${port}/?token=${token.value}`;
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
  token: SessionToken,
  port: number,
  rendererDir: string,
): Promise<void> {
  if (!allowedHost(req.headers.host, port) || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null) {
    if (!token.matches(fromQuery)) return void res.writeHead(403, SECURITY_HEADERS).end();
    url.searchParams.delete('token');
    res.writeHead(302, {
      ...SECURITY_HEADERS,
      'Set-Cookie': token.setCookieHeader(),
      Location: url.pathname + url.search,
    });
    res.end();
    return;
  }
  if (!token.matches(token.fromCookieHeader(req.headers.cookie))) {
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
