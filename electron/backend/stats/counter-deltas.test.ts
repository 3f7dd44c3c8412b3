import { describe, expect, it } from 'vitest';
import { counterDeltas, summedRate, type CounterReading } from './counter-deltas';

const reading = (atMs: number, entries: Record<string, number>): CounterReading => ({
  atMs,
  counters: new Map(Object.entries(entries)),
});

describe('counterDeltas and summedRate', () => {
  it('turns two readings into per-second rates, summed over the selected counters', () => {
    const change = counterDeltas(
      reading(1000, { 'disk.rd:vda': 1000, 'disk.rd:vdb': 0, 'disk.wr:vda': 50 }),
      reading(3000, { 'disk.rd:vda': 5000, 'disk.rd:vdb': 2000, 'disk.wr:vda': 50 }),
    );
    expect(change?.seconds).toBe(2);
    expect(summedRate(change, (k) => k.startsWith('disk.rd:'))).toBe(3000);
    expect(summedRate(change, (k) => k.startsWith('disk.wr:'))).toBe(0);
    expect(summedRate(change, (k) => k.startsWith('net.'))).toBeUndefined();
  });

  it('gives nothing on the first reading or when time did not advance', () => {
    expect(counterDeltas(undefined, reading(1000, { a: 1 }))).toBeUndefined();
    expect(counterDeltas(reading(1000, { a: 1 }), reading(1000, { a: 2 }))).toBeUndefined();
  });

  it('starts a new baseline when a counter went down (the guest restarted between ticks)', () => {
    const before = reading(1000, { 'cpu.time': 9e9, 'disk.rd:vda': 1e6 });
    const restarted = reading(3000, { 'cpu.time': 2e8, 'disk.rd:vda': 4096 });
    expect(counterDeltas(before, restarted)).toBeUndefined();
    const after = reading(5000, { 'cpu.time': 1.2e9, 'disk.rd:vda': 8192 });
    expect(summedRate(counterDeltas(restarted, after), (k) => k === 'cpu.time')).toBe(5e8);
  });

  it('does not count a new counter (a hot-plugged disk) until its second reading', () => {
    const change = counterDeltas(
      reading(0, { 'disk.rd:vda': 100 }),
      reading(1000, { 'disk.rd:vda': 300, 'disk.rd:vdb': 1e9 }),
    );
    expect(summedRate(change, (k) => k.startsWith('disk.rd:'))).toBe(200);
  });
});
