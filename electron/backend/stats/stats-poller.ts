import type { EventBus } from '../events/event-bus';
import type { VirshRunner } from '../virsh/virsh-runner';
import { StatsSampler } from './stats-sampler';

interface StatsPollerDeps {
  hostId: string;
  bus: EventBus;
  intervalMs: () => number;
  shell: () => VirshRunner | undefined;
  uuidByName: (name: string) => string | undefined;
}

/** One `virsh domstats` per host per tick, and only while someone is looking at the numbers. */
export class StatsPoller {
  private watchers = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly sampler = new StatsSampler();

  constructor(private readonly deps: StatsPollerDeps) {}

  watch(watching: boolean): void {
    this.watchers = Math.max(0, this.watchers + (watching ? 1 : -1));
    if (this.watchers > 0 && !this.timer) this.schedule(0);
    if (this.watchers === 0) this.stop();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private async tick(): Promise<void> {
    const shell = this.deps.shell();
    if (shell) {
      try {
        const out = await shell.run([
          'domstats',
          '--raw',
          '--cpu-total',
          '--balloon',
          '--vcpu',
          '--list-active',
        ]);
        const at = Date.now();
        const stats = this.sampler.sample(out, this.deps.uuidByName, at);
        this.deps.bus.emit('stats/tick', { hostId: this.deps.hostId, at, stats });
      } catch {
        // A failed tick is skipped; connection problems are reported by the session.
      }
    }
    if (this.watchers > 0) this.schedule(this.deps.intervalMs());
    else this.timer = undefined;
  }
}
