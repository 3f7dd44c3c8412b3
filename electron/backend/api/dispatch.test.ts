import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createDispatch, type Handlers } from './dispatch';

function handlers(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides, {
    get: (target, key: string) =>
      (target as Record<string, unknown>)[key] ?? (() => Promise.reject(new Error(`unexpected ${key}`))),
  }) as Handlers;
}

describe('dispatch', () => {
  const logs: string[] = [];
  const dispatch = createDispatch(
    handlers({
      'hosts/connect': async ({ hostId }) => {
        if (hostId === 'gone') throw new ApiError('host-not-found', 'No connection with id gone');
        return { hostId, state: 'connected' };
      },
      'hosts/add': async () => {
        throw new Error('disk full');
      },
    }),
    (m) => logs.push(m),
  );

  it('refuses unknown call names', async () => {
    expect(await dispatch('fs/readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('validates requests against the contract before any handler runs', async () => {
    expect(await dispatch('hosts/connect', { hostId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('hostId') },
    });
    const bad = await dispatch('hosts/add', { transport: 'ssh', host: 'h; rm -rf /', uri: 'qemu:///system' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('host') },
    });
  });

  it('returns responses and typed errors', async () => {
    expect(await dispatch('hosts/connect', { hostId: 'h1' })).toEqual({
      ok: true,
      response: { hostId: 'h1', state: 'connected' },
    });
    expect(await dispatch('hosts/connect', { hostId: 'gone' })).toEqual({
      ok: false,
      error: { code: 'host-not-found', message: 'No connection with id gone' },
    });
  });

  it('turns unexpected failures into internal errors and logs them', async () => {
    const result = await dispatch('hosts/add', { transport: 'local', uri: 'test:///default' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'disk full' } });
    expect(logs.at(-1)).toContain('disk full');
  });
});
