import { useEffect } from 'react';
import { useStoreState, useStores } from '../../common/stores-context';

/** A host's running pools, `default` first then by name (read once when a step needs them). */
export function useRunningPools(hostId: string) {
  const { pools } = useStores();
  const poolMap = useStoreState('pools', (s) => s.byHost[hostId]);
  useEffect(() => {
    void pools.getState().load(hostId);
  }, [pools, hostId]);
  return Object.values(poolMap ?? {})
    .filter((p) => p.state === 'running')
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
