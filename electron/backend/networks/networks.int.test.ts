import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostProcesses, hostVirsh } from '../../../e2e/host/test-host';
import { connectByKey, createHarness, type Harness } from '../testing/backend-harness';
import { eventStreamCommand } from '../events/virsh-event-stream';

// The real session host, for what it supports: listing and error messages. Nothing here defines or
// starts a network on it (session libvirt cannot make bridges; no NAT or DHCP on the test machine).
const host = inject('testHost');
let h: Harness;
let hostId: string;

beforeAll(async () => {
  h = await createHarness();
  hostId = await connectByKey(h, host);
});
afterAll(() => h?.dispose());

describe('virtual networks on the real session host', () => {
  it('lists what virsh lists, and listens through the daemon reader (no virsh; the host stays connected)', async () => {
    const names = (await hostVirsh(['net-list', '--all', '--name'])).stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const listed = await h.call('networks/list', { hostId });
    expect(listed.map((n) => n.name).sort()).toEqual(names.sort());
    expect(await hostProcesses([eventStreamCommand('net-event')])).toEqual([]);
    const drops = h.events.filter(
      (e) => e.name === 'hosts/status' && (e.payload as { state: string; hostId: string }).hostId === hostId,
    );
    expect(drops.map((e) => (e.payload as { state: string }).state)).not.toContain('retrying');
  });

  it("offers the host's interfaces with their link state", async () => {
    const interfaces = await h.call('networks/interfaces', { hostId });
    expect(interfaces.find((i) => i.name === 'lo')).toMatchObject({ name: 'lo' });
    expect(interfaces.every((i) => i.source === interfaces[0]!.source)).toBe(true);
  });

  it('refuses a missing bridge or interface and an SR-IOV pool without VFs, before defining anything', async () => {
    const define = (spec: Parameters<typeof h.call<'networks/define'>>[1]['spec']) =>
      h.call('networks/define', { hostId, spec, start: false, autostart: false });
    await expect(define({ kind: 'bridge', name: 'vd-int-br', bridge: 'vdnobr0' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'The host has no bridge named “vdnobr0”',
    });
    await expect(
      define({ kind: 'macvtap', name: 'vd-int-mv', mode: 'bridge', interfaces: ['vdnoeth9'] }),
    ).rejects.toThrow('The host has no interface named “vdnoeth9”');
    await expect(define({ kind: 'sriov', name: 'vd-int-sriov', pf: 'lo' })).rejects.toThrow(
      'The interface lo is not a PCI device, so it has no SR-IOV virtual functions',
    );
    const after = (await hostVirsh(['net-list', '--all', '--name'])).stdout;
    expect(after).not.toMatch(/vd-int-/);
  });

  it('says which network is unknown', async () => {
    await expect(
      h.call('networks/xml', { hostId, uuid: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toThrow('No network with UUID 00000000-0000-0000-0000-000000000000 on this host');
  });
});
