import { describe, expect, it } from 'vitest';
import { parseCapacity } from './parse-capacity';

describe('parseCapacity', () => {
  it('reads the sizes people type, with libvirt units', () => {
    expect(parseCapacity('10G')).toEqual({ ok: true, bytes: 10 * 2 ** 30 });
    expect(parseCapacity('10 GiB')).toEqual({ ok: true, bytes: 10 * 2 ** 30 });
    expect(parseCapacity('1.5T')).toEqual({ ok: true, bytes: 1.5 * 2 ** 40 });
    expect(parseCapacity('100MB')).toEqual({ ok: true, bytes: 100e6 });
    expect(parseCapacity(' 4096 ')).toEqual({ ok: true, bytes: 4096 });
    expect(parseCapacity('512', 'MiB')).toEqual({ ok: true, bytes: 512 * 2 ** 20 });
  });

  it('refuses what is not a size, saying why', () => {
    expect(parseCapacity('-1')).toMatchObject({ ok: false, message: expect.stringMatching(/negative/) });
    expect(parseCapacity('abc')).toMatchObject({ ok: false, message: expect.stringMatching(/not a size/) });
    expect(parseCapacity('10 parsecs')).toMatchObject({ ok: false, message: expect.stringMatching(/unit/) });
    expect(parseCapacity('0')).toMatchObject({ ok: false, message: expect.stringMatching(/above 0/) });
    expect(parseCapacity('')).toMatchObject({ ok: false, check: { key: 'size.empty' } });
    expect(parseCapacity('abc')).toMatchObject({ check: { key: 'size.notSize', values: { text: 'abc' } } });
    expect(parseCapacity('10 parsecs')).toMatchObject({
      check: { key: 'size.badUnit', values: { unit: 'parsecs' } },
    });
    expect(parseCapacity('9999999E')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too large/),
    });
  });
});
