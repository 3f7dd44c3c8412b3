import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { parseDomJobInfo } from './domain-job-progress';
import { explainSnapshotError } from './snapshot-errors';
import { parseSnapshotSummary, parseSupport } from './snapshot-parse';
import { checkCreate, createArgs } from './snapshot-verbs';

// As libvirt 9.0 printed them on the test host (`snapshot-dumpxml --xpath SUMMARY_XPATH --wrap`).
const EXTERNAL = `<nodes>
  <name>s2</name>
  <state>disk-snapshot</state>
  <parent>
    <name>s1</name>
  </parent>
  <creationTime>1796027945</creationTime>
  <memory snapshot="no"/>
  <disks>
    <disk name="vda" snapshot="external" type="file">
      <driver type="qcow2"/>
      <source file="/tmp/vd-s-exp/a.s2"/>
    </disk>
  </disks>
</nodes>`;
const INTERNAL = `<nodes>
  <name>s1</name>
  <description>first &amp; one</description>
  <state>running</state>
  <creationTime>1796027925</creationTime>
  <memory snapshot="internal"/>
  <disks>
    <disk name="vda" snapshot="internal"/>
  </disks>
</nodes>`;

const domainXml = (os: string, extra = '') => `<domain type='qemu'><name>vm</name>${os}<devices>
  <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/p/a.qcow2'/><target dev='vda'/></disk>
  <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda'/><readonly/></disk>${extra}
</devices></domain>`;
const BIOS = "<os><type arch='x86_64'>hvm</type></os>";
const UEFI = "<os firmware='efi'><type arch='x86_64'>hvm</type></os>";
const AGENT =
  "<channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0' state='connected'/></channel>";

describe('snapshot summaries', () => {
  it('reads an external disk-only snapshot with its parent and overlay file', () => {
    expect(parseSnapshotSummary(EXTERNAL, 's2')).toEqual({
      name: 's2',
      parent: 's1',
      createdAt: 1796027945,
      state: 'disk-snapshot',
      description: '',
      location: 'external',
      memory: false,
      current: true,
      files: ['/tmp/vd-s-exp/a.s2'],
    });
  });
  it('reads an internal snapshot with memory and its description', () => {
    expect(parseSnapshotSummary(INTERNAL, 's2')).toMatchObject({
      name: 's1',
      description: 'first & one',
      location: 'internal',
      memory: true,
      current: false,
      files: [],
    });
  });
});

describe('what a VM allows', () => {
  it('a running UEFI guest gets the reason for internal snapshots; a BIOS one none', () => {
    expect(parseSupport(domainXml(UEFI), '<capabilities/>', true).internalBlocked).toMatch(/UEFI/);
    expect(parseSupport(domainXml(UEFI), '<capabilities/>', false).internalBlocked).toBeUndefined();
    const bios = parseSupport(
      domainXml(BIOS, AGENT),
      '<capabilities><externalSnapshot/></capabilities>',
      true,
    );
    expect(bios).toEqual({
      externalRevert: true,
      agent: true,
      disks: [{ target: 'vda', format: 'qcow2', path: '/p/a.qcow2' }],
    });
  });
  it('a raw disk blocks internal snapshots, with its name', () => {
    const raw = domainXml(BIOS).replace("type='qcow2'", "type='raw'");
    expect(parseSupport(raw, '', false).internalBlocked).toMatch(/vda is not/);
  });
  it('refuses choices that cannot work, each with a reason', () => {
    const support = parseSupport(domainXml(BIOS), '', true);
    const check =
      (c: Partial<Parameters<typeof checkCreate>[0]>, active = true) =>
      () =>
        checkCreate({ memory: false, location: 'external', quiesce: false, ...c }, active, support);
    expect(check({ memory: true }, false)).toThrow(/no memory to include/);
    expect(check({ location: 'internal' })).toThrow(/with its memory/);
    expect(check({ quiesce: true })).toThrow(/guest agent/);
    expect(check({})).not.toThrow();
  });
  it('puts an external memory file next to the first disk, commas doubled for virsh', () => {
    const support = parseSupport(domainXml(BIOS).replace('/p/a', '/p,q/a'), '', true);
    const argv = createArgs(
      {
        hostId: 'h',
        uuid: 'u',
        name: 'n',
        description: '',
        memory: true,
        location: 'external',
        quiesce: false,
      },
      { uuid: 'u', name: 'vm', state: 'running' } as Parameters<typeof createArgs>[1],
      support,
    );
    expect(argv).toContain('file=/p,,q/vm.n.mem,snapshot=external');
    expect(argv).toContain('vda,snapshot=external');
  });
});

describe('libvirt errors explained', () => {
  it('says why, keeping libvirt’s words', () => {
    const raw = new ApiError(
      'virsh-error',
      'Operation not supported: internal snapshots of a VM with pflash based firmware are not supported',
    );
    expect((explainSnapshotError(raw) as Error).message).toMatch(
      /^This VM boots with UEFI.*\(libvirt: Operation/,
    );
    const revert = new ApiError(
      'virsh-error',
      'unsupported configuration: revert to external snapshot not supported yet',
    );
    expect((explainSnapshotError(revert) as Error).message).toMatch(/older than 9\.9/);
    const other = new ApiError('virsh-error', 'something else');
    expect(explainSnapshotError(other)).toBe(other);
  });
});

describe('domjobinfo', () => {
  it('reads memory progress', () => {
    const out =
      'Job type:         Unbounded\nOperation:        Snapshot\nMemory processed: 16.500 MiB\nMemory total:     64.008 MiB\n';
    expect(parseDomJobInfo(out)).toEqual({ done: 17301504, total: Math.round(64.008 * 1024 * 1024) });
    expect(parseDomJobInfo('Job type:         None\n')).toBeUndefined();
  });
});
