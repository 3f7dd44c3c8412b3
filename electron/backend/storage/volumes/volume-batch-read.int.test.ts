import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { createVmWithVolumes, type VmWithVolumes } from '../../../../e2e/host/vm-with-volumes';
import { connectByKey, createHarness, type Harness } from '../../testing/backend-harness';

// Real sshd + real libvirt session: pool vd-st4-batch-…-pool with two qcow2 volumes used by a VM
// and 33 raw ones (odd names among them); the XML of more than a screenful of rows is read by one
// virsh apart (every vol-dumpxml in one argument), not command by command on the shared shell.
const host = inject('testHost');
const tag = `st4-batch-${process.pid}`;
const MiB = 2 ** 20;
const odd = [`it's a "disk" $(touch x) ; echo.img`, 'ünïcødé диск.img', 'with  two spaces.img'];
const bulk = Array.from({ length: 30 }, (_, i) => `bulk-${String(i).padStart(2, '0')}.img`);
let fixture: VmWithVolumes;
let h: Harness;
let hostId: string;

async function virsh(args: string[]): Promise<void> {
  const r = await hostVirsh(args);
  if (r.code !== 0) throw new Error(`virsh ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  fixture = await createVmWithVolumes(tag, ['one.qcow2', 'two.qcow2']);
  for (const name of [...odd, ...bulk]) await virsh(['vol-create-as', fixture.pool, name, '1M']);
  h = await createHarness();
  hostId = await connectByKey(h, host);
}, 120_000);

afterAll(async () => {
  h?.dispose();
  await fixture?.remove();
});

describe('the XML of many volumes at once', () => {
  it('reads every row, odd names included, leaves out one deleted meanwhile, and keeps "used by"', async () => {
    const { pool, vm } = fixture;
    const rows = await h.call('volumes/list', { hostId, pool });
    expect(rows).toHaveLength(35);
    await virsh(['vol-delete', '--pool', pool, 'bulk-00.img']);
    const details = await h.call('volumes/details', { hostId, pool, names: rows.map((r) => r.name) });
    const expected = rows.map((r) => r.name).filter((n) => n !== 'bulk-00.img');
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
  });
});
