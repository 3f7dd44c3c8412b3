/**
 * XDR (RFC 4506) as libvirt's remote protocol uses it: big-endian 4-byte units, strings and
 * variable arrays with a length word, padding to 4 bytes. The reader checks every length against
 * what is left and against a maximum: a host's bytes never make it allocate or read out of bounds.
 */

export class XdrError extends Error {}

export class XdrWriter {
  private chunks: Buffer[] = [];
  private size = 0;

  uint(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value >>> 0);
    return this.push(b);
  }

  int(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value | 0);
    return this.push(b);
  }

  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    this.uint(bytes.length);
    this.push(bytes);
    return this.pad(bytes.length);
  }

  /** `remote_string`: a string that may be absent. */
  optionalString(value: string | undefined): this {
    if (value === undefined) return this.uint(0);
    return this.uint(1).string(value);
  }

  fixedOpaque(bytes: Buffer, length: number): this {
    if (bytes.length !== length) throw new XdrError(`expected ${length} bytes, got ${bytes.length}`);
    this.push(bytes);
    return this.pad(length);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }

  private pad(length: number): this {
    const padding = (4 - (length % 4)) % 4;
    return padding > 0 ? this.push(Buffer.alloc(padding)) : this;
  }

  private push(b: Buffer): this {
    this.chunks.push(b);
    this.size += b.length;
    return this;
  }
}

export class XdrReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  uint(): number {
    this.need(4);
    const v = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  int(): number {
    this.need(4);
    const v = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  bool(): boolean {
    const v = this.uint();
    if (v > 1) throw new XdrError(`bad boolean ${v}`);
    return v === 1;
  }

  string(max: number): string {
    const length = this.uint();
    if (length > max) throw new XdrError(`string of ${length} bytes exceeds ${max}`);
    this.need(length);
    const s = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.skip(length);
    return s;
  }

  optionalString(max: number): string | undefined {
    return this.bool() ? this.string(max) : undefined;
  }

  fixedOpaque(length: number): Buffer {
    this.need(length);
    const b = Buffer.from(this.buffer.subarray(this.offset, this.offset + length));
    this.skip(length);
    return b;
  }

  /** A variable-length array's count, checked against its maximum and the bytes left (≥ 4 each). */
  count(max: number): number {
    const n = this.uint();
    if (n > max) throw new XdrError(`array of ${n} exceeds ${max}`);
    if (n * 4 > this.remaining()) throw new XdrError(`array of ${n} does not fit the message`);
    return n;
  }

  remaining(): number {
    return this.buffer.length - this.offset;
  }

  private skip(length: number): void {
    this.offset += length + ((4 - (length % 4)) % 4);
    if (this.offset > this.buffer.length) throw new XdrError('padding runs past the message');
  }

  private need(n: number): void {
    if (this.offset + n > this.buffer.length) throw new XdrError('message ends early');
  }
}
