import type { DomainState } from '../../shared/api/domains';

/** The state filter's buckets and the state icon's shapes. */
export type StateCategory = 'running' | 'paused' | 'shutoff' | 'other';

export function stateCategory(state: DomainState): StateCategory {
  switch (state) {
    case 'running':
    case 'idle':
    case 'in shutdown':
      return 'running';
    case 'paused':
      return 'paused';
    case 'shut off':
      return 'shutoff';
    default:
      return 'other';
  }
}

/** Sort rank for the State column: running first, then paused, other, shut off. */
export const stateRank: Record<DomainState, number> = {
  running: 0,
  idle: 1,
  'in shutdown': 2,
  paused: 3,
  pmsuspended: 4,
  crashed: 5,
  'no state': 6,
  'shut off': 7,
};
