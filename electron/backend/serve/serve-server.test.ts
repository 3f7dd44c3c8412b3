import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../create-backend';
import { startServeServer, type RunningServer } from './serve-server';

let backend: Backend;
let server: RunningServer;
let origin: string;
let apiToken: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vd-serve-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>VirtDesk</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  backend = await createBackend({ dataDir: join(dir, 'data'), homeDir: dir, log: () => undefined });
  server = await startServeServer({ backend, rendererDir, port: 0 });
  origin = `http://127.0.0.1:${server.port}`;
  apiToken = new URL(server.url).hash.replace('#token=', '');
});
afterAll(async () => {
  await server.close();
  backend.dispose();
});

function connect(headers: Record<string, string>, token: string | null = apiToken): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const query = token === null ? '' : `?token=${token}`;
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, name: string, request: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if (msg['type'] === 'result' && msg['id'] === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'call', id, name, request }));
  });
}

describe('serve mode', () => {
  it('prints the token only in the URL fragment, which browsers never send to a server', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{43}$`),
    );
  });

  it('serves the app page without handing the browser any credential (no cookie, no token)', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('<title>VirtDesk</title>');
    expect(html).not.toContain(apiToken);
  });

  it('answers the API only with the token: no token, a wrong one, or a replayed cookie get 403', async () => {
    await expect(connect({ Origin: origin }, null)).rejects.toThrow(/403/);
    await expect(connect({ Origin: origin }, 'wrong')).rejects.toThrow(/403/);
    // What the old cookie scheme leaked to other local servers, replayed with a forged Origin.
    await expect(
      connect({ Origin: origin, cookie: `virtdesk_${server.port}=${apiToken}` }, null),
    ).rejects.toThrow(/403/);
  });

  it('never serves files outside the renderer', async () => {
    const res = await fetch(`${origin}/..%2fsecret.txt`);
    expect(await res.text()).not.toContain('not for the browser');
  });

  it('refuses another Host or Origin (DNS rebinding, cross-site pages)', async () => {
    // fetch() may not set Host; a raw request can, as a rebinding page's browser would.
    const status = await new Promise<number | undefined>((resolve) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode),
      ).end();
    });
    expect(status).toBe(403);
    await expect(connect({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers calls validated against the contract', async () => {
    const ws = await connect({ Origin: origin });
    const info = await call(ws, 1, 'app/info', {});
    expect(info).toMatchObject({ ok: true, response: { firstRun: true, localVirsh: true } });
    const bad = await call(ws, 2, 'hosts/connect', { hostId: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await call(ws, 3, 'shell/exec', { cmd: 'id' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    ws.close();
  });

  it('drives the demo host end to end: add, connect, list, act, and pushes deltas', async () => {
    const ws = await connect({ Origin: origin });
    const events: Array<{ name: string; payload: Record<string, unknown> }> = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; name: string; payload: Record<string, unknown> };
      if (m.type === 'event') events.push(m);
    });
    const added = (await call(ws, 10, 'hosts/add', {
      transport: 'local',
      uri: 'test:///default',
      name: 'Demo',
    })) as {
      response: { config: { id: string } };
    };
    const hostId = added.response.config.id;
    expect(await call(ws, 11, 'hosts/connect', { hostId })).toMatchObject({
      ok: true,
      response: { state: 'connected' },
    });
    const list = (await call(ws, 12, 'domains/list', { hostId })) as {
      response: Array<{ uuid: string; name: string; state: string; vcpus: number }>;
    };
    expect(list.response).toEqual([expect.objectContaining({ name: 'test', state: 'running', vcpus: 2 })]);
    const uuid = list.response[0]!.uuid;
    const off = await call(ws, 13, 'domains/action', { hostId, uuid, action: 'destroy' });
    expect(off).toMatchObject({
      ok: true,
      response: { summary: { state: 'shut off' }, message: 'test forced off' },
    });
    const deltas = events.filter((e) => e.name === 'domains/delta');
    expect(deltas.at(-1)!.payload).toMatchObject({ upsert: [{ uuid, state: 'shut off' }] });
    expect(events.some((e) => e.name === 'hosts/status' && e.payload['state'] === 'connected')).toBe(true);
    ws.close();
  });
});
