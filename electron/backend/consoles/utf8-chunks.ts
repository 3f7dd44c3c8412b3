/**
 * Splits a byte queue into chunks of at most `maxBytes` that end on UTF-8 character boundaries.
 * An incomplete sequence at the end stays queued until its remaining bytes arrive.
 */
export class Utf8Chunker {
  private queue: Buffer = Buffer.alloc(0);

  constructor(private readonly maxBytes: number) {
    if (maxBytes < 4) throw new RangeError('maxBytes must hold one UTF-8 character');
  }

  push(bytes: Buffer): void {
    this.queue = this.queue.length === 0 ? bytes : Buffer.concat([this.queue, bytes]);
  }

  get queuedBytes(): number {
    return this.queue.length;
  }

  /** The next chunk of whole characters, or undefined if none is complete yet. */
  next(): string | undefined {
    const buf = this.queue;
    if (buf.length === 0) return undefined;
    let end = Math.min(this.maxBytes, buf.length);
    const start = leadBefore(buf, end < buf.length ? end : buf.length - 1);
    if (end < buf.length) {
      // Cut before the character that straddles `end` (when `end` is a lead byte, start === end).
      if (start !== undefined) end = start;
    } else if (start !== undefined && start + sequenceLength(buf[start]!) > buf.length) {
      end = start; // the last character is still incomplete
    }
    if (end === 0) {
      // Only an incomplete character: wait for its other bytes (bounded by its own length).
      if (start === 0 && buf.length < sequenceLength(buf[0]!)) return undefined;
      end = Math.min(buf.length, 4);
    }
    this.queue = buf.subarray(end);
    return buf.subarray(0, end).toString('utf8');
  }
}

/** Index of the lead byte of the character containing byte `i` (undefined for invalid runs). */
function leadBefore(buf: Buffer, i: number): number | undefined {
  for (let s = i; s >= 0 && s > i - 4; s--) {
    if ((buf[s]! & 0xc0) !== 0x80) return s;
  }
  return undefined;
}

function sequenceLength(lead: number): number {
  if ((lead & 0xe0) === 0xc0) return 2;
  if ((lead & 0xf0) === 0xe0) return 3;
  if ((lead & 0xf8) === 0xf0) return 4;
  return 1;
}
