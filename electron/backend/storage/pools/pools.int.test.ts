import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PoolDelta, PoolSummary } from '../../../../shared/api/pools';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { clearEvents, connectByKey, createHarness, type Harness } from '../../testing/backend-harness';

// The seeds' flow on a real host (sshd + libvirt qemu:///session for the test user):
// pool-define-as kvm_images dir --target ~/…/pool, build, start, autostart; events from outside; delete.
const host = inject('testHost');
const NAME = 'vd-kvm_images';
const target = `${host.home}/vd-pools-test/kvm/pool`;
let h: Harness;
let hostId: string;

async function removeLeftovers(): Promise<void> {
  await hostVirsh(['pool-destroy', NAME]);
  await hostVirsh(['pool-delete', NAME]);
  await hostVirsh(['pool-undefine', NAME]);
}

beforeAll(async () => {
  await removeLeftovers();
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(async () => {
  h?.dispose();
  await removeLeftovers();
});

const seen = (match: (p: PoolSummary) => boolean) => (d: PoolDelta) =>
  d.hostId === hostId && d.upsert.some(match);

describe('storage pools on a real host', () => {
  it('lists the test host’s dir pool with its capacity and target', async () => {
    const pools = await h.call('pools/list', { hostId });
    const images = pools.find((p) => p.name === 'vd-images');
    expect(images).toMatchObject({ type: 'dir', state: 'running', persistent: true, autostart: true });
    expect(images!.targetPath).toBe(`${host.home}/vd-images`);
    expect(images!.capacity).toBeGreaterThan(0);
    expect(images!.capacity).toBeGreaterThanOrEqual(images!.available);
  });

  it('reads which pool types the host runs', async () => {
    const caps = await h.call('pools/capabilities', { hostId });
    expect(caps.known).toBe(true);
    expect(caps.types.find((t) => t.type === 'dir')?.supported).toBe(true);
    expect(caps.types.find((t) => t.type === 'netfs')?.sourceFormats).toEqual(
      expect.arrayContaining(['nfs', 'cifs', 'glusterfs']),
    );
  });

  it('refuses bad input before anything runs', async () => {
    const define = (spec: Record<string, unknown>) =>
      h.call('pools/define', { hostId, spec: spec as never, build: true, start: true, autostart: false });
    for (const name of ['with space', `q'uote`, '$(touch /tmp/vd-pwned)']) {
      await expect(define({ type: 'dir', name, targetPath: target })).rejects.toMatchObject({
        code: 'invalid-request',
      });
    }
    await expect(define({ type: 'dir', name: NAME, targetPath: 'relative/dir' })).rejects.toMatchObject({
      message: expect.stringMatching(/absolute path/),
    });
    await expect(define({ type: 'dir', name: 'vd-images', targetPath: target })).rejects.toMatchObject({
      message: expect.stringMatching(/already exists/),
    });
    const lacking = (await h.call('pools/capabilities', { hostId })).types.find((t) => !t.supported);
    if (lacking?.type === 'zfs')
      await expect(define({ type: 'zfs', name: NAME, zpool: 'tank' })).rejects.toMatchObject({
        message: expect.stringMatching(/cannot run zfs pools/),
      });
    expect((await hostVirsh(['pool-info', NAME])).code).not.toBe(0);
  });

  it('removes a pool again when its build fails, and says so', async () => {
    await expect(
      h.call('pools/define', {
        hostId,
        spec: { type: 'dir', name: NAME, targetPath: '/proc/vd-no-such/pool' },
        build: true,
        start: true,
        autostart: false,
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/Could not build .*removed again.*nothing is left/s),
    });
    expect((await hostVirsh(['pool-info', NAME])).code).not.toBe(0);
    expect((await h.call('pools/list', { hostId })).some((p) => p.name === NAME)).toBe(false);
  });

  it('defines, builds, starts and autostarts a dir pool (the seeds’ flow)', async () => {
    clearEvents(h);
    const result = await h.call('pools/define', {
      hostId,
      spec: { type: 'dir', name: NAME, targetPath: target },
      build: true,
      start: true,
      autostart: true,
    });
    expect(result.message).toBe(`Pool “${NAME}” defined and started.`);
    expect(result.summary).toMatchObject({
      name: NAME,
      state: 'running',
      autostart: true,
      targetPath: target,
    });
    expect(h.events.some((e) => e.name === 'jobs/finished')).toBe(true);
    const info = (await hostVirsh(['pool-info', NAME])).stdout;
    expect(info).toMatch(/State:\s+running/);
    expect(info).toMatch(/Autostart:\s+yes/);
  });

  it('sees a pool stopped and started outside VirtDesk, pushed by pool-event', async () => {
    const pool = (await h.call('pools/list', { hostId })).find((p) => p.name === NAME)!;
    clearEvents(h);
    const stopped = h.waitFor(
      'pools/delta',
      seen((p) => p.uuid === pool.uuid && p.state === 'inactive'),
    );
    expect((await hostVirsh(['pool-destroy', NAME])).code).toBe(0);
    await stopped;
    const started = h.waitFor(
      'pools/delta',
      seen((p) => p.uuid === pool.uuid && p.state === 'running'),
    );
    expect((await hostVirsh(['pool-start', NAME])).code).toBe(0);
    await started;
  });

  it('runs the table’s actions and refuses those the state does not allow', async () => {
    const { uuid } = (await h.call('pools/list', { hostId })).find((p) => p.name === NAME)!;
    await expect(h.call('pools/action', { hostId, uuid, action: 'start' })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    const off = await h.call('pools/action', { hostId, uuid, action: 'autostart-off' });
    expect(off.summary?.autostart).toBe(false);
    expect((await h.call('pools/action', { hostId, uuid, action: 'refresh' })).summary?.state).toBe(
      'running',
    );
    expect((await h.call('pools/action', { hostId, uuid, action: 'stop' })).summary?.state).toBe('inactive');
    const xml = await h.call('pools/xml', { hostId, uuid });
    expect(xml.xml).toContain(`<path>${target}</path>`);
  });

  it('deletes it with its storage, and the delta removes it', async () => {
    const { uuid } = (await h.call('pools/list', { hostId })).find((p) => p.name === NAME)!;
    clearEvents(h);
    const removed = h.waitFor('pools/delta', (d) => d.hostId === hostId && d.remove.includes(uuid));
    const result = await h.call('pools/delete', { hostId, uuid, deleteStorage: true });
    expect(result.message).toBe(`Pool “${NAME}” and its storage deleted`);
    await removed;
    expect((await hostVirsh(['pool-info', NAME])).code).not.toBe(0);
    expect((await h.call('pools/list', { hostId })).some((p) => p.uuid === uuid)).toBe(false);
  });
});
