import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../../shared/xml/objects';
import { fixture, libvirtRoundTrip } from '../../shared/xml/testing/validate';
import { readValue, type FieldDef } from './field-defs';
import { diskSourceText, nicSourceOf } from '../../shared/domain-edit/source-patches';
import { readDevice } from '../../shared/xml/views/devices/device-views';
import { hardwareItems } from './hardware-items';
import {
  charFieldsFor,
  controllerFieldsFor,
  diskFieldsFor,
  displayFieldsFor,
  inputFieldsFor,
  memoryPaneFields,
  nicFieldsFor,
  topologyFields,
  vcpuPaneFields,
  videoFieldsFor,
} from './pane-fields';

// The seeds' tuned router VM (seed 003, normalised) as libvirt's test driver stores it once defined
// (define + dumpxml --inactive --security-info on test:///default): what every pane reads from it.
const doc = parseDomainXml(libvirtRoundTrip(fixture('csr1kv-1.xml')));
const values = (defs: FieldDef[]) => Object.fromEntries(defs.map((d) => [d.key, readValue(doc, d)]));

describe('csr1kv-1 imported on a test:/// host, pane by pane', () => {
  it('lists its hardware the way virt-manager does', () => {
    const labels = hardwareItems(doc).map((i) =>
      `${i.label} ${Object.values(i.values ?? {}).join(' ')}`.trim(),
    );
    expect(labels.slice(0, 6)).toEqual([
      'itemOverview',
      'itemOsInfo',
      'itemPerformance',
      'itemCpus',
      'itemMemory',
      'itemBoot',
    ]);
    expect(labels).toEqual(
      expect.arrayContaining([
        'itemDisk Disk vda',
        'itemNic 52:54:00:36:95:f0',
        'itemNic 52:54:00:2d:87:99',
        'itemDisplay SPICE',
        'itemInput tablet usb',
        'itemChar Serial 0',
        'itemChar Channel org.qemu.guest_agent.0',
        'itemController usb 0',
      ]),
    );
  });

  it('shows memory, vCPUs and topology', () => {
    expect(values(memoryPaneFields)).toEqual({ currentMemory: 8 * 2 ** 30, memory: 8 * 2 ** 30 });
    expect(values(vcpuPaneFields)).toEqual({ current: undefined, count: 8 });
    expect(values(topologyFields)).toEqual({
      sockets: undefined,
      dies: undefined,
      cores: undefined,
      threads: undefined,
    });
    expect(
      readValue(doc, {
        on: { target: 'domain', view: 'cpu' },
        key: 'mode',
        label: 'cpuMode',
        input: 'select',
      }),
    ).toBe('host-passthrough');
  });

  it('shows the disk, both NICs, the display, video, inputs, serial/channel and controllers', () => {
    expect(diskSourceText(readDevice(doc, 'disk', 'disk:vda')!)).toBe(
      '/home/root/images/csr1000v-universalk9.17.02.01v.qcow2',
    );
    expect(values(diskFieldsFor('disk:vda', false))).toMatchObject({
      targetBus: 'virtio',
      format: 'qcow2',
      device: 'disk',
    });
    const nic = (key: string) => nicSourceOf(readDevice(doc, 'interface', key)!);
    expect(nic('interface:52:54:00:36:95:f0')).toEqual({ kind: 'direct', dev: 'eno1', mode: 'bridge' });
    expect(nic('interface:52:54:00:2d:87:99')).toEqual({ kind: 'network', network: 'eno2_sriov_pool' });
    expect(values(nicFieldsFor('interface:52:54:00:2d:87:99'))).toMatchObject({ model: 'virtio' });
    expect(values(displayFieldsFor('graphics:spice'))).toMatchObject({ type: 'spice', autoport: true });
    const video = hardwareItems(doc).find((i) => i.kind === 'video')!;
    expect(values(videoFieldsFor(video.deviceKey!))).toMatchObject({
      modelType: 'qxl',
      vram: 65536,
      heads: 1,
    });
    const tablet = hardwareItems(doc).find((i) => i.kind === 'input')!;
    expect(values(inputFieldsFor(tablet.deviceKey!))).toEqual({ type: 'tablet', bus: 'usb' });
    expect(values(charFieldsFor('channel', 'channel:org.qemu.guest_agent.0'))).toMatchObject({
      type: 'unix',
      targetType: 'virtio',
    });
    const usb = hardwareItems(doc).find((i) => i.kind === 'controller')!;
    expect(values(controllerFieldsFor(usb.deviceKey!)).model).toBe('ich9-ehci1');
  });
});
