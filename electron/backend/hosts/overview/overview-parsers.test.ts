import { describe, expect, it } from 'vitest';
import { capabilitiesCpu, parseFreecell, parseFreepages } from './read-overview';
import { hostValidate, readinessFrom } from './readiness';

// Recorded from libvirt 9.0 / virt-host-validate on Debian 12; the two-cell capabilities are the
// shape libvirt prints for a NUMA host.
const CAPS = `<capabilities><host><cpu><arch>x86_64</arch><model>Skylake-Server-IBRS</model><vendor>Intel</vendor>
<topology sockets='2' dies='1' cores='10' threads='2'/></cpu>
<topology><cells num='2'>
<cell id='0'><memory unit='KiB'>65536000</memory><pages unit='KiB' size='4'>16000000</pages><pages unit='KiB' size='2048'>1024</pages>
<cpus num='2'><cpu id='0' socket_id='0' core_id='0' siblings='0,20'/><cpu id='20' socket_id='0' core_id='0' siblings='0,20'/></cpus></cell>
<cell id='1'><memory unit='KiB'>65536000</memory><pages unit='KiB' size='4'>16000000</pages><pages unit='KiB' size='2048'>0</pages>
<cpus num='1'><cpu id='10' socket_id='1' core_id='0' siblings='10'/></cpus></cell>
</cells></topology></host></capabilities>`;

describe('host overview parsers', () => {
  it('reads CPU model, topology and each NUMA cell with its CPUs and pages', () => {
    expect(capabilitiesCpu(CAPS)).toEqual({
      model: 'Skylake-Server-IBRS',
      vendor: 'Intel',
      arch: 'x86_64',
      sockets: 2,
      cores: 10,
      threads: 2,
      cells: [
        {
          id: 0,
          memoryKiB: 65536000,
          cpus: [0, 20],
          pages: [
            { sizeKiB: 4, total: 16000000 },
            { sizeKiB: 2048, total: 1024 },
          ],
        },
        {
          id: 1,
          memoryKiB: 65536000,
          cpus: [10],
          pages: [
            { sizeKiB: 4, total: 16000000 },
            { sizeKiB: 2048, total: 0 },
          ],
        },
      ],
    });
  });

  it('sums free memory per cell when virsh -q leaves out the total', () => {
    expect(parseFreecell('    0:    6417656 KiB\n    1:    1000 KiB\n')).toEqual({
      cells: new Map([
        [0, 6417656],
        [1, 1000],
      ]),
      total: 6418656,
    });
    expect(parseFreecell('    0:    5 KiB\n--------------------\nTotal:    5 KiB\n').total).toBe(5);
  });

  it('reads free pages per cell and size', () => {
    const free = parseFreepages('Node 0:\n4KiB: 1603899\n2048KiB: 12\n\nNode 1:\n2048KiB: 3\n');
    expect(free.get('0/2048')).toBe(12);
    expect(free.get('1/2048')).toBe(3);
  });
});

describe('readiness', () => {
  it('turns virt-host-validate lines into checks, with its explanation as the advice', () => {
    const out = [
      '  QEMU: Checking for hardware virtualization                 : FAIL (Host not compatible with KVM; HW virtualization CPU features not found.)',
      "  QEMU: Checking if device /dev/vhost-net exists             : WARN (Load the 'vhost_net' module to improve performance of virtio networking)",
      '  QEMU: Checking if device /dev/net/tun exists               : PASS',
    ].join('\n');
    expect(hostValidate(out)).toEqual([
      expect.objectContaining({ status: 'fail', title: 'virt-host-validate: hardware virtualization' }),
      expect.objectContaining({
        status: 'warn',
        advice: "Load the 'vhost_net' module to improve performance of virtio networking",
      }),
      expect.objectContaining({ status: 'pass', title: 'virt-host-validate: device /dev/net/tun exists' }),
    ]);
    expect(hostValidate('not-installed')).toEqual([]);
  });

  it('says what to do when /dev/kvm is not usable or the IOMMU is off', () => {
    const checks = readinessFrom(
      new Map([
        ['cpuflags', '4\n'],
        ['kvm', 'noaccess\n'],
        ['iommu', '0\n'],
        ['cmdline', 'BOOT_IMAGE=/vmlinuz root=/dev/sda1 quiet\n'],
        ['hugepages', '/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages 512\n'],
        ['ksm', '0\n'],
        ['validate', 'not-installed\n'],
      ]),
    );
    expect(checks).toEqual([
      expect.objectContaining({ id: 'cpu-virt', status: 'pass' }),
      expect.objectContaining({
        id: 'dev-kvm',
        status: 'fail',
        advice: expect.stringContaining('kvm group'),
      }),
      expect.objectContaining({
        id: 'iommu',
        status: 'warn',
        advice: expect.stringContaining('intel_iommu=on'),
      }),
      expect.objectContaining({ id: 'hugepages', status: 'pass', detail: 'Reserved: 512 × 2048 KiB' }),
      expect.objectContaining({ id: 'ksm', status: 'pass', detail: 'Off.' }),
    ]);
  });
});
