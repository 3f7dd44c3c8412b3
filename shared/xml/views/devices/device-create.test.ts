import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../../objects';
import { lineChanges } from '../../testing/edit-assert';
import { expectValid, fixture } from '../../testing/validate';
import {
  addNewDevice,
  readDevice,
  updateDevice,
  type DeviceSettings,
  type KnownDeviceKind,
} from './device-views';

// The write side of the simpler device views: what the Add Hardware dialog will create.
const NEW_DEVICES: { [K in KnownDeviceKind]?: DeviceSettings<K> } = {
  video: { modelType: 'virtio', heads: 1, primary: true },
  sound: { model: 'ich9' },
  input: { type: 'tablet', bus: 'usb' },
  rng: {
    model: 'virtio',
    backendModel: 'random',
    backendDevice: '/dev/urandom',
    rateBytes: 1024,
    ratePeriod: 1000,
  },
  tpm: { model: 'tpm-crb', backendType: 'emulator', backendVersion: '2.0' },
  watchdog: { model: 'i6300esb', action: 'poweroff' },
  panic: { model: 'isa' },
  vsock: { model: 'virtio', cidAuto: true },
  redirdev: { bus: 'usb', type: 'spicevmc' },
  smartcard: { mode: 'passthrough', type: 'spicevmc' },
  filesystem: {
    type: 'mount',
    accessmode: 'passthrough',
    driverType: 'virtiofs',
    sourceDir: '/srv/share',
    targetDir: 'share',
  },
};

describe('creating devices through the typed views', () => {
  for (const [kind, settings] of Object.entries(NEW_DEVICES) as Array<[KnownDeviceKind, never]>) {
    it(`adds a <${kind}> that libvirt's schema accepts and reads back the same settings`, () => {
      const before = fixture('test-driver-domain.xml');
      const doc = parseDomainXml(before);
      const key = addNewDevice(doc, kind, settings);
      const after = serializeDomainXml(doc);
      expectValid(after, 'domain');
      expect(lineChanges(before, after).removed).toEqual([]);
      expect(readDevice(parseDomainXml(after), kind, key)).toMatchObject(settings);
    });
  }

  it('changes one setting of an existing device and nothing else', () => {
    const doc = parseDomainXml(fixture('test-driver-domain.xml'));
    const key = addNewDevice(doc, 'watchdog', { model: 'i6300esb', action: 'reset' });
    const before = serializeDomainXml(doc);
    updateDevice(doc, 'watchdog', key, { action: 'poweroff' });
    const after = serializeDomainXml(doc);
    expectValid(after, 'domain');
    expect(lineChanges(before, after)).toEqual({
      removed: ["<watchdog model='i6300esb' action='reset'/>"],
      added: ["<watchdog model='i6300esb' action='poweroff'/>"],
    });
  });
});
