import { useEffect, useMemo } from 'react';
import { topologyOf, type HostTopology } from '../../../shared/domain-edit/host-topology';
import type { NumaCell } from '../../../shared/api/host-overview';
import { useStoreState, useStores } from '../../common/stores-context';

/** The host's CPUs, NUMA cells and page sizes (hosts/overview, read once per host while shown). */
export function useHostTopology(hostId: string): { topology?: HostTopology; cells: NumaCell[] } {
  const { hostOverview } = useStores();
  const entry = useStoreState('hostOverview', (s) => s.byHost[hostId]);
  useEffect(() => {
    if (!entry?.overview && !entry?.loading && !entry?.error) void hostOverview.getState().load(hostId);
  }, [hostOverview, hostId, entry]);
  const overview = entry?.overview;
  return useMemo(
    () => (overview ? { topology: topologyOf(overview), cells: overview.numaCells } : { cells: [] }),
    [overview],
  );
}
