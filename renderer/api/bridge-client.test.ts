import { describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../shared/api/bridge';
import { createBridgeClient } from './bridge-client';
import { serveSocketUrl } from './create-api';

function fakeBridge() {
  const handlers = new Map<string, (payload: unknown) => void>();
  let unsubscribed = 0;
  const bridge = {
    calls: {
      'hosts/list': async () => ({ ok: true, response: [] }),
      'hosts/connect': async () => ({
        ok: false,
        error: { code: 'auth-failed', message: 'Permission denied' },
      }),
    },
    on(name: string, handler: (payload: unknown) => void) {
      handlers.set(name, handler);
      return () => {
        unsubscribed += 1;
        handlers.delete(name);
      };
    },
  } as unknown as DesktopBridge;
  return { bridge, handlers, unsubscribed: () => unsubscribed };
}

describe('bridge client', () => {
  it('returns responses and throws ApiError for failures', async () => {
    const client = createBridgeClient(fakeBridge().bridge);
    await expect(client.call('hosts/list', {})).resolves.toEqual([]);
    await expect(client.call('hosts/connect', { hostId: 'h' })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'auth-failed',
      message: 'Permission denied',
    });
  });

  it('subscribes upstream once per event, validates payloads and unsubscribes when the last goes', () => {
    const { bridge, handlers, unsubscribed } = fakeBridge();
    const warnings: string[] = [];
    const client = createBridgeClient(bridge, (message) => warnings.push(message));
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = client.on('prompts/dismiss', (payload) => first.push(payload));
    const stopSecond = client.on('prompts/dismiss', (payload) => second.push(payload));
    handlers.get('prompts/dismiss')!({ promptId: 'p' });
    handlers.get('prompts/dismiss')!({ wrong: 1 });
    expect(first).toEqual([{ promptId: 'p' }]);
    expect(second).toEqual([{ promptId: 'p' }]);
    expect(warnings).toEqual(['virtdesk: invalid prompts/dismiss event']);
    stopFirst();
    expect(unsubscribed()).toBe(0);
    stopSecond();
    expect(unsubscribed()).toBe(1);
  });
});

describe('serveSocketUrl', () => {
  it('uses the page origin and wss on https, and presents the token', () => {
    expect(serveSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173' }, 'a-b_c')).toBe(
      'ws://127.0.0.1:5173/api?token=a-b_c',
    );
    expect(serveSocketUrl({ protocol: 'https:', host: 'box' }, undefined)).toBe('wss://box/api');
  });
});
