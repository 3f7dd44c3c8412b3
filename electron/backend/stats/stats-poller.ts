import type { StatKind } from '../../../shared/api/prefs';
import type { EventBus } from '../events/event-bus';
import type { VirshRunner } from '../virsh/virsh-runner';
import { domstatsArgv, StatsSampler } from './stats-sampler';
import { TickPoller } from './tick-poller';

interface StatsPollerDeps {
  hostId: string;
  bus: EventBus;
  intervalMs: () => number;
  /** The statistics to collect (preferences); none: no command at all. */
  kinds: () => ReadonlySet<StatKind>;
  shell: () => VirshRunner | undefined;
  uuidByName: (name: string) => string | undefined;
}

/** One `virsh domstats` per host per tick, and only while someone is looking at the numbers. */
export class StatsPoller {
  private readonly sampler = new StatsSampler();
  private readonly poller: TickPoller;

  constructor(private readonly deps: StatsPollerDeps) {
    this.poller = new TickPoller(() => this.tick(), deps.intervalMs);
  }

  watch(watching: boolean): void {
    this.poller.watch(watching);
  }

  stop(): void {
    this.poller.stop();
  }

  private async tick(): Promise<void> {
    const shell = this.deps.shell();
    const kinds = this.deps.kinds();
    if (!shell || kinds.size === 0) return;
    const out = await shell.run(domstatsArgv(kinds));
    const at = Date.now();
    const stats = this.sampler.sample(out, this.deps.uuidByName, at, kinds);
    this.deps.bus.emit('stats/tick', { hostId: this.deps.hostId, at, stats });
  }
}
