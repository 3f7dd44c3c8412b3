import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../../shared/api/networks';
import { createHarness, type Harness } from '../testing/backend-harness';

// The real backend and the real virsh against libvirt's test driver (test:///default) over a local
// connection: its state lives in the one virsh shell, and nothing touches this machine's networks.
let h: Harness;
let hostId: string;

const byName = async (name: string): Promise<NetworkSummary | undefined> =>
  (await h.call('networks/list', { hostId })).find((n) => n.name === name);

beforeAll(async () => {
  h = await createHarness();
  const view = await h.call('hosts/add', { transport: 'local', uri: 'test:///default', autoconnect: false });
  hostId = view.config.id;
  const status = await h.call('hosts/connect', { hostId });
  expect(status.state).toBe('connected');
}, 60_000);
afterAll(() => h?.dispose());

describe('virtual networks on the test driver', () => {
  it("lists the driver's default network with its address and DHCP range", async () => {
    expect(await byName('default')).toMatchObject({
      active: true,
      persistent: true,
      forwardMode: 'nat',
      bridge: 'virbr0',
      ips: [
        {
          family: 'ipv4',
          address: '192.168.122.1',
          prefix: 24,
          dhcpRanges: [{ start: '192.168.122.2', end: '192.168.122.254' }],
        },
      ],
    });
  });

  it('defines an isolated network, starts it, marks autostart, stops it and deletes it', async () => {
    const defined = await h.call('networks/define', {
      hostId,
      spec: {
        kind: 'isolated',
        name: "vd lab 'isolated'",
        domain: 'lab.test',
        ipv4: {
          address: '10.77.0.1',
          prefix: 24,
          dhcp: { start: '10.77.0.100', end: '10.77.0.150' },
          hosts: [],
        },
      },
      start: true,
      autostart: true,
    });
    expect(defined.message).toBe("Network “vd lab 'isolated'” defined and started.");
    expect(defined.summary).toMatchObject({
      active: true,
      autostart: true,
      forwardMode: 'none',
      domain: 'lab.test',
    });
    const uuid = defined.summary!.uuid;
    const pushed = h.events.some(
      (e) =>
        e.name === 'networks/delta' &&
        (e.payload as { upsert: NetworkSummary[] }).upsert.some((n) => n.uuid === uuid),
    );
    expect(pushed).toBe(true);

    const stopped = await h.call('networks/action', { hostId, uuid, action: 'stop' });
    expect(stopped.summary).toMatchObject({ active: false });
    await expect(h.call('networks/action', { hostId, uuid, action: 'stop' })).rejects.toThrow(/cannot stop/);
    const off = await h.call('networks/action', { hostId, uuid, action: 'no-autostart' });
    expect(off.summary).toMatchObject({ autostart: false });
    const xml = await h.call('networks/xml', { hostId, uuid });
    expect(xml.xml).toContain("<range start='10.77.0.100' end='10.77.0.150'/>");

    await h.call('networks/action', { hostId, uuid, action: 'undefine' });
    expect(await byName("vd lab 'isolated'")).toBeUndefined();
  });

  it('changes the DHCP range and static hosts of a running network live (net-update)', async () => {
    const { summary } = await h.call('networks/define', {
      hostId,
      spec: {
        kind: 'isolated',
        name: 'vd-dhcp',
        ipv4: {
          address: '10.78.0.1',
          prefix: 24,
          dhcp: { start: '10.78.0.10', end: '10.78.0.20' },
          hosts: [],
        },
      },
      start: true,
      autostart: false,
    });
    const uuid = summary!.uuid;
    const updated = await h.call('networks/update-dhcp', {
      hostId,
      uuid,
      family: 'ipv4',
      range: { start: '10.78.0.50', end: '10.78.0.60' },
      hosts: [{ mac: '52:54:00:aa:bb:cc', name: 'db', ip: '10.78.0.5' }],
    });
    expect(updated.message).toBe('DHCP of “vd-dhcp” updated (now and after restarts)');
    expect(updated.summary?.ips[0]).toMatchObject({
      dhcpRanges: [{ start: '10.78.0.50', end: '10.78.0.60' }],
      hosts: [{ mac: '52:54:00:aa:bb:cc', name: 'db', ip: '10.78.0.5' }],
    });
    await expect(
      h.call('networks/update-dhcp', {
        hostId,
        uuid,
        family: 'ipv4',
        range: { start: '10.9.0.1', end: '10.9.0.2' },
        hosts: [],
      }),
    ).rejects.toThrow('The DHCP range start 10.9.0.1 is outside the subnet 10.78.0.1/24');
    await h.call('networks/action', { hostId, uuid, action: 'undefine' });
  });

  it('defines the seeds’ SR-IOV pool and a macvtap network on interfaces the host has', async () => {
    const interfaces = await h.call('networks/interfaces', { hostId });
    expect(interfaces.map((i) => i.name)).toContain('eth1');
    const sriov = await h.call('networks/define', {
      hostId,
      spec: { kind: 'sriov', name: 'eno2_sriov_pool', pf: 'eth1' },
      start: false,
      autostart: false,
    });
    expect(sriov.summary).toMatchObject({ forwardMode: 'hostdev', forwardDevices: ['eth1'], active: false });
    await h.call('networks/action', { hostId, uuid: sriov.summary!.uuid, action: 'undefine' });
    const macvtap = await h.call('networks/define', {
      hostId,
      spec: { kind: 'macvtap', name: 'vd-macvtap', mode: 'vepa', interfaces: ['eth1'] },
      start: false,
      autostart: false,
    });
    expect(macvtap.summary).toMatchObject({ forwardMode: 'vepa', forwardDevices: ['eth1'] });
    await h.call('networks/action', { hostId, uuid: macvtap.summary!.uuid, action: 'undefine' });
  });

  it('refuses bad input before anything is defined, with a clear message', async () => {
    const define = (spec: Parameters<typeof h.call<'networks/define'>>[1]['spec']) =>
      h.call('networks/define', { hostId, spec, start: false, autostart: false });
    await expect(define({ kind: 'bridge', name: 'b', bridge: 'br-missing' })).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'The host has no bridge named “br-missing”',
      // issue 15: the shared check's key + values travel with it, for the UI's language
      check: { key: 'network.noBridge', values: { name: 'br-missing' } },
    });
    await expect(define({ kind: 'isolated', name: 'default' })).rejects.toThrow(
      'A network named “default” already exists on this host',
    );
    await expect(
      define({ kind: 'nat', name: 'clash', ipv4: { address: '192.168.122.200', prefix: 25, hosts: [] } }),
    ).rejects.toThrow('overlaps the network “default” (192.168.122.1/24)');
    await expect(
      define({
        kind: 'nat',
        name: 'bad',
        ipv4: { address: '10.1.0.1', prefix: 24, dhcp: { start: '10.2.0.1', end: '10.2.0.9' }, hosts: [] },
      }),
    ).rejects.toThrow('The DHCP range start 10.2.0.1 is outside the subnet 10.1.0.1/24');
    expect((await h.call('networks/list', { hostId })).map((n) => n.name)).toEqual(['default']);
  });

  it('quotes libvirt when it refuses (leases on the test driver)', async () => {
    const uuid = (await byName('default'))!.uuid;
    await expect(h.call('networks/leases', { hostId, uuid })).rejects.toMatchObject({
      code: 'virsh-error',
      message: expect.stringContaining('not supported'),
    });
  });
});
