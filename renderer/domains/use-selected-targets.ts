import { useMemo } from 'react';
import { useStoreState } from '../common/stores-context';
import type { ActionTarget } from '../stores/domain-action-runner';
import { parseDomainKey } from '../stores/domain-key';

const noTargets: ActionTarget[] = [];

/**
 * The selected VMs with their host ids, in selection order. With nothing selected it is always the
 * same empty array, so what depends on it (the toolbar's actions) is not computed again on every
 * list change.
 */
export function useSelectedTargets(): ActionTarget[] {
  const selection = useStoreState('ui', (state) => state.selection);
  const byHost = useStoreState('domains', (state) => state.byHost);
  return useMemo(() => {
    if (selection.size === 0) return noTargets;
    const targets: ActionTarget[] = [];
    for (const key of selection) {
      const { hostId, uuid } = parseDomainKey(key);
      const summary = byHost[hostId]?.[uuid];
      if (summary) targets.push({ ...summary, hostId });
    }
    return targets;
  }, [selection, byHost]);
}
