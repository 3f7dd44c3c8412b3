import type { EventBus } from '../../events/event-bus';
import type { HostSession } from '../../hosts/host-session';
import type { JobManager } from '../../jobs/job-manager';
import { removePartialVolume } from './remove-volume';

interface Orphan {
  pool: string;
  name: string;
}

/**
 * Volumes an upload left half-written when the connection dropped: deleted as soon as the host is
 * connected again (a job in the jobs panel says so), so a broken upload never stays behind silently.
 */
export class OrphanVolumes {
  private readonly pending = new Map<string, Orphan[]>();
  private readonly unsubscribe: () => void;

  constructor(
    bus: EventBus,
    private readonly session: (hostId: string) => HostSession,
    private readonly jobs: JobManager,
  ) {
    this.unsubscribe = bus.subscribe((name, payload) => {
      if (name !== 'hosts/status') return;
      const status = payload as { hostId: string; state: string };
      if (status.state === 'connected') this.sweep(status.hostId);
    });
  }

  add(hostId: string, orphan: Orphan): void {
    this.pending.set(hostId, [...(this.pending.get(hostId) ?? []), orphan]);
  }

  dispose(): void {
    this.unsubscribe();
  }

  private sweep(hostId: string): void {
    const orphans = this.pending.get(hostId);
    if (!orphans?.length) return;
    this.pending.delete(hostId);
    for (const orphan of orphans) {
      this.jobs.start({
        hostId,
        kind: 'volume-delete',
        title: `Delete the partial upload ${orphan.name} from ${orphan.pool}`,
        phase: 'Deleting',
        cancellable: false,
        run: async () => {
          await removePartialVolume(this.session(hostId).live().shell, orphan.pool, orphan.name);
          return { message: `The partial upload ${orphan.name} was deleted from ${orphan.pool}` };
        },
      });
    }
  }
}
