import type { VirtdeskApi } from '../../shared/api/contract';
import type { PoolSummary } from '../../shared/api/pools';
import { createCollectionStore, type CollectionState } from './collection-store';

export type PoolsState = CollectionState<PoolSummary>;

/** Storage pools per host, by UUID; filled by pools/list when a host's details open, kept by pools/delta. */
export function createPoolsStore(api: VirtdeskApi) {
  return createCollectionStore<PoolSummary>(
    (hostId) => api.call('pools/list', { hostId }),
    (pool) => pool.uuid,
  );
}

export type PoolsStore = ReturnType<typeof createPoolsStore>;
