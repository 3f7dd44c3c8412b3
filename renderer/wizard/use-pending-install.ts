import { useEffect } from 'react';
import { useStoreState, useStores } from '../common/stores-context';

/**
 * Asks the host whether a VM waits for its installation (the wizard's record in its definition) when
 * its window shows it, and again when its state changes; the answer goes to the wizard store, which
 * the Begin / Cancel installation bar reads. A failed read leaves what the store knew.
 */
export function usePendingInstall(hostId: string, uuid: string): void {
  const { wizardCalls, wizard } = useStores();
  const state = useStoreState('domains', (s) => s.byHost[hostId]?.[uuid]?.state);
  const connected = useStoreState('hosts', (s) => s.byId[hostId]?.status.state === 'connected');
  useEffect(() => {
    if (!connected || state === undefined) return;
    let live = true;
    wizardCalls.pendingInstall(hostId, uuid).then(
      ({ pending }) => {
        if (!live) return;
        if (pending) wizard.getState().awaitInstall({ hostId, uuid, ...pending });
        else wizard.getState().installSettled(hostId, uuid);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wizardCalls, wizard, hostId, uuid, state, connected]);
}
