import type { EventBus } from '../events/event-bus';
import type { VirshRunner } from '../virsh/virsh-runner';
import { HostStatsSampler } from './host-stats-sampler';
import { TickPoller } from './tick-poller';

interface HostStatsPollerDeps {
  hostId: string;
  bus: EventBus;
  intervalMs: () => number;
  shell: () => VirshRunner | undefined;
}

/**
 * The host's own CPU and memory, per tick, only while a host details Overview is open: `nodecpustats`
 * and `nodememstats` written together to the host's virsh shell (one round trip; see
 * docs/performance.md for the measurement against one combined remote command).
 */
export class HostStatsPoller {
  private readonly sampler = new HostStatsSampler();
  private readonly poller: TickPoller;

  constructor(private readonly deps: HostStatsPollerDeps) {
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
    if (!shell) return;
    const [cpu, memory] = await Promise.all([shell.run(['nodecpustats']), shell.run(['nodememstats'])]);
    const sample = this.sampler.sample(cpu, memory, Date.now());
    this.deps.bus.emit('stats/host-tick', { hostId: this.deps.hostId, ...sample });
  }
}
