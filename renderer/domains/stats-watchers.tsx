import { useStoreState } from '../common/stores-context';
import { useStatsWatch } from '../common/use-stats-watch';

/** While mounted, asks the backend for stats ticks from one connected host. */
function StatsWatcher({ hostId }: { hostId: string }) {
  useStatsWatch('stats/watch', hostId);
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
