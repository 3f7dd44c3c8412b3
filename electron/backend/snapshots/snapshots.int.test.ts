import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../e2e/host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, pollUntil, type Harness } from '../testing/backend-harness';

// Real sshd + real libvirt session (libvirt 9.0, QEMU under TCG): a VM with one qcow2 disk in its
// own pool. It is booted once (no OS: SeaBIOS finds nothing to boot and waits), which is enough to
// take snapshots with memory.
const host = inject('testHost');
const run = promisify(execFile);
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;
let uuid: string;
let disk: string;

const virsh = async (args: string[]) => {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const list = () => h.call('snapshots/list', { hostId, uuid });
const names = async () => (await list()).snapshots.map((s) => s.name);
const state = async () => (await virsh(['domstate', fixture.vm])).trim();
/** qemu-io reads the disk alongside a running QEMU (-U: no lock, read only). */
const readsPattern = async (pattern: string) => {
  const { stdout } = await run('qemu-io', [
    '-U',
    '-r',
    '-f',
    'qcow2',
    '-c',
    `read -P ${pattern} 0 64k`,
    disk,
  ]);
  return !/Pattern verification failed/.test(stdout);
};

beforeAll(async () => {
  fixture = await createVmWithVolumes(`s-snap-${process.pid}`, ['root.qcow2']);
  disk = `${fixture.target}/root.qcow2`;
  h = await createHarness();
  hostId = await connectByKey(h, host);
  uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === fixture.vm)!.uuid;
  await virsh(['start', fixture.vm]);
  await pollUntil(
    async () => (await h.call('domains/list', { hostId })).find((d) => d.uuid === uuid)?.state,
    (s) => s === 'running',
  );
});

afterAll(async () => {
  h?.dispose();
  await hostVirsh(['destroy', fixture.vm]);
  await hostVirsh(['undefine', fixture.vm, '--snapshots-metadata']);
  await fixture?.remove();
});

describe('Snapshots on the real test host', () => {
  it('disk-only external snapshots are created with overlay files and deleted with them', async () => {
    await h.call('snapshots/create', { hostId, uuid, name: 'ext-1', memory: false, location: 'external' });
    await h.call('snapshots/create', { hostId, uuid, name: 'ext-2', memory: false, location: 'external' });
    const { snapshots, support } = await list();
    expect(snapshots).toEqual([
      expect.objectContaining({ name: 'ext-1', location: 'external', memory: false, state: 'disk-snapshot' }),
      expect.objectContaining({ name: 'ext-2', parent: 'ext-1', current: true, location: 'external' }),
    ]);
    const overlays = snapshots.flatMap((s) => s.files);
    expect(overlays).toEqual([`${fixture.target}/root.ext-1`, `${fixture.target}/root.ext-2`]);
    expect(overlays.every((f) => existsSync(f))).toBe(true);

    // libvirt 9.0 cannot revert to an external snapshot: the reason, before anything runs.
    expect(support.externalRevert).toBe(false);
    await expect(h.call('snapshots/revert', { hostId, uuid, name: 'ext-1' })).rejects.toThrow(
      /older than 9\.9/,
    );

    await h.call('snapshots/delete', { hostId, uuid, name: 'ext-2' });
    await h.call('snapshots/delete', { hostId, uuid, name: 'ext-1' });
    expect(await names()).toEqual([]);
    expect(overlays.some((f) => existsSync(f))).toBe(false);
    expect(await virsh(['domblklist', fixture.vm])).toContain(disk);
  });

  it('an internal snapshot with memory of the running VM brings back its disk and its running state', async () => {
    const finished = h.waitFor('jobs/finished', (j) => j.kind === 'snapshot-create');
    const created = await h.call('snapshots/create', {
      hostId,
      uuid,
      name: 'before',
      description: 'clean disk',
      memory: true,
      location: 'internal',
    });
    expect(created.message).toMatch(/“before” .* created/);
    expect((await finished).state).toBe('done');
    expect((await list()).snapshots).toEqual([
      expect.objectContaining({
        name: 'before',
        state: 'running',
        memory: true,
        location: 'internal',
        current: true,
      }),
    ]);

    // Something a user would notice: the VM is off and its disk holds new data.
    await virsh(['destroy', fixture.vm]);
    await run('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0x5a 0 64k', disk]);
    expect(await readsPattern('0x5a')).toBe(true);

    const changed = h.waitFor('snapshots/changed', (e) => e.uuid === uuid);
    await h.call('snapshots/revert', { hostId, uuid, name: 'before' });
    await changed;
    expect(await state()).toBe('running');
    expect(await readsPattern('0')).toBe(true);

    // Reverted paused on request.
    await h.call('snapshots/revert', { hostId, uuid, name: 'before', then: 'paused' });
    expect(await state()).toBe('paused');
  });

  it('a tree of three generations; the current one marked; a description edited; a subtree deleted', async () => {
    await virsh(['destroy', fixture.vm]);
    await pollUntil(
      async () => (await h.call('domains/list', { hostId })).find((d) => d.uuid === uuid)?.state,
      (s) => s === 'shut off',
    );
    for (const name of ['gen 1', 'gen 2', `it's “ünïcode” ✓`])
      await h.call('snapshots/create', { hostId, uuid, name, memory: false, location: 'internal' });
    const tree = (await list()).snapshots;
    expect(tree.map((s) => [s.name, s.parent, s.current, s.state])).toEqual([
      ['before', undefined, false, 'running'],
      ['gen 1', 'before', false, 'shutoff'],
      ['gen 2', 'gen 1', false, 'shutoff'],
      [`it's “ünïcode” ✓`, 'gen 2', true, 'shutoff'],
    ]);

    // A name that exists is refused before anything runs.
    await expect(
      h.call('snapshots/create', { hostId, uuid, name: 'gen 1', memory: false, location: 'internal' }),
    ).rejects.toThrow(/already has a snapshot named “gen 1”/);
    // Memory of a VM that is off: refused with the reason.
    await expect(
      h.call('snapshots/create', { hostId, uuid, name: 'x', memory: true, location: 'internal' }),
    ).rejects.toThrow(/no memory to include/);

    await h.call('snapshots/describe', {
      hostId,
      uuid,
      name: `it's “ünïcode” ✓`,
      description: 'a <new> & "odd" one',
    });
    await h.call('snapshots/describe', { hostId, uuid, name: 'gen 1', description: 'first generation' });
    const described = (await list()).snapshots;
    expect(described.find((s) => s.name === 'gen 1')?.description).toBe('first generation');
    const leaf = described.find((s) => s.name === `it's “ünïcode” ✓`);
    expect(leaf).toMatchObject({ description: 'a <new> & "odd" one', current: true, parent: 'gen 2' });

    await h.call('snapshots/delete', { hostId, uuid, name: 'gen 2', children: true });
    expect(await names()).toEqual(['before', 'gen 1']);
    await h.call('snapshots/delete', { hostId, uuid, name: 'before' });
    const [root, ...others] = (await list()).snapshots;
    expect(others).toEqual([]);
    expect(root).toMatchObject({ name: 'gen 1', current: true });
    expect(root?.parent).toBeUndefined();
  });
});
