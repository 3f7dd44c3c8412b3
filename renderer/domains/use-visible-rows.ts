import { useMemo, useRef } from 'react';
import { useStoreState } from '../common/stores-context';
import { latestValue, type StatsSeries } from '../stores/stats-store';
import { buildRows, reuseRows, type ListRow } from './visible-rows';

const noStats: Record<string, StatsSeries> = {};

/** The rows to show, recomputed when hosts, VMs, filter or sort change (stats only when sorting by CPU). */
export function useVisibleRows(): ListRow[] {
  const order = useStoreState('hosts', (state) => state.order);
  const hostsById = useStoreState('hosts', (state) => state.byId);
  const byHost = useStoreState('domains', (state) => state.byHost);
  const filterText = useStoreState('ui', (state) => state.filterText);
  const stateFilter = useStoreState('ui', (state) => state.stateFilter);
  const sort = useStoreState('ui', (state) => state.sort);
  const collapsedHosts = useStoreState('ui', (state) => state.collapsedHosts);
  const stats = useStoreState('stats', (state) => (sort.column === 'cpu' ? state.byKey : noStats));
  const previous = useRef<ReadonlyMap<string, ListRow>>(new Map());
  return useMemo(() => {
    const rows = reuseRows(
      previous.current,
      buildRows(order, hostsById, byHost, { filterText, stateFilter, sort, collapsedHosts }, (key) =>
        latestValue(stats[key], 'cpuPercent'),
      ),
    );
    previous.current = new Map(rows.map((row) => [row.id, row]));
    return rows;
  }, [order, hostsById, byHost, filterText, stateFilter, sort, collapsedHosts, stats]);
}
