import { useMemo } from 'react';
import { useStoreState } from '../common/stores-context';
import type { ActionTarget } from '../stores/domain-action-runner';
import { parseDomainKey } from '../stores/domain-key';

/** The selected VMs with their host ids, in selection order. */
export function useSelectedTargets(): ActionTarget[] {
  const selection = useStoreState('ui', (state) => state.selection);
  const byHost = useStoreState('domains', (state) => state.byHost);
  return useMemo(() => {
    const targets: ActionTarget[] = [];
    for (const key of selection) {
      const { hostId, uuid } = parseDomainKey(key);
      const summary = byHost[hostId]?.[uuid];
      if (summary) targets.push({ ...summary, hostId });
    }
    return targets;
  }, [selection, byHost]);
}
