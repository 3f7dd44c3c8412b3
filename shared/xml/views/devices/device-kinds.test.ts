import { describe, expect, it } from 'vitest';
import { parseDomainXml } from '../../objects';
import { editFixture as edit } from '../../testing/edit-assert';
import { fixture } from '../../testing/validate';
import { deviceXml, findDevice, parseDeviceXml, removeDevice, replaceDeviceXml } from './device-list';
import { DEVICE_FIELDS, addNewDevice, createDevice, readDevice, updateDevice } from './device-views';

describe('graphics', () => {
  it('reads VNC and SPICE, including passwords', () => {
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readDevice(doc, 'graphics', 'graphics:vnc')).toMatchObject({
      type: 'vnc',
      port: -1,
      autoport: true,
      listens: [{ type: 'address', address: '0.0.0.0' }],
      keymap: 'en-us',
      passwd: 's3cr&t',
    });
    expect(readDevice(doc, 'graphics', 'graphics:spice')).toMatchObject({
      port: 5901,
      tlsPort: 5902,
      listens: [{ type: 'network', network: 'default' }],
      passwd: "it's-secret",
      imageCompression: 'off',
      gl: false,
    });
  });

  it('moving VNC to localhost keeps the legacy listen attribute in step and the password intact', () => {
    const r = edit('kitchen-sink.xml', (doc) =>
      updateDevice(doc, 'graphics', 'graphics:vnc', { listens: [{ type: 'address', address: '127.0.0.1' }] }),
    );
    expect(r.removed).toEqual([
      "<graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' keymap='en-us' passwd='s3cr&amp;t'>",
      "<listen type='address' address='0.0.0.0'/>",
    ]);
    expect(r.added).toEqual([
      "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' keymap='en-us' passwd='s3cr&amp;t'>",
      "<listen type='address' address='127.0.0.1'/>",
    ]);
  });

  it('sets a SPICE password on the csr1kv (an edit the boot-order regression in cockpit lost)', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      updateDevice(doc, 'graphics', 'graphics:spice', { passwd: 'p&ss' });
    });
    expect(r.added).toEqual(["<graphics type='spice' autoport='yes' passwd='p&amp;ss'>"]);
  });
});

describe('other devices', () => {
  it('has a typed view for every device kind the panes show', () => {
    for (const kind of [
      'controller',
      'video',
      'sound',
      'serial',
      'console',
      'channel',
      'input',
      'hostdev',
      'rng',
      'tpm',
      'watchdog',
      'memballoon',
      'filesystem',
      'redirdev',
      'smartcard',
      'panic',
      'vsock',
    ]) {
      expect(Object.keys(DEVICE_FIELDS)).toContain(kind);
    }
    const doc = parseDomainXml(fixture('kitchen-sink.xml'));
    expect(readDevice(doc, 'hostdev', 'hostdev:pci/0000:1d:00.0')).toMatchObject({
      managed: true,
      sourcePci: '0000:1d:00.0',
      bootOrder: 4,
    });
    expect(readDevice(doc, 'hostdev', 'hostdev:usb/0x1234:0xbeef')).toMatchObject({
      usbVendor: '0x1234',
      usbProduct: '0xbeef',
    });
    expect(readDevice(doc, 'rng', 'rng:#0')).toEqual({
      model: 'virtio',
      backendModel: 'random',
      backendDevice: '/dev/urandom',
      rateBytes: 1234,
      ratePeriod: 2000,
    });
    expect(readDevice(doc, 'tpm', 'tpm:only')).toEqual({
      model: 'tpm-crb',
      backendType: 'emulator',
      backendVersion: '2.0',
    });
    expect(readDevice(doc, 'video', 'video:#0')).toMatchObject({ modelType: 'qxl', heads: 1, primary: true });
    expect(readDevice(doc, 'filesystem', 'filesystem:share')).toMatchObject({
      driverType: 'virtiofs',
      sourceDir: '/srv/share',
    });
    expect(readDevice(doc, 'serial', 'serial:port0')).toMatchObject({
      type: 'pty',
      targetType: 'isa-serial',
      targetModel: 'isa-serial',
    });
    expect(readDevice(doc, 'channel', 'channel:org.qemu.guest_agent.0')).toMatchObject({
      type: 'unix',
      sourceMode: 'bind',
      targetType: 'virtio',
    });
    expect(readDevice(doc, 'memballoon', 'memballoon:only')).toEqual({
      model: 'virtio',
      autodeflate: true,
      statsPeriod: 10,
    });
    expect(readDevice(doc, 'watchdog', 'watchdog:only')).toEqual({ model: 'i6300esb', action: 'reset' });
    expect(readDevice(doc, 'vsock', 'vsock:only')).toEqual({ model: 'virtio', cidAuto: true });
    expect(readDevice(doc, 'controller', 'controller:scsi/0')).toMatchObject({
      model: 'virtio-scsi',
      driverQueues: 4,
    });
    expect(() => readDevice(doc, 'disk', 'graphics:vnc')).toThrow(/is a <graphics>, not a <disk>/);
  });

  it('a PCI host device has no USB bus, a USB one no PCI address (both live in <source><address>)', () => {
    const usb = `<hostdev mode='subsystem' type='usb' managed='yes'><source><address bus='1' device='2'/></source></hostdev>`;
    const doc = parseDomainXml(`<domain type='kvm'><name>h</name><devices>${usb}</devices></domain>`);
    const usbKey = 'hostdev:usb/1.2';
    expect(readDevice(doc, 'hostdev', usbKey)).toEqual({
      mode: 'subsystem',
      type: 'usb',
      managed: true,
      usbBus: 1,
      usbDevice: 2,
    });
    expect(() => updateDevice(doc, 'hostdev', usbKey, { sourcePci: '0000:01:00.0' })).toThrow(/only a pci/);
    const r = edit('kitchen-sink.xml', (ks) => {
      expect(readDevice(ks, 'hostdev', 'hostdev:pci/0000:1d:00.0')).not.toHaveProperty('usbBus');
      updateDevice(ks, 'hostdev', 'hostdev:pci/0000:1d:00.0', { sourcePci: '0000:1d:00.1' });
    });
    expect(r.added).toEqual(["<address domain='0x0000' bus='0x1d' slot='0x00' function='0x1'/>"]);
  });

  it('adds a PCI host device, a watchdog and a vsock in device order; each validates', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      addNewDevice(doc, 'hostdev', {
        mode: 'subsystem',
        type: 'pci',
        managed: true,
        sourcePci: '0000:3b:10.1',
      });
      addNewDevice(doc, 'watchdog', { model: 'i6300esb', action: 'poweroff' });
      addNewDevice(doc, 'vsock', { model: 'virtio', cidAuto: true });
    });
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([
      "<hostdev mode='subsystem' type='pci' managed='yes'>",
      '<source>',
      "<address domain='0x0000' bus='0x3b' slot='0x10' function='0x1'/>",
      '</source>',
      '</hostdev>',
      "<watchdog model='i6300esb' action='poweroff'/>",
      "<vsock model='virtio'>",
      "<cid auto='yes'/>",
      '</vsock>',
    ]);
    expect(r.after.indexOf('<hostdev')).toBeGreaterThan(r.after.indexOf('<video>'));
    expect(r.after.indexOf('<watchdog')).toBeLessThan(r.after.indexOf('<memballoon'));
    expect(r.after.indexOf('<vsock')).toBeGreaterThan(r.after.indexOf('<rng'));
  });
});

describe('device XML in and out', () => {
  it('deviceXml gives one device at column 0, exactly as in the document', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    expect(deviceXml(doc, 'interface:52:54:00:36:95:f0')).toBe(
      [
        "<interface type='direct'>",
        "  <mac address='52:54:00:36:95:f0'/>",
        "  <source dev='eno1' mode='bridge'/>",
        "  <model type='virtio'/>",
        "  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>",
        '</interface>',
        '',
      ].join('\n'),
    );
    expect(() => deviceXml(doc, 'disk:vdz')).toThrow(/no device 'disk:vdz'/);
  });

  it('removes a device with its line and nothing else', () => {
    const r = edit('csr1kv-1.xml', (doc) => removeDevice(doc, 'redirdev:#1'));
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([
      "<redirdev bus='usb' type='spicevmc'>",
      "<address type='usb' bus='0' port='3'/>",
      '</redirdev>',
    ]);
  });

  it('replaces a device from edited XML in place (update-device)', () => {
    const r = edit('csr1kv-1.xml', (doc) => {
      const xml = deviceXml(doc, 'video:#0')
        .replace("type='qxl'", "type='virtio'")
        .replace(/ ram='65536' vram='65536' vgamem='16384'/, '');
      expect(replaceDeviceXml(doc, 'video:#0', xml)).toBe('video:#0');
      expect(findDevice(doc, 'video:#0')).toBeDefined();
    });
    expect(r.removed).toEqual([
      "<model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/>",
    ]);
    expect(r.added).toEqual(["<model type='virtio' heads='1' primary='yes'/>"]);
  });

  it('refuses XML that is not a device', () => {
    expect(() => parseDeviceXml('<name>x</name>')).toThrow(/not a device element/);
    expect(() => parseDeviceXml('<disk>')).toThrow(/malformed/);
  });

  it('createDevice writes attributes in libvirt’s order whatever the order of the settings', () => {
    const el = createDevice('disk', { targetBus: 'sata', targetDev: 'sdz', device: 'cdrom', type: 'file' });
    expect(el.attrs.map((a) => a.name)).toEqual(['type', 'device']);
  });
});
