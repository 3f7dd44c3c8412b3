import { useEffect } from 'react';
import { useStoreState, useStores } from '../common/stores-context';

/** While mounted, asks the backend for stats ticks from one connected host. */
function StatsWatcher({ hostId }: { hostId: string }) {
  const { api } = useStores();
  const epoch = useStoreState('session', (state) => state.epoch);
  useEffect(() => {
    api.call('stats/watch', { hostId, watching: true }).catch(() => {});
    return () => {
      api.call('stats/watch', { hostId, watching: false }).catch(() => {});
    };
  }, [api, hostId, epoch]);
  return null;
}

/** One watcher per connected host; mounted with the list, so stats flow only while it is visible. */
export function StatsWatchers() {
  const connected = useStoreState('hosts', (state) =>
    state.order.filter((id) => state.byId[id]?.status.state === 'connected').join('\n'),
  );
  return (
    <>
      {connected
        .split('\n')
        .filter(Boolean)
        .map((hostId) => (
          <StatsWatcher key={hostId} hostId={hostId} />
        ))}
    </>
  );
}
