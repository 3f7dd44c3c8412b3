import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostVirsh } from '../../../../e2e/host/test-host';
import { connectByKey, createHarness, pollUntil, type Harness } from '../../testing/backend-harness';

// Import a VM from XML on the real test host (qemu:///session, TCG): node1 as printed is refused
// with its line and column and nothing is defined; csr1kv-1 as exported from its RHEL host is refused
// with each thing this host lacks, then imported adapted to this host with a warning per disk and
// NIC it lacks once its hugepages and pins (which this host cannot give) are taken out.
const host = inject('testHost');
const TAG = `vd-im-${process.pid}`;
const CSR = `${TAG}-csr`;
const SMALL = `${TAG}-small`;
const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../../../shared/xml/fixtures', name), 'utf8');
let h: Harness;
let hostId: string;

const small = (name: string, uuid = '') => `<domain type='qemu'>
  <name>${name}</name>${uuid ? `\n  <uuid>${uuid}</uuid>` : ''}
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/tmp/${TAG}-missing.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:1d:00:01'/>
      <source network='${TAG}-nowhere'/>
    </interface>
    <memballoon model='none'/>
  </devices>
</domain>
`;

async function names(): Promise<string[]> {
  const r = await hostVirsh(['list', '--all', '--name']);
  return r.stdout.split('\n').map((l) => l.trim());
}
async function cleanUp(): Promise<void> {
  for (const name of await names()) if (name.startsWith(TAG)) await hostVirsh(['undefine', name]);
}

beforeAll(async () => {
  await cleanUp();
  h = await createHarness();
  hostId = await connectByKey(h, host);
}, 60_000);
afterAll(async () => {
  h?.dispose();
  await cleanUp();
});

const importXml = (xml: string, define: boolean, options = {}) =>
  h.call('domains/import-xml', {
    hostId,
    xml,
    define,
    options: { newIdentity: false, adaptToHost: false, ...options },
  });

describe('Import a VM from XML on the test host', () => {
  it('node1 as printed (seed 000): refused at line 1 and the column of </interface>, nothing defined', async () => {
    const source = fixture('node1-as-printed.xml');
    const before = await names();
    const result = await importXml(source, true);
    expect(result.outcome).toBe('invalid');
    expect(result.summary).toBeUndefined();
    const [problem] = result.problems;
    expect(problem).toMatchObject({ code: 'malformed', line: 1 });
    expect(source.slice(problem!.column! - 1).startsWith('</interface>')).toBe(true);
    expect(await names()).toEqual(before);
  });

  it('csr1kv-1 (seed 003) as exported: each thing this host lacks refused before define, in words', async () => {
    const result = await importXml(fixture('csr1kv-1.xml').replace('csr1kv-1', CSR), true);
    expect(result.outcome).toBe('invalid');
    const codes = result.problems.map((p) => p.code);
    // No KVM under TCG, RHEL's emulator path and machine type, 1 GiB pages and host CPUs 37-44.
    expect(codes).toEqual(expect.arrayContaining(['virt-type', 'emulator', 'machine']));
    expect(
      result.problems.some((p) => p.field.startsWith('cputune') || p.field.startsWith('memoryBacking')),
    ).toBe(true);
    expect(await names()).not.toContain(CSR);
  });

  it('csr1kv-1 without what the host cannot give: adapted, imported, warned about its disk and NICs', async () => {
    const xml = fixture('csr1kv-1.xml')
      .replace('csr1kv-1', CSR)
      .replace(/\s*<memoryBacking>[\s\S]*?<\/memoryBacking>/, '')
      .replace(/\s*<cputune>[\s\S]*?<\/cputune>/, '')
      .replace(/\s*<numatune>[\s\S]*?<\/numatune>/, '');
    const check = await importXml(xml, false, { adaptToHost: true });
    expect(check.problems).toEqual([]);
    expect(check.outcome).toBe('ready');
    expect(check.changes).toEqual([
      'type: kvm → qemu',
      'emulator: /usr/libexec/qemu-kvm → /usr/bin/qemu-system-x86_64',
      'machine: pc-i440fx-rhel7.0.0 → pc',
    ]);
    expect(check.warnings.map((w) => w.code)).toEqual([
      'disk-missing',
      'interface-missing',
      'network-missing',
    ]);
    expect(await names()).not.toContain(CSR);

    const result = await importXml(xml, true, { adaptToHost: true });
    expect(result.outcome).toBe('defined');
    expect(result.defined?.name).toBe(CSR);
    const dumped = (await hostVirsh(['dumpxml', CSR])).stdout;
    expect(dumped).toContain("<domain type='qemu'>");
    expect(dumped).toContain('<emulator>/usr/bin/qemu-system-x86_64</emulator>');
    expect(dumped).toContain("<source network='eno2_sriov_pool'/>");
    // The list shows it without a reload.
    const list = await pollUntil(
      () => h.call('domains/list', { hostId }),
      (l) => l.some((d) => d.name === CSR),
    );
    expect(list.find((d) => d.name === CSR)?.uuid).toBe(result.defined?.uuid);
  });

  it('a name or UUID the host has is refused; a new name and identity imports it', async () => {
    const first = await importXml(small(SMALL), true);
    expect(first.outcome).toBe('defined');
    const uuid = first.defined!.uuid;
    const again = await importXml(small(SMALL, uuid), true);
    expect(again.outcome).toBe('invalid');
    expect(again.problems.map((p) => p.code)).toEqual(['name-taken', 'uuid-taken']);
    const copy = await importXml(small(SMALL, uuid), true, { name: `${SMALL}-2`, newIdentity: true });
    expect(copy.outcome).toBe('defined');
    expect(copy.defined!.uuid).not.toBe(uuid);
    const dumped = (await hostVirsh(['dumpxml', `${SMALL}-2`])).stdout;
    expect(dumped).not.toContain('52:54:00:1d:00:01');
    expect(dumped).toMatch(/<mac address='52:54:00:/);
  });

  it("libvirt's schema refusal comes back as a problem, nothing defined", async () => {
    const bad = small(`${TAG}-schema`).replace('<vcpu>1</vcpu>', '<vcpu>1</vcpu>\n  <bogus/>');
    const result = await importXml(bad, true);
    expect(result.outcome).toBe('invalid');
    expect(result.problems.map((p) => p.code)).toEqual(['schema']);
    expect(await names()).not.toContain(`${TAG}-schema`);
  });
});
