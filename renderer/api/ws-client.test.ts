import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { flush, summary } from '../testing/fixtures';
import { createWsClient, type SocketLike } from './ws-client';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup(connectTimeoutMs = 0) {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const warnings: string[] = [];
  const client = createWsClient({
    url: 'ws://localhost:1234/api',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (callback, ms) => timers.push({ callback, ms }),
    warn: (message) => warnings.push(message),
    connectTimeoutMs,
  });
  return { client, sockets, timers, warnings };
}

describe('WebSocket client', () => {
  it('queues calls until open, then matches results by id', async () => {
    const { client, sockets } = setup();
    const socket = sockets[0]!;
    expect(socket.url).toBe('ws://localhost:1234/api');
    const list = client.call('hosts/list', {});
    const info = client.call('app/info', {});
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'call', id: 1, name: 'hosts/list', request: {} },
      { type: 'call', id: 2, name: 'app/info', request: {} },
    ]);
    socket.receive({ type: 'result', id: 2, ok: false, error: { code: 'internal', message: 'boom' } });
    socket.receive({ type: 'result', id: 1, ok: true, response: [] });
    await expect(list).resolves.toEqual([]);
    await expect(info).rejects.toMatchObject({ name: 'ApiError', code: 'internal', message: 'boom' });
  });

  it('fails pending calls fast when the socket closes, then reconnects with backoff', async () => {
    const { client, sockets, timers } = setup();
    const states: string[] = [];
    client.onTransportState?.((state) => states.push(state));
    sockets[0]!.open();
    const pending = client.call('hosts/list', {});
    sockets[0]!.drop();
    await expect(pending).rejects.toBeInstanceOf(ApiError);
    await expect(pending).rejects.toMatchObject({ code: 'connection-lost' });
    await expect(client.call('hosts/list', {})).rejects.toMatchObject({ code: 'connection-lost' });
    expect(timers).toHaveLength(1);
    timers[0]!.callback();
    sockets[1]!.drop();
    expect(timers[1]!.ms).toBeGreaterThan(timers[0]!.ms);
    timers[1]!.callback();
    sockets[2]!.open();
    expect(states).toEqual(['up', 'down', 'down', 'up']);
  });

  it('gives up on a socket that never opens', async () => {
    const { client, sockets, timers } = setup(5000);
    const pending = client.call('hosts/list', {});
    expect(timers[0]!.ms).toBe(5000);
    timers[0]!.callback();
    await expect(pending).rejects.toMatchObject({ code: 'connection-lost' });
    expect(sockets[0]!.readyState).toBe(3);
    expect(timers).toHaveLength(2);
  });

  it('validates events before fanning them out, and unsubscribes', async () => {
    const { client, sockets, warnings } = setup();
    sockets[0]!.open();
    const seen: unknown[] = [];
    const stop = client.on('domains/delta', (delta) => seen.push(delta));
    const valid = { hostId: 'h', upsert: [summary('a')], remove: [] };
    sockets[0]!.receive({ type: 'event', name: 'domains/delta', payload: valid });
    sockets[0]!.receive({ type: 'event', name: 'domains/delta', payload: { hostId: 'h', upsert: 'nope' } });
    sockets[0]!.receive({ type: 'event', name: 'no/such', payload: {} });
    sockets[0]!.receive({ nonsense: true });
    stop();
    sockets[0]!.receive({ type: 'event', name: 'domains/delta', payload: valid });
    await flush();
    expect(seen).toEqual([{ ...valid, reset: false }]);
    expect(warnings).toEqual([
      'virtdesk: invalid domains/delta event',
      'virtdesk: invalid message from backend',
    ]);
  });
});
