import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { LibvirtReader } from '../../libvirt-rpc/libvirt-reader';
import { volumeNames } from './testing/test-pool';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, type Harness } from '../../testing/backend-harness';

// Real sshd + real libvirt session: pool vd-st4-batch-…-pool with two qcow2 volumes used by a VM
// and 33 raw ones (odd names among them). Both routes: the daemon reader (one call per volume, all
// in flight), and where a host has none, one virsh apart (every vol-dumpxml in one argument).
const host = inject('testHost');
const tag = `st4-batch-${process.pid}`;
const MiB = 2 ** 20;
const odd = [`it's a "disk" $(touch x) ; echo.img`, 'ünïcødé диск.img', 'with  two spaces.img'];
const bulk = Array.from({ length: 30 }, (_, i) => `bulk-${String(i).padStart(2, '0')}.img`);
let fixture: VmWithVolumes;

async function virsh(args: string[]): Promise<void> {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  fixture = await createVmWithVolumes(tag, ['one.qcow2', 'two.qcow2']);
  for (const name of [...odd, ...bulk]) await virsh(['vol-create-as', fixture.pool, name, '1M']);
}, 120_000);

afterAll(async () => {
  await fixture?.remove();
});

describe.each([
  { route: 'through the daemon reader', reader: true, deleted: 'bulk-00.img' },
  { route: 'through virsh, where the host has no reader', reader: false, deleted: 'bulk-01.img' },
])('the XML of many volumes at once, $route', ({ reader, deleted }) => {
  let h: Harness;
  let hostId: string;
  let opened: ReturnType<typeof vi.spyOn>;
  beforeAll(async () => {
    opened = vi.spyOn(LibvirtReader, 'open');
    if (!reader) opened.mockResolvedValue(undefined);
    h = await createHarness();
    hostId = await connectByKey(h, host);
  });
  afterAll(() => {
    h?.dispose();
    vi.restoreAllMocks();
  });
  afterEach(() => expect(opened).toHaveBeenCalled());

  it('reads every row, odd names included, leaves out one deleted meanwhile, and keeps "used by"', async () => {
    const { pool, vm } = fixture;
    const before = await volumeNames(pool);
    const rows = await h.call('volumes/list', { hostId, pool });
    expect(rows.map((r) => r.name).sort()).toEqual(before.sort());
    for (const row of rows) expect(row.path).toBe(`${fixture.target}/${row.name}`);
    await virsh(['vol-delete', '--pool', pool, deleted]);
    const asked = vi.spyOn(LibvirtReader.prototype, 'volumeXml');
    const details = await h.call('volumes/details', { hostId, pool, names: rows.map((r) => r.name) });
    expect(asked.mock.calls.length).toBe(reader ? rows.length : 0);
    const expected = rows.map((r) => r.name).filter((n) => n !== deleted);
    expect(details.map((d) => d.name).sort()).toEqual(expected.sort());
    expect(details.every((d) => d.detail === 'xml')).toBe(true);
    expect(details.find((d) => d.name === 'one.qcow2')).toMatchObject({
      format: 'qcow2',
      capacity: MiB,
      usedBy: [{ name: vm, running: false }],
    });
    for (const name of odd)
      expect(details.find((d) => d.name === name)).toMatchObject({
        format: 'raw',
        capacity: MiB,
        path: `${fixture.target}/${name}`,
        usedBy: [],
      });
  });

  it('says why when the pool itself is gone', async () => {
    await expect(
      h.call('volumes/details', { hostId, pool: 'vd-st4-no-such-pool', names: bulk }),
    ).rejects.toThrow(/no-such-pool|not found/i);
    await expect(h.call('volumes/list', { hostId, pool: 'vd-st4-no-such-pool' })).rejects.toThrow(
      /no-such-pool|not found/i,
    );
  });
});
