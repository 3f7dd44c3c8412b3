import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { createVmWithVolumes, volumesIn, type VmWithVolumes } from '../../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, type Harness } from '../../testing/backend-harness';

// Real sshd + real libvirt session: pool vd-a-…-pool with two qcow2 volumes, VM vd-a-…-vm using
// both; a second VM (defined here) names one of them by pool and volume (`<disk type='volume'>`).
const host = inject('testHost');
const tag = `a-list-${process.pid}`;
const other = `vd-${tag}-other`;
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;

async function virsh(args: string[]): Promise<string> {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  fixture = await createVmWithVolumes(tag, ['one.qcow2', 'two.qcow2']);
  await hostVirsh(['undefine', other]);
  const xml =
    `<domain type='qemu'><name>${other}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>` +
    `<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>` +
    `<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='${fixture.pool}' volume='two.qcow2'/>` +
    `<target dev='vda' bus='virtio'/></disk></devices></domain>`;
  const file = xmlFile(xml);
  try {
    await virsh(['define', file]);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
  h = await createHarness();
  hostId = await connectByKey(h, host);
});

/** A 0644 temp file for the test user's virsh to read. */
function xmlFile(xml: string): string {
  const dir = mkdtempSync('/tmp/vd-a-xml-');
  chmodSync(dir, 0o755);
  writeFileSync(`${dir}/d.xml`, xml, { mode: 0o644 });
  return `${dir}/d.xml`;
}

afterAll(async () => {
  h?.dispose();
  await hostVirsh(['undefine', other]);
  await fixture?.remove();
});

describe('the volumes list (names first, sizes, XML of the rows in view)', () => {
  it('lists names, then sizes, then the XML, and "used by" sees disks by path and by pool volume', async () => {
    const { pool, vm, target } = fixture;
    const names = await h.call('volumes/list', { hostId, pool });
    expect(names.map((v) => [v.name, v.path, v.detail])).toEqual([
      ['one.qcow2', `${target}/one.qcow2`, 'names'],
      ['two.qcow2', `${target}/two.qcow2`, 'names'],
    ]);
    expect(names[0]!.usedBy.map((u) => u.name)).toEqual([vm]);
    expect(names[1]!.usedBy.map((u) => u.name).sort()).toEqual([vm, other].sort());
    const sized = await h.call('volumes/list', { hostId, pool, sizes: true });
    expect(sized[0]).toMatchObject({ detail: 'sizes', type: 'file', capacity: 1024 * 1024 });
    const [two] = await h.call('volumes/details', { hostId, pool, names: ['two.qcow2'] });
    expect(two).toMatchObject({ name: 'two.qcow2', detail: 'xml', format: 'qcow2', capacity: 1024 * 1024 });
    // Delete with storage reads the same disks: two.qcow2 is shared with the other VM.
    const uuid = (await h.call('domains/list', { hostId })).find((d) => d.name === vm)!.uuid;
    const disks = await h.call('domains/disks', { hostId, uuid });
    expect(disks.find((d) => d.target === 'vdb')).toMatchObject({ sharedWith: [other], suggested: false });
    expect(disks.find((d) => d.target === 'vda')).toMatchObject({ sharedWith: [], suggested: true });
  });
});

describe('create with allocation: a job', () => {
  it('allocates every byte as a job that finishes', async () => {
    const { pool } = fixture;
    const made = await h.call('volumes/create', {
      hostId,
      pool,
      name: 'full.raw',
      format: 'raw',
      capacity: '64M',
      allocateNow: true,
    });
    expect(made).toMatchObject({ name: 'full.raw', capacity: 64 << 20, allocation: 64 << 20 });
    const finished = await h.waitFor(
      'jobs/finished',
      (j) => j.kind === 'volume-create' && j.title.includes('full.raw'),
    );
    expect(finished.state).toBe('done');
    expect(await virsh(['vol-info', '--pool', pool, 'full.raw', '--bytes'])).toMatch(
      /Allocation:\s+67108864 bytes/,
    );
  });

  it('cancelled: the call says so and no volume is left', async () => {
    const { pool } = fixture;
    const stop = h.backend.bus.subscribe((name, payload) => {
      const job = payload as { jobId: string; kind: string };
      if (name === 'jobs/started' && job.kind === 'volume-create')
        void h.call('jobs/cancel', { jobId: job.jobId });
    });
    try {
      await expect(
        h.call('volumes/create', {
          hostId,
          pool,
          name: 'gone.raw',
          format: 'raw',
          capacity: '64M',
          allocateNow: true,
        }),
      ).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      stop();
    }
    const finished = await h.waitFor('jobs/finished', (j) => j.title.includes('gone.raw'));
    expect(finished.state).toBe('cancelled');
    expect(await volumesIn(pool)).not.toContain('gone.raw');
  });

  it('refuses what does not fit in the pool before anything runs (allocate now, upload)', async () => {
    const { pool } = fixture;
    const before = h.events.filter((e) => e.name === 'jobs/started').length;
    await expect(
      h.call('volumes/create', {
        hostId,
        pool,
        name: 'huge.raw',
        format: 'raw',
        capacity: '100T',
        allocateNow: true,
      }),
    ).rejects.toThrow(/free; 100 TiB do not fit/);
    await expect(
      h.call('volumes/upload', {
        hostId,
        pool,
        name: 'huge.iso',
        size: 2 ** 40,
        source: { kind: 'page' },
      }),
    ).rejects.toThrow(/do not fit/);
    expect(h.events.filter((e) => e.name === 'jobs/started').length).toBe(before);
    expect(await volumesIn(pool)).not.toContain('huge.raw');
    expect(await volumesIn(pool)).not.toContain('huge.iso');
  });

  it('sparse stays immediate (no job)', async () => {
    const { pool } = fixture;
    await h.call('volumes/create', {
      hostId,
      pool,
      name: 'thin.qcow2',
      format: 'qcow2',
      capacity: '1G',
      allocateNow: false,
    });
    expect(
      h.events.filter((e) => e.name === 'jobs/started' && JSON.stringify(e.payload).includes('thin.qcow2')),
    ).toEqual([]);
    expect(await volumesIn(pool)).toContain('thin.qcow2');
  });
});
