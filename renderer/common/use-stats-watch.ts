import { useEffect } from 'react';
import { useStoreState, useStores } from './stores-context';

/**
 * While the calling component is mounted (and `enabled`), the backend polls statistics of the host:
 * `stats/watch` for its VMs (one `domstats` per tick), `stats/watch-host` for the host's own CPU and
 * memory. The backend counts watchers, so any number of views may watch the same host.
 */
export function useStatsWatch(
  call: 'stats/watch' | 'stats/watch-host',
  hostId: string,
  enabled = true,
): void {
  const { api } = useStores();
  const epoch = useStoreState('session', (state) => state.epoch);
  useEffect(() => {
    if (!enabled) return;
    api.call(call, { hostId, watching: true }).catch(() => {});
    return () => {
      api.call(call, { hostId, watching: false }).catch(() => {});
    };
  }, [api, call, hostId, enabled, epoch]);
}

/** Samples further apart than this were not taken in one watch: graphs break their lines there. */
export function useStatsGapMs(): number {
  return useStoreState('prefs', (state) => state.prefs.statsIntervalMs) * 3;
}
