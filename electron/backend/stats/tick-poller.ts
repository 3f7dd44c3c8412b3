/**
 * Runs `tick` every `intervalMs()` while at least one watcher is counted, and not at all otherwise:
 * statistics cost the host a command per tick, so they are read only while someone looks at them.
 * The next tick is planned when the previous one has finished (never two at once).
 */
export class TickPoller {
  private watchers = 0;
  private timer: NodeJS.Timeout | undefined;
  /** A tick is under way: it plans the next one itself, so a new watcher must not start another. */
  private running = false;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly intervalMs: () => number,
  ) {}

  watch(watching: boolean): void {
    this.watchers = Math.max(0, this.watchers + (watching ? 1 : -1));
    if (this.watchers > 0 && !this.timer && !this.running) this.schedule(0);
    if (this.watchers === 0) this.stop();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      await this.tick();
    } catch {
      // A failed tick is skipped; connection problems are reported by the session.
    } finally {
      this.running = false;
    }
    if (this.watchers > 0 && !this.timer) this.schedule(this.intervalMs());
  }
}
