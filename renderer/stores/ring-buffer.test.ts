import { describe, expect, it } from 'vitest';
import { HistoryRing } from './ring-buffer';

const fields = ['a', 'b'] as const;

describe('HistoryRing', () => {
  it('keeps samples oldest first, growing its arrays only as samples arrive', () => {
    const ring = new HistoryRing(fields, 100, 4);
    const empty = ring.byteSize();
    for (let i = 1; i <= 10; i++) ring.push(i * 1000, { a: i, b: i * 10 });
    expect(ring.length).toBe(10);
    expect([...ring.timeline()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => i * 1000));
    expect([...ring.series('b')]).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ring.byteSize()).toBe(empty * 4); // 4 → 8 → 16 slots
  });

  it('keeps only the newest `capacity` samples, in order, across wrap-arounds', () => {
    const ring = new HistoryRing(fields, 5, 2);
    for (let i = 1; i <= 13; i++) ring.push(i, { a: i });
    expect(ring.length).toBe(5);
    expect([...ring.timeline()]).toEqual([9, 10, 11, 12, 13]);
    expect([...ring.series('a')]).toEqual([9, 10, 11, 12, 13]);
    expect(ring.tail('a', 3)).toEqual([11, 12, 13]);
    expect(ring.tail('a', 50)).toEqual([9, 10, 11, 12, 13]);
    expect(ring.latest('a')).toBe(13);
    expect(ring.latestTime()).toBe(13);
    // Never grows past its capacity.
    expect(ring.byteSize()).toBe(5 * 8 + 2 * 5 * 4);
  });

  it('records a missing value as none: latest is undefined, the series has NaN, the tail 0', () => {
    const ring = new HistoryRing(fields, 10);
    ring.push(1, { a: 1, b: 2 });
    ring.push(2, { a: 3 });
    expect(ring.latest('a')).toBe(3);
    expect(ring.latest('b')).toBeUndefined();
    expect(Number.isNaN(ring.series('b')[1])).toBe(true);
    expect(ring.tail('b', 2)).toEqual([2, 0]);
    expect(new HistoryRing(fields, 10).latest('a')).toBeUndefined();
  });
});
