import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebSocketBridge } from '../consoles/websocket-bridge';
import { createBackend, type Backend } from '../create-backend';
import { startServeServer, type RunningServer } from '../serve/serve-server';
import {
  clientFrame,
  closedWith,
  rawExchange,
  rawWebSocket,
  seededRandom,
  upgradeRequest,
} from './testing/raw-http';

// Every listening socket VirtDesk opens (serve's HTTP + WebSocket port, a console bridge) gets
// malformed request lines, targets, headers, random bytes and bad frames. None may end the process
// or drop another client; afterwards a valid call must still answer. Bounded: a few hundred cases.

const SEED = 20261130;
const PAGE_ORIGIN = 'http://127.0.0.1:1';

let backend: Backend;
let serve: RunningServer;
let apiToken: string;
let bridge: WebSocketBridge;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vd-fuzz-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>VirtDesk</title>');
  backend = await createBackend({ dataDir: join(dir, 'data'), homeDir: dir, log: () => undefined });
  serve = await startServeServer({ backend, rendererDir: join(dir, 'renderer'), port: 0 });
  apiToken = new URL(serve.url).hash.replace('#token=', '');
  // The bridge's far end is an echo stream: what a guest display would be, minus the guest.
  bridge = await WebSocketBridge.start({
    connect: async () => new PassThrough(),
    allowedOrigin: (origin) => origin === PAGE_ORIGIN,
  });
});
afterAll(async () => {
  await bridge.close();
  await serve.close();
  backend.dispose();
});

const serveOrigin = () => `http://127.0.0.1:${serve.port}`;

const TARGETS = [
  '//',
  '/\\',
  '//x:99999',
  '//evil.example/api',
  '/\\\\evil.example',
  'http://evil.example/',
  '*',
  '',
  '/%',
  '/%E0%A4%A',
  '/api?token=%',
  '/\u00ff\u00fe',
  `/${'a'.repeat(20_000)}`,
  '/api/../../etc/passwd',
  '/?token=' + 'x'.repeat(5000),
  '/upload/',
  '/upload/%00?token=',
  '/upload/' + 'A'.repeat(32) + '?token=x',
  '/download/' + 'A'.repeat(32),
  '/download/../api?token=',
  '/upload/a/b/c',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS', 'CONNECT', 'BREW', 'G\u0000T', ''];

function hostHeaders(port: number): string[] {
  return [
    '',
    `Host: 127.0.0.1:${port}\r\n`,
    `Host: evil.example\r\nHost: 127.0.0.1:${port}\r\n`,
    `Host: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n`,
    `Host: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x\r\nSec-WebSocket-Version: 13\r\n`,
    `Host: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${PAGE_ORIGIN}\r\n`,
    `Host: 127.0.0.1:${port}\r\nContent-Length: -1\r\n`,
    `Host: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    `Host: 127.0.0.1:${port}\r\nX-Big: ${'b'.repeat(100_000)}\r\n`,
    `Host: 127.0.0.1:${port}\r\nBad\u0000Header: 1\r\n`,
    `Host\r\n`,
  ];
}

/** Malformed and random requests, from one seeded generator. */
function fuzzRequests(port: number, count: number): Buffer[] {
  const random = seededRandom(SEED + port);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const headers = hostHeaders(port);
  const cases: Buffer[] = [];
  // Every target as a plain GET and as an upgrade: the cases that crashed before.
  for (const target of TARGETS) {
    cases.push(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, 'latin1'));
    cases.push(
      Buffer.from(upgradeRequest(target, { Host: `127.0.0.1:${port}`, Origin: PAGE_ORIGIN }), 'latin1'),
    );
  }
  while (cases.length < count) {
    const kind = random();
    if (kind < 0.6) {
      const version = pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', '', 'HTTP/1.1 extra']);
      cases.push(
        Buffer.from(`${pick(METHODS)} ${pick(TARGETS)} ${version}\r\n${pick(headers)}\r\n`, 'latin1'),
      );
    } else {
      const bytes = Buffer.alloc(1 + Math.floor(random() * 2048));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      cases.push(bytes);
    }
  }
  return cases;
}

async function sendAll(port: number, cases: Buffer[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 25) {
    await Promise.all(cases.slice(i, i + 25).map((bytes) => rawExchange(port, bytes)));
  }
}

/** The frames that must close one socket and nothing else. */
function badFrames(maxPayload: number): Array<[string, Buffer]> {
  return [
    ['text over the size limit', clientFrame(0x1, Buffer.alloc(maxPayload + 1, 0x61))],
    ['invalid UTF-8 text', clientFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
    ['reserved opcode', clientFrame(0x3, Buffer.from('hi'))],
    ['reserved bits set', clientFrame(0x1, Buffer.from('{}'), { rsv: 4 })],
    ['unmasked client frame', clientFrame(0x1, Buffer.from('{}'), { masked: false })],
    ['continuation without a start', clientFrame(0x0, Buffer.from('x'))],
    ['fragmented ping', clientFrame(0x9, Buffer.from('x'), { fin: false })],
    ['ping over 125 bytes', clientFrame(0x9, Buffer.alloc(200))],
    ['close with an invalid code', clientFrame(0x8, Buffer.from([0x03, 0xe7]))],
  ];
}

function apiCall(ws: WebSocket, id: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message['id'] !== id) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, name: 'app/info', request: {} }));
  });
}

function openApi(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${apiToken}`, {
      headers: { Origin: serveOrigin() },
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function openBridge(): Promise<WebSocket> {
  const [token] = bridge.tokens.issue(1);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${bridge.url}?token=${token}`, { headers: { Origin: PAGE_ORIGIN } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function echo(ws: WebSocket, text: string): Promise<string> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(data.toString()));
    ws.send(Buffer.from(text));
  });
}

describe('every listener survives any bytes sent to it', () => {
  it('serve: malformed targets get 400 without the token, the HTTP port and its clients live on', async () => {
    const bystander = await openApi();
    for (const target of ['//', '/\\', '//x:99999']) {
      const plain = await rawExchange(
        serve.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${serve.port}\r\n\r\n`,
      );
      expect(plain.statusLine).toBe('HTTP/1.1 400 Bad Request');
      const upgrade = await rawExchange(
        serve.port,
        upgradeRequest(target, { Host: `127.0.0.1:${serve.port}` }),
      );
      expect(upgrade.statusLine).toBe('HTTP/1.1 400 Bad Request');
    }
    await sendAll(serve.port, fuzzRequests(serve.port, 250));
    expect(await apiCall(bystander, 1)).toMatchObject({
      ok: true,
      response: { dataDir: expect.any(String) },
    });
    const fresh = await openApi();
    expect(await apiCall(fresh, 2)).toMatchObject({ ok: true });
    fresh.close();
    bystander.close();
  });

  it('serve: a bad frame closes that socket only', async () => {
    const bystander = await openApi();
    const request = upgradeRequest(`/api?token=${apiToken}`, {
      Host: `127.0.0.1:${serve.port}`,
      Origin: serveOrigin(),
    });
    for (const [what, frame] of badFrames(1024 * 1024)) {
      const socket = await rawWebSocket(serve.port, request);
      socket.write(frame);
      const code = await closedWith(socket);
      expect(code, what).toBeGreaterThanOrEqual(1002);
    }
    expect(await apiCall(bystander, 3)).toMatchObject({ ok: true });
    bystander.close();
  });

  it('console bridge: malformed targets get 400 before the token check, the open console goes on', async () => {
    const viewer = await openBridge();
    expect(await echo(viewer, 'before')).toBe('before');
    const bad = await rawExchange(bridge.port, upgradeRequest('//', { Host: 'anything' }));
    expect(bad.statusLine).toBe('HTTP/1.1 400 Bad Request');
    await sendAll(bridge.port, fuzzRequests(bridge.port, 200));
    for (const [what, frame] of badFrames(16 << 20).filter(([w]) => w !== 'text over the size limit')) {
      const [token] = bridge.tokens.issue(1);
      const request = upgradeRequest(`/?token=${token}`, {
        Host: `127.0.0.1:${bridge.port}`,
        Origin: PAGE_ORIGIN,
      });
      const socket = await rawWebSocket(bridge.port, request);
      socket.write(frame);
      const code = await closedWith(socket);
      expect(code, what).toBeGreaterThanOrEqual(1002);
    }
    expect(await echo(viewer, 'after')).toBe('after');
    const second = await openBridge();
    expect(await echo(second, 'new')).toBe('new');
    second.close();
    viewer.close();
  });
});
