import { useEffect, useState } from 'react';
import type { CloneDiskPlan } from '../../shared/api/domain-clone';
import { toApiError } from '../api/api-error-from';
import { useStores } from '../common/stores-context';

export type ClonePlanRead =
  | { state: 'loading' }
  | { state: 'ready'; name: string; uefi: boolean; disks: CloneDiskPlan[] }
  | { state: 'failed'; message: string };

/** What Clone offers for a VM (read once when the dialog opens). */
export function useClonePlan(hostId: string, uuid: string): ClonePlanRead {
  const { cloneCalls } = useStores();
  const [read, setRead] = useState<ClonePlanRead>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    cloneCalls.plan(hostId, uuid).then(
      (plan) => live && setRead({ state: 'ready', ...plan }),
      (error: unknown) => live && setRead({ state: 'failed', message: toApiError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [cloneCalls, hostId, uuid]);
  return read;
}
