import { describe, expect, it } from 'vitest';
import { takeServeToken, type TokenPlace } from './serve-token';

function place(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored ? [['virtdesk-serve-token', stored]] : []);
  const replaced: string[] = [];
  const p: TokenPlace = {
    location: { hash, pathname: '/', search: '?vm=h/u' },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    replaceUrl: (url) => replaced.push(url),
  };
  return { p, storage, replaced };
}

describe('takeServeToken', () => {
  it('moves the token from the fragment into session storage and out of the address bar', () => {
    const { p, storage, replaced } = place('#token=abc_DEF-1');
    expect(takeServeToken(p)).toBe('abc_DEF-1');
    expect(storage.get('virtdesk-serve-token')).toBe('abc_DEF-1');
    expect(replaced).toEqual(['/?vm=h/u']);
  });

  it('keeps the token across a reload (no fragment any more)', () => {
    const { p, replaced } = place('', 'kept');
    expect(takeServeToken(p)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('has none when the page was opened without the printed link', () => {
    expect(takeServeToken(place('').p)).toBeUndefined();
  });
});
