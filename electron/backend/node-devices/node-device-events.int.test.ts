import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';

// nodedev-event on the real session host (issue 10). libvirt's node device driver hears devices
// come and go only from udevd's netlink group (not the kernel's), so this needs the udevd that
// test-host.sh starts, and root to add a veth pair (the container has no `dummy` link type). The
// pair stays down, without addresses; its names carry this test's prefix.
const host = inject('testHost');
const A = 'vd-sn-ev0';
const B = 'vd-sn-ev1';
const running = (name: string) => {
  try {
    execFileSync('pgrep', ['-x', name]);
    return true;
  } catch {
    return false;
  }
};
const unavailable =
  process.getuid?.() !== 0
    ? 'adding a veth pair needs root'
    : !running('systemd-udevd')
      ? 'no udevd runs (test-host.sh up starts one where the udev package is installed)'
      : undefined;
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'ignore' });
const removePair = () => {
  try {
    ip('link', 'del', A);
  } catch {
    // not there
  }
};
let h: Harness;
let hostId: string;

beforeAll(async () => {
  if (unavailable) return;
  removePair();
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(() => {
  h?.dispose();
  if (!unavailable) removePair();
});

describe('node device events on the real session host', () => {
  it.skipIf(unavailable !== undefined)(
    `a network device that appears and goes away reaches the list live${unavailable ? ` (skipped: ${unavailable})` : ''}`,
    async () => {
      await h.call('nodedevices/list', { hostId });
      const isA = (name: string) => name.startsWith(`net_${A.replace(/-/g, '_')}_`);
      // virsh registers its callback a moment after the stream's process starts, and says nothing
      // when: add the pair until its event arrives (poll-until, at most six tries of 5 s).
      let added: Awaited<ReturnType<typeof h.waitFor<'nodedevices/delta'>>> | undefined;
      for (let attempt = 0; !added && attempt < 6; attempt++) {
        removePair();
        const seen = h.waitFor('nodedevices/delta', (d) => d.upsert.some((dev) => isA(dev.name)), 5_000);
        ip('link', 'add', A, 'type', 'veth', 'peer', 'name', B);
        added = await seen.catch(() => undefined);
      }
      expect(added).toBeDefined();
      const device = added!.upsert.find((dev) => isA(dev.name))!;
      expect(device.kind).toBe('net');
      const listed = await h.call('nodedevices/list', { hostId });
      expect(listed.devices.some((d) => d.name === device.name)).toBe(true);
      const removed = h.waitFor('nodedevices/delta', (d) => d.remove.includes(device.name), 60_000);
      removePair();
      await removed;
      expect((await h.call('nodedevices/list', { hostId })).devices.some((d) => d.name === device.name)).toBe(
        false,
      );
    },
    150_000,
  );
});
