/** Points the list's sparklines show (virt-manager's graphs show 40). */
export const sparklineLength = 40;

/**
 * The newest `capacity` samples of a fixed set of fields, oldest first, in typed arrays: times as
 * Float64 (ms since the epoch), values as Float32 (7 significant digits, plenty for a graph) with NaN
 * for "no value this tick". The arrays start small and double up to `capacity`, so a VM watched for a
 * minute costs a minute's worth. Mutable on purpose: copying an hour of history on every tick would
 * cost more than the graph; stores wrap it with a revision number that changes on every push.
 */
export class HistoryRing<F extends string> {
  private times: Float64Array;
  private values: Float32Array[];
  private start = 0;
  private count = 0;

  constructor(
    readonly fields: readonly F[],
    readonly capacity: number,
    initialSize = 64,
  ) {
    const size = Math.max(1, Math.min(capacity, initialSize));
    this.times = new Float64Array(size);
    this.values = fields.map(() => new Float32Array(size));
  }

  get length(): number {
    return this.count;
  }

  push(at: number, sample: Partial<Record<F, number | undefined>>): void {
    if (this.count === this.times.length && this.count < this.capacity) this.grow();
    const size = this.times.length;
    const slot = (this.start + this.count) % size;
    if (this.count === size) this.start = (this.start + 1) % size;
    else this.count++;
    this.times[slot] = at;
    this.fields.forEach((field, i) => {
      const value = sample[field];
      this.values[i]![slot] = value === undefined ? NaN : value;
    });
  }

  /** The newest sample's value of `field`; undefined when there is none or it had no value. */
  latest(field: F): number | undefined {
    if (this.count === 0) return undefined;
    const value = this.valueAt(this.fieldIndex(field), this.count - 1);
    return Number.isNaN(value) ? undefined : value;
  }

  latestTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[this.slotOf(this.count - 1)];
  }

  /** The newest `n` values of `field`, oldest first; samples without a value count as 0. */
  tail(field: F, n: number): number[] {
    const index = this.fieldIndex(field);
    const from = Math.max(0, this.count - n);
    const out: number[] = [];
    for (let i = from; i < this.count; i++) {
      const value = this.valueAt(index, i);
      out.push(Number.isNaN(value) ? 0 : value);
    }
    return out;
  }

  /** Every sample's time, oldest first (a copy). */
  timeline(): Float64Array {
    return this.ordered(this.times, Float64Array);
  }

  /** Every sample's value of `field`, oldest first (a copy; NaN where there was none). */
  series(field: F): Float32Array {
    return this.ordered(this.values[this.fieldIndex(field)]!, Float32Array);
  }

  /** Bytes held by the typed arrays (what the history costs). */
  byteSize(): number {
    return this.times.byteLength + this.values.reduce((sum, v) => sum + v.byteLength, 0);
  }

  private grow(): void {
    const size = Math.min(this.capacity, this.times.length * 2);
    this.times = this.resized(this.times, Float64Array, size);
    this.values = this.values.map((v) => this.resized(v, Float32Array, size));
    this.start = 0;
  }

  private ordered<A extends Float64Array | Float32Array>(source: A, Kind: { new (length: number): A }): A {
    return this.resized(source, Kind, this.count);
  }

  /** The samples of `source` in order, in a new array of `size`. */
  private resized<A extends Float64Array | Float32Array>(
    source: A,
    Kind: { new (length: number): A },
    size: number,
  ): A {
    const out = new Kind(size);
    const head = source.subarray(this.start, Math.min(source.length, this.start + this.count));
    out.set(head, 0);
    if (head.length < this.count) out.set(source.subarray(0, this.count - head.length), head.length);
    return out;
  }

  private slotOf(i: number): number {
    return (this.start + i) % this.times.length;
  }

  private valueAt(fieldIndex: number, i: number): number {
    return this.values[fieldIndex]![this.slotOf(i)]!;
  }

  private fieldIndex(field: F): number {
    const index = this.fields.indexOf(field);
    if (index < 0) throw new Error(`Unknown field ${field}`);
    return index;
  }
}

/** A history as stores hold it: the mutable ring and a revision that changes with every sample. */
export type History<F extends string> = { history: HistoryRing<F>; revision: number };

/** Appends one sample to `before` (or to a new ring) and returns the entry a store keeps for it. */
export function withSample<F extends string>(
  before: History<F> | undefined,
  fields: readonly F[],
  capacity: number,
  at: number,
  sample: Partial<Record<F, number | undefined>>,
): History<F> {
  const history = before?.history ?? new HistoryRing(fields, capacity);
  history.push(at, sample);
  return { history, revision: (before?.revision ?? 0) + 1 };
}
