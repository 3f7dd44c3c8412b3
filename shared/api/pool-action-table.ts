import { z } from 'zod';

export const PoolAction = z.enum(['start', 'stop', 'refresh', 'autostart-on', 'autostart-off', 'build']);
export type PoolAction = z.infer<typeof PoolAction>;

/** What an action's rule looks at. */
export interface PoolFacts {
  state: string;
  persistent: boolean;
  autostart: boolean;
}

export interface PoolActionSpec {
  id: PoolAction;
  /** The virsh command and its flags; the pool (by UUID) follows. */
  verb: readonly [string, ...string[]];
  /** For the message "Pool “name” <done>". */
  done: string;
  /** States in which the action makes sense. */
  states: readonly string[];
  /** Extra condition beyond the state (persistence, current autostart). */
  when?: (pool: PoolFacts) => boolean;
  destructive: boolean;
  /** Runs as a job (its own channel, progress in the jobs panel). */
  job: boolean;
}

const ACTIVE = ['running', 'degraded', 'building', 'inaccessible'] as const;

/**
 * The one list of pool actions, read by the renderer's buttons and by the backend's verbs. Delete is
 * apart (`pools/delete`: stop, optionally `pool-delete`, undefine), as it asks twice.
 */
export const POOL_ACTIONS: readonly PoolActionSpec[] = [
  {
    id: 'start',
    verb: ['pool-start'],
    done: 'started',
    states: ['inactive'],
    destructive: false,
    job: false,
  },
  { id: 'stop', verb: ['pool-destroy'], done: 'stopped', states: ACTIVE, destructive: false, job: false },
  {
    id: 'refresh',
    verb: ['pool-refresh'],
    done: 'refreshed',
    states: ['running', 'degraded'],
    destructive: false,
    job: false,
  },
  {
    id: 'autostart-on',
    verb: ['pool-autostart'],
    done: 'now starts with the host',
    states: [...ACTIVE, 'inactive'],
    when: (p) => p.persistent && !p.autostart,
    destructive: false,
    job: false,
  },
  {
    id: 'autostart-off',
    verb: ['pool-autostart', '--disable'],
    done: 'no longer starts with the host',
    states: [...ACTIVE, 'inactive'],
    when: (p) => p.autostart,
    destructive: false,
    job: false,
  },
  { id: 'build', verb: ['pool-build'], done: 'built', states: ['inactive'], destructive: false, job: true },
];

export function poolActionById(id: PoolAction): PoolActionSpec {
  const spec = POOL_ACTIONS.find((a) => a.id === id);
  if (!spec) throw new Error(`unknown pool action ${id}`);
  return spec;
}

export function poolActionAllowed(id: PoolAction, pool: PoolFacts): boolean {
  const spec = poolActionById(id);
  return spec.states.includes(pool.state) && (spec.when?.(pool) ?? true);
}

/** Delete (undefine) is possible in any state: an active pool is stopped first. */
export function poolDeletable(pool: PoolFacts): boolean {
  return pool.persistent || pool.state !== 'inactive';
}
