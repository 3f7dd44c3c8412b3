import type { VolumeView } from '../../shared/api/volumes';

/** At most this many names per `volumes/details` call for the rows in view (read first). */
const IN_VIEW_BATCH = 100;
/** The rest of a pool is read behind them in calls of this many names (the contract's maximum)… */
const BACKGROUND_BATCH = 500;
/** …with at most this many calls at once (each is one virsh on the host; the machine has more to do). */
const IN_FLIGHT = 2;

/**
 * The XML reads of one load of a pool: every row's, in calls of `BACKGROUND_BATCH` names, two at a
 * time, with the rows in view put ahead of the rest. Each name is asked once per load (again only
 * after its call failed); what was read is in `details`, and `onRead` says when more came.
 */
export class VolumeDetailsQueue {
  readonly details = new Map<string, VolumeView>();
  private readonly asked = new Set<string>();
  private readonly queue: string[][] = [];
  private running = 0;
  private stopped = false;

  constructor(
    private readonly read: (names: string[]) => Promise<VolumeView[]>,
    private readonly onRead: () => void,
  ) {}

  /** Every named row not read yet, behind anything asked before. */
  readAll(names: readonly string[]): void {
    this.queue.push(...batches(names, BACKGROUND_BATCH));
    this.drain();
  }

  /** The rows in view: ahead of the rest. */
  readFirst(names: readonly string[]): void {
    this.queue.unshift(...batches(names, IN_VIEW_BATCH));
    this.drain();
  }

  /** A newer load took over: nothing more is asked, and replies still coming are dropped. */
  stop(): void {
    this.stopped = true;
  }

  private drain(): void {
    while (this.running < IN_FLIGHT && this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.shift()!.filter((n) => !this.asked.has(n));
      if (batch.length === 0) continue;
      batch.forEach((n) => this.asked.add(n));
      this.running++;
      void this.read(batch)
        .then(
          (details) => {
            if (this.stopped) return;
            for (const v of details) this.details.set(v.name, v);
            this.onRead();
          },
          () => batch.forEach((n) => this.asked.delete(n)),
        )
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }
}

function batches(names: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < names.length; i += size) out.push(names.slice(i, i + size));
  return out;
}
