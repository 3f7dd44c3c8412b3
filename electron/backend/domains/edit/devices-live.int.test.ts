import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { liveRefusal, NO_CGROUPS } from '../../../../shared/domain-edit/live-refusals';
import { applied, refused, setUpEditGuest, type EditGuest } from '../../testing/edit-guest';

// Live changes of a running guest of the test host (qemu:///session, TCG) through the one edit path,
// read back with virsh: I/O threads added and removed, a disk's I/O limits, and what a session
// connection cannot change live (no cgroups) — saved for the next boot with the reason in plain words.
const host = inject('testHost');
const NAME = `vd-dv-live-${process.pid}`;
const IMAGE = `/tmp/${NAME}.img`;
const GUEST = `<domain type='qemu'>
  <name>${NAME}</name>
  <memory unit='MiB'>64</memory>
  <vcpu placement='static'>2</vcpu>
  <iothreads>1</iothreads>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
  </os>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='${IMAGE}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <serial type='pty'><target port='0'/></serial>
  </devices>
</domain>
`;

let guest: EditGuest;
const threadIds = async () =>
  [...(await guest.virsh('iothreadinfo', NAME, '--live')).matchAll(/^\s*(\d+)\s+\S+\s*$/gm)]
    .map((m) => Number(m[1]))
    .sort();

beforeAll(async () => {
  guest = await setUpEditGuest(host, NAME, GUEST, [{ path: IMAGE, bytes: 1 << 20, mode: 0o666 }]);
  await guest.start();
});
afterAll(() => guest?.dispose());

describe('I/O threads of a running guest', () => {
  it('adds one live (iothreadadd) and in the definition, then removes it (iothreaddel)', async () => {
    expect(await threadIds()).toEqual([1]);
    const added = applied(await guest.edit([{ target: 'domain', view: 'iothreads', patch: { count: 2 } }]));
    expect(added.fields).toEqual([{ field: 'iothreads.count', applied: 'live' }]);
    expect(await threadIds()).toEqual([1, 2]);
    expect(await guest.dumpxml()).toContain('<iothreads>2</iothreads>');
    expect(await guest.dumpxml('--inactive')).toContain('<iothreads>2</iothreads>');
    const removed = applied(await guest.edit([{ target: 'domain', view: 'iothreads', patch: { count: 1 } }]));
    expect(removed.fields).toEqual([{ field: 'iothreads.count', applied: 'live' }]);
    expect(await threadIds()).toEqual([1]);
    expect(await guest.dumpxml()).toContain('<iothreads>1</iothreads>');
    expect(await guest.dumpxml('--inactive')).toContain('<iothreads>1</iothreads>');
  });
});

describe('a disk’s I/O limits on a running guest (blkdeviotune)', () => {
  const limits = async () => {
    const out = await guest.virsh('blkdeviotune', NAME, 'vda', '--live');
    return Object.fromEntries([...out.matchAll(/^(\w+)\s*:\s*(\S+)$/gm)].map((m) => [m[1], m[2]]));
  };

  it('sets a limit and its burst live and in the definition, then clears them', async () => {
    const set = applied(
      await guest.edit([
        {
          target: 'device',
          kind: 'disk',
          key: 'disk:vda',
          patch: { totalIopsSec: 500, totalIopsSecMax: 800, readBytesSec: 4_194_304 },
        },
      ]),
    );
    expect(set.fields.map((f) => [f.field, f.applied])).toEqual([
      ['device:disk:vda.totalIopsSec', 'live'],
      ['device:disk:vda.totalIopsSecMax', 'live'],
      ['device:disk:vda.readBytesSec', 'live'],
    ]);
    expect(await limits()).toMatchObject({
      total_iops_sec: '500',
      total_iops_sec_max: '800',
      read_bytes_sec: '4194304',
      write_bytes_sec: '0',
    });
    expect((await guest.dumpxml('--inactive')).replace(/\s+/g, '')).toContain(
      '<iotune><read_bytes_sec>4194304</read_bytes_sec><total_iops_sec>500</total_iops_sec><total_iops_sec_max>800</total_iops_sec_max></iotune>',
    );
    applied(
      await guest.edit([
        {
          target: 'device',
          kind: 'disk',
          key: 'disk:vda',
          patch: { totalIopsSec: null, totalIopsSecMax: null, readBytesSec: null },
        },
      ]),
    );
    expect(await limits()).toMatchObject({
      total_iops_sec: '0',
      total_iops_sec_max: '0',
      read_bytes_sec: '0',
    });
    expect(await guest.dumpxml('--inactive')).not.toContain('<iotune>');
  });
});

describe('cgroup tuning on a session connection (no cgroups)', () => {
  it('libvirt refuses schedinfo, blkiotune, numatune and memtune --live here; each answer reads as "no cgroups"', async () => {
    const answers = await Promise.all(
      [
        ['schedinfo', NAME, '--live', '--set', 'cpu_shares=512'],
        ['blkiotune', NAME, '--weight', '300', '--live'],
        ['numatune', NAME, '--nodeset', '0', '--live'],
        ['memtune', NAME, '--hard-limit', '1048576', '--live'],
      ].map((argv) => hostVirsh(argv)),
    );
    expect(answers.map((a) => a.code)).toEqual([1, 1, 1, 1]);
    expect(answers.map((a) => /error: (.*)\s*$/.exec(a.stderr.trim())?.[1])).toEqual([
      'Operation not supported: CPU tuning is not available in session mode',
      'unsupported configuration: Block I/O tuning is not available in session mode',
      'Operation not supported: NUMA tuning is not available in session mode',
      'Operation not supported: Memory tuning is not available in session mode',
    ]);
    for (const a of answers) expect(liveRefusal('x.y', a.stderr).code).toBe(NO_CGROUPS);
  });

  it('a NUMA node set of a running guest is saved for the next boot, with why it is not live', async () => {
    const result = applied(
      await guest.edit([{ target: 'domain', view: 'numatune', patch: { mode: 'strict', nodeset: '0' } }]),
    );
    const nodeset = result.fields.find((f) => f.field === 'numatune.nodeset');
    expect(nodeset).toMatchObject({
      applied: 'next-boot',
      code: NO_CGROUPS,
      values: { what: 'numatune' },
    });
    expect(nodeset?.message).toContain('NUMA tuning is not available in session mode');
    expect(await guest.dumpxml('--inactive')).toContain("<memory mode='strict' nodeset='0'/>");
    // The running guest keeps what it had.
    expect(await guest.dumpxml()).not.toContain("nodeset='0'");
  });

  it('CPU shares and a block I/O weight are refused before define (the guest would not start again)', async () => {
    const before = await guest.dumpxml('--inactive');
    expect(
      refused(await guest.edit([{ target: 'domain', view: 'cputune', patch: { shares: 512 } }])).map(
        (p) => p[1],
      ),
    ).toEqual(['session-no-cgroups']);
    expect(
      refused(await guest.edit([{ target: 'domain', view: 'blkiotune', patch: { weight: 300 } }])).map(
        (p) => p[1],
      ),
    ).toEqual(['session-no-cgroups']);
    expect(await guest.dumpxml('--inactive')).toBe(before);
  });
});
