import { describe, expect, it } from 'vitest';
import { Utf8Chunker } from './utf8-chunks';

function drain(c: Utf8Chunker): string[] {
  const out: string[] = [];
  for (let s = c.next(); s !== undefined; s = c.next()) out.push(s);
  return out;
}

describe('Utf8Chunker', () => {
  it('never cuts a multi-byte character and keeps every chunk within the limit', () => {
    const text = 'SeaBIOS ünïcødé 漢字 🙂'.repeat(50);
    const c = new Utf8Chunker(7);
    c.push(Buffer.from(text));
    const chunks = drain(c);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(7);
      expect(chunk).not.toContain('\uFFFD');
    }
  });

  it('holds an incomplete character until its last bytes arrive', () => {
    const smile = Buffer.from('a🙂');
    const c = new Utf8Chunker(16);
    c.push(smile.subarray(0, 3));
    expect(drain(c)).toEqual(['a']);
    expect(c.queuedBytes).toBe(2);
    c.push(smile.subarray(3));
    expect(drain(c)).toEqual(['🙂']);
  });

  it('passes invalid bytes through instead of stalling', () => {
    const c = new Utf8Chunker(8);
    c.push(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x41]));
    expect(drain(c).join('')).toMatch(/A$/);
    expect(c.queuedBytes).toBe(0);
  });
});
