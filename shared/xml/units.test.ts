import { describe, expect, it } from 'vitest';
import { formatBytes, fromBytes, isValidUnit, toBytes, unitFactor } from './units';

describe('libvirt size units', () => {
  it.each([
    ['b', 1],
    ['bytes', 1],
    ['KB', 1e3],
    ['k', 1024],
    ['KiB', 1024],
    ['MB', 1e6],
    ['M', 2 ** 20],
    ['MiB', 2 ** 20],
    ['GB', 1e9],
    ['G', 2 ** 30],
    ['GiB', 2 ** 30],
    ['TB', 1e12],
    ['T', 2 ** 40],
    ['TiB', 2 ** 40],
    ['kb', 1e3],
    ['gib', 2 ** 30],
  ])('%s = %d bytes', (unit, factor) => {
    expect(unitFactor(unit)).toBe(factor);
  });

  it('rejects units libvirt rejects', () => {
    for (const bad of ['KBB', 'x', '', 'Kib2', 'iB']) expect(isValidUnit(bad)).toBe(false);
    expect(() => unitFactor('furlongs')).toThrow(/unknown size unit/);
  });

  it('converts sizes, keeping the preferred unit only when exact', () => {
    expect(toBytes({ value: 2048, unit: 'MB' })).toBe(2_048_000_000);
    expect(fromBytes(8 * 2 ** 30, 'KiB')).toEqual({ value: 8388608, unit: 'KiB' });
    expect(fromBytes(2_048_000_000, 'MB')).toEqual({ value: 2048, unit: 'MB' });
    expect(fromBytes(3 * 2 ** 30, 'MB')).toEqual({ value: 3, unit: 'GiB' });
    expect(fromBytes(1000, 'KiB')).toEqual({ value: 1000, unit: 'bytes' });
  });

  it('formats for people', () => {
    expect(formatBytes(8 * 2 ** 30)).toBe('8 GiB');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1.5 GiB');
    expect(formatBytes(512)).toBe('512 bytes');
  });
});
