import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract';
import { hostVirsh } from '../../../e2e/host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { parseNodeStats } from './host-stats-sampler';

// The real test host (sshd on 127.0.0.1, libvirt qemu:///session): its node statistics and a running
// VM's domstats, read the way the graphs read them. Objects made here are named vd-c-*.
const host = inject('testHost');
let h: Harness;
let hostId: string;
let vm: VmWithVolumes | undefined;

beforeAll(async () => {
  h = await createHarness();
  hostId = await connectByKey(h, host);
  await h.call('prefs/set', { statsIntervalMs: 500 });
});
afterAll(async () => {
  h?.dispose();
  if (vm) {
    await hostVirsh(['destroy', vm.vm]);
    await vm.remove();
  }
});

describe('host statistics', () => {
  it('reads the host’s CPU and memory from nodecpustats and nodememstats while watched, and stops after', async () => {
    await h.call('stats/watch-host', { hostId, watching: true });
    const first = await h.waitFor('stats/host-tick', (t) => t.hostId === hostId);
    const second = await h.waitFor('stats/host-tick', (t) => t.hostId === hostId && t.at > first.at);
    await h.call('stats/watch-host', { hostId, watching: false });

    const memory = parseNodeStats((await hostVirsh(['nodememstats'])).stdout);
    expect(second.memoryTotalKiB).toBe(memory.get('total'));
    expect(second.memoryUsedKiB).toBeGreaterThan(0);
    expect(second.memoryUsedKiB).toBeLessThan(second.memoryTotalKiB);
    expect(first.cpuPercent).toBeUndefined();
    expect(second.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(second.cpuPercent).toBeLessThanOrEqual(100);

    // Nobody watches: no more ticks (one already under way may still arrive).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const count = h.events.filter((e) => e.name === 'stats/host-tick').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(h.events.filter((e) => e.name === 'stats/host-tick').length).toBe(count);
  });
});

describe('VM statistics', () => {
  it('gives a running VM’s CPU, memory and disk rates from the one domstats per tick', async () => {
    vm = await createVmWithVolumes('c-int', ['vd-c-int.qcow2']);
    const started = await hostVirsh(['start', vm.vm]);
    expect(started.code, started.stderr).toBe(0);
    const uuid = (await hostVirsh(['domuuid', vm.vm])).stdout.trim();
    await h.waitFor('domains/delta', (d) => d.upsert.some((s) => s.uuid === uuid && s.state === 'running'));
    await h.call('stats/watch', { hostId, watching: true });
    const sampleOf = (t: EventPayload<'stats/tick'>) => t.stats.find((s) => s.uuid === uuid);
    // The second tick that has the VM compares counters, so it carries rates.
    const first = await h.waitFor('stats/tick', (t) => sampleOf(t) !== undefined);
    const tick = await h.waitFor('stats/tick', (t) => t.at > first.at && sampleOf(t) !== undefined);
    await h.call('stats/watch', { hostId, watching: false });
    const sample = sampleOf(tick)!;
    expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(sample.memoryKiB).toBeGreaterThan(0);
    expect(sample.memoryMaxKiB).toBe(32 * 1024);
    expect(sample.diskReadBps).toBeGreaterThanOrEqual(0);
    expect(sample.diskWriteBps).toBeGreaterThanOrEqual(0);
    // The test VM has no interface: no network rate rather than a made-up zero.
    expect(sample.netRxBps).toBeUndefined();
  });
});
