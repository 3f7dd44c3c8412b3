/** Cumulative counters of one object (a VM, a host) read at one moment. */
export interface CounterReading {
  atMs: number;
  counters: ReadonlyMap<string, number>;
}

/** How much each counter grew between two readings, and over how many seconds. */
export interface CounterDeltas {
  seconds: number;
  deltas: Map<string, number>;
}

/**
 * The increase of every counter present in both readings. Counters only grow while their object
 * runs; when any of them went down, the object restarted (a guest shut down and started again
 * between two ticks resets all of QEMU's counters), so this pair gives no deltas at all and the
 * newer reading becomes the baseline. A counter that is new (a disk hot-plugged) waits for its
 * second reading instead of counting everything it ever saw as one tick's worth.
 */
export function counterDeltas(
  before: CounterReading | undefined,
  after: CounterReading,
): CounterDeltas | undefined {
  if (!before || after.atMs <= before.atMs) return undefined;
  const deltas = new Map<string, number>();
  for (const [key, value] of after.counters) {
    const previous = before.counters.get(key);
    if (previous === undefined) continue;
    if (value < previous) return undefined;
    deltas.set(key, value - previous);
  }
  return { seconds: (after.atMs - before.atMs) / 1000, deltas };
}

/** The per-second rate of the counters whose key passes `select`, summed; undefined when none. */
export function summedRate(
  change: CounterDeltas | undefined,
  select: (key: string) => boolean,
): number | undefined {
  if (!change) return undefined;
  let total = 0;
  let found = false;
  for (const [key, delta] of change.deltas) {
    if (!select(key)) continue;
    total += delta;
    found = true;
  }
  return found ? total / change.seconds : undefined;
}
