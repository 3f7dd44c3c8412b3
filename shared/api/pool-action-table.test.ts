import { describe, expect, it } from 'vitest';
import { POOL_ACTIONS, PoolAction, poolActionAllowed, poolDeletable } from './pool-action-table';

const pool = (state: string, persistent = true, autostart = false) => ({ state, persistent, autostart });

describe('the pool action table', () => {
  it('has one entry per action, each with a virsh pool verb', () => {
    expect(POOL_ACTIONS.map((a) => a.id).sort()).toEqual([...PoolAction.options].sort());
    for (const a of POOL_ACTIONS) expect(a.verb[0]).toMatch(/^pool-/);
  });

  it('allows what the state allows', () => {
    const allowed = (p: ReturnType<typeof pool>) => PoolAction.options.filter((a) => poolActionAllowed(a, p));
    expect(allowed(pool('inactive'))).toEqual(['start', 'autostart-on', 'build']);
    expect(allowed(pool('running', true, true))).toEqual(['stop', 'refresh', 'autostart-off']);
    expect(allowed(pool('running', false))).toEqual(['stop', 'refresh']);
  });

  it('deletes anything but a transient pool that is already gone', () => {
    expect(poolDeletable(pool('running', false))).toBe(true);
    expect(poolDeletable(pool('inactive', true))).toBe(true);
    expect(poolDeletable(pool('inactive', false))).toBe(false);
  });
});
