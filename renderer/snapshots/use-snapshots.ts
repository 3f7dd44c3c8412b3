import { useCallback, useEffect, useState } from 'react';
import type { SnapshotSupport, SnapshotView } from '../../shared/api/snapshots';
import { toApiError } from '../api/api-error-from';
import { useStores } from '../common/stores-context';

export type SnapshotsRead =
  | { state: 'loading' }
  | { state: 'ready'; snapshots: SnapshotView[]; support: SnapshotSupport }
  | { state: 'failed'; message: string };

/**
 * A VM's snapshots, read on demand: when the page opens, after every change made through VirtDesk
 * (`snapshots/changed`, from any window) and whenever the VM's state changes (a revert, a start).
 * Answers that arrive after a newer request are dropped.
 */
export function useSnapshots(hostId: string, uuid: string | undefined, vmState: string | undefined) {
  const { snapshotCalls } = useStores();
  const [read, setRead] = useState<SnapshotsRead>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!uuid) return;
    return snapshotCalls.onChanged({ hostId, uuid }, reload);
  }, [snapshotCalls, hostId, uuid, reload]);

  useEffect(() => {
    if (!uuid) return;
    let live = true;
    snapshotCalls.list({ hostId, uuid }).then(
      (answer) => live && setRead({ state: 'ready', ...answer }),
      (error: unknown) => live && setRead({ state: 'failed', message: toApiError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [snapshotCalls, hostId, uuid, vmState, generation]);

  return { read, reload };
}
