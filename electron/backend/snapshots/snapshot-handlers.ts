import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import type { HostManager } from '../hosts/host-manager';
import type { JobManager } from '../jobs/job-manager';
import { isActiveState } from './snapshot-parse';
import { readSnapshots, readSnapshotSupport } from './snapshot-reader';
import {
  createSnapshot,
  deleteSnapshot,
  describeSnapshot,
  revertSnapshot,
  type SnapshotTarget,
} from './snapshot-verbs';

type SnapshotCall = Extract<keyof Handlers, `snapshots/${string}`>;

/** The snapshots/* calls. Requests arrive already validated; every change is announced to every window. */
export function snapshotHandlers(
  hosts: HostManager,
  jobs: JobManager,
  bus: EventBus,
): Pick<Handlers, SnapshotCall> {
  const target = (hostId: string, uuid: string): SnapshotTarget => {
    const session = hosts.session(hostId);
    const host = session.live();
    const domain = session.domains.get(uuid);
    if (!domain) throw new ApiError('domain-not-found', `No VM with UUID ${uuid} on this host`);
    return { host, domain, jobs };
  };
  /** Runs a change, then tells every window (and refreshes the VM's row: a revert changes its state). */
  const change = async <T>(
    hostId: string,
    uuid: string,
    work: (t: SnapshotTarget) => Promise<T>,
  ): Promise<T> => {
    const t = target(hostId, uuid);
    try {
      return await work(t);
    } finally {
      bus.emit('snapshots/changed', { hostId, uuid });
      await hosts
        .session(hostId)
        .domains.refresh(t.host, uuid)
        .catch(() => undefined);
    }
  };
  return {
    'snapshots/list': async ({ hostId, uuid }) => {
      const { host, domain } = target(hostId, uuid);
      const [snapshots, support] = await Promise.all([
        readSnapshots(host.shell, uuid),
        readSnapshotSupport(host.shell, uuid, isActiveState(domain.state)),
      ]);
      return { snapshots, support };
    },
    'snapshots/create': (request) => change(request.hostId, request.uuid, (t) => createSnapshot(t, request)),
    'snapshots/revert': (request) => change(request.hostId, request.uuid, (t) => revertSnapshot(t, request)),
    'snapshots/delete': (request) => change(request.hostId, request.uuid, (t) => deleteSnapshot(t, request)),
    'snapshots/describe': (request) =>
      change(request.hostId, request.uuid, (t) => describeSnapshot(t, request)),
  };
}
