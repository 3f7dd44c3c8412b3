import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../create-backend';
import { startServeServer, type RunningServer } from './serve-server';

// Serve mode's file transfer URLs: the API token, our own Host and Origin, and a one-time id.
let backend: Backend;
let server: RunningServer;
let origin: string;
let token: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vd-transfer-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>VirtDesk</title>');
  backend = await createBackend({ dataDir: join(dir, 'data'), homeDir: dir, log: () => undefined });
  server = await startServeServer({ backend, rendererDir: join(dir, 'renderer'), port: 0 });
  origin = `http://127.0.0.1:${server.port}`;
  token = new URL(server.url).hash.replace('#token=', '');
});
afterAll(async () => {
  await server.close();
  backend.dispose();
});

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A ticket that counts the bytes it is sent and answers with the count. */
function uploadTicket(): { id: string; received: () => number } {
  let bytes = 0;
  const id = backend.transfers.issue({
    kind: 'upload',
    expire: () => undefined,
    handle: async (req, res) => {
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      res.writeHead(200).end(String(bytes));
    },
  });
  return { id, received: () => bytes };
}

const host = () => ({ Host: `127.0.0.1:${server.port}` });

describe('serve mode transfer endpoints', () => {
  it('streams a PUT with the token from our own page to its ticket, once', async () => {
    const ticket = uploadTicket();
    const body = Buffer.alloc(3 * 1024 * 1024 + 7, 1);
    const ok = await send('PUT', `/upload/${ticket.id}?token=${token}`, { ...host(), Origin: origin }, body);
    expect(ok).toEqual({ status: 200, body: String(body.length) });
    const again = await send(
      'PUT',
      `/upload/${ticket.id}?token=${token}`,
      { ...host(), Origin: origin },
      body,
    );
    expect(again.status).toBe(404);
  });

  it('refuses a wrong token, another origin, a foreign Host, a wrong method, before using the ticket', async () => {
    const ticket = uploadTicket();
    const path = `/upload/${ticket.id}?token=${token}`;
    expect(
      (await send('PUT', `/upload/${ticket.id}?token=x${token}`, { ...host(), Origin: origin })).status,
    ).toBe(403);
    expect((await send('PUT', path, host())).status).toBe(403);
    expect((await send('PUT', path, { ...host(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('PUT', path, { Host: 'evil.example', Origin: origin })).status).toBe(403);
    expect((await send('POST', path, { ...host(), Origin: origin })).status).toBe(405);
    expect((await send('GET', path, { ...host(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(405);
    expect((await send('PUT', `/upload/nope?token=${token}`, { ...host(), Origin: origin })).status).toBe(
      404,
    );
    expect(ticket.received()).toBe(0);
    const ok = await send('PUT', path, { ...host(), Origin: origin }, Buffer.from('abc'));
    expect(ok.status).toBe(200);
  });

  it('a download ticket is not an upload ticket, and a cross-site download is refused', async () => {
    const id = backend.transfers.issue({
      kind: 'download',
      expire: () => undefined,
      handle: async (_req, res) => void res.writeHead(200).end('volume bytes'),
    });
    expect((await send('PUT', `/upload/${id}?token=${token}`, { ...host(), Origin: origin })).status).toBe(
      404,
    );
    const crossSite = await send('GET', `/download/${id}?token=${token}`, {
      ...host(),
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const ok = await send('GET', `/download/${id}?token=${token}`, host());
    expect(ok).toEqual({ status: 200, body: 'volume bytes' });
  });
});
