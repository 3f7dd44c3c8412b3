export interface ReadAcrossOptions {
  /** Reads each shell keeps written ahead (pipelined: virsh always finds its next command waiting). */
  window?: number;
  /** Results handed on together. */
  batch?: number;
}

/**
 * Reads many items over one or more readers (virsh shells, or the daemon reader) sharing one queue: each shell keeps `window` reads
 * in flight, and a shell that joins late (a second virsh still starting) takes its share of what is
 * left instead of a fixed half. A read that fails is skipped. Results go to `onBatch` in the order
 * they complete; `onBatch` returning false stops the reading (the connection went). Resolves when
 * every item was read or skipped, without waiting for a shell that never came.
 */
export function readAcross<S, T, R>(
  items: readonly T[],
  readers: ReadonlyArray<S | Promise<S | undefined>>,
  read: (runner: S, item: T) => Promise<R>,
  onBatch: (results: R[]) => boolean,
  options: ReadAcrossOptions = {},
): Promise<void> {
  const window = options.window ?? 32;
  const batch = options.batch ?? 100;
  return new Promise<void>((resolve) => {
    if (items.length === 0) return resolve();
    let next = 0;
    let done = 0;
    let stopped = false;
    let results: R[] = [];
    const flush = () => {
      if (results.length === 0 || stopped) return;
      const ready = results;
      results = [];
      if (!onBatch(ready)) {
        stopped = true;
        resolve();
      }
    };
    const lane = async (runner: S) => {
      while (!stopped && next < items.length) {
        const item = items[next++]!;
        const result = await read(runner, item).then(
          (r) => ({ ok: true as const, r }),
          () => ({ ok: false as const }),
        );
        done++;
        if (result.ok) results.push(result.r);
        if (results.length >= batch) flush();
        if (done === items.length) {
          flush();
          stopped = true;
          resolve();
        }
      }
    };
    for (const reader of readers)
      void Promise.resolve(reader).then((runner) => {
        if (runner) for (let i = 0; i < window; i++) void lane(runner);
      });
  });
}
