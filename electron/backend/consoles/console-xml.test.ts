import { describe, expect, it } from 'vitest';
import { readGraphicsTarget, readSerialDevices } from './console-xml';

const domain = (devices: string) => `<domain type='kvm'><name>x</name><devices>${devices}</devices></domain>`;

describe('readGraphicsTarget', () => {
  it('reads a running VNC display with its password', () => {
    const xml = domain(
      `<graphics type='vnc' port='5901' autoport='yes' listen='0.0.0.0' passwd='s3cret'><listen type='address' address='0.0.0.0'/></graphics>`,
    );
    expect(readGraphicsTarget(xml)).toEqual({
      protocol: 'vnc',
      endpoint: { kind: 'tcp', host: '127.0.0.1', port: 5901 },
      password: 's3cret',
    });
  });

  it('reads a SPICE unix socket', () => {
    const xml = domain(
      `<graphics type='spice'><listen type='socket' socket='/run/x/spice.sock'/></graphics>`,
    );
    expect(readGraphicsTarget(xml).endpoint).toEqual({ kind: 'unix', path: '/run/x/spice.sock' });
  });

  it('reaches a socket display even when a stale legacy listen attribute names an address', () => {
    // libvirt ignores `listen=` when the first <listen> is a socket; so must we.
    const xml = domain(
      `<graphics type='vnc' port='-1' listen='127.0.0.1'><listen type='socket' socket='/run/x/vnc.sock'/></graphics>`,
    );
    expect(readGraphicsTarget(xml).endpoint).toEqual({ kind: 'unix', path: '/run/x/vnc.sock' });
  });

  it("reaches a VNC display whose legacy socket attribute replaces its address listen (libvirt's rule)", () => {
    const xml = domain(
      `<graphics type='vnc' port='5900' socket='/run/x/vnc.sock'><listen type='address' address='0.0.0.0'/></graphics>`,
    );
    expect(readGraphicsTarget(xml).endpoint).toEqual({ kind: 'unix', path: '/run/x/vnc.sock' });
  });

  it('uses the first of several listens, the one QEMU listens on', () => {
    const xml = domain(
      `<graphics type='vnc' port='5905' listen='192.0.2.7'><listen type='address' address='192.0.2.7'/>` +
        `<listen type='socket' socket='/run/x/vnc.sock'/></graphics>`,
    );
    expect(readGraphicsTarget(xml).endpoint).toEqual({ kind: 'tcp', host: '192.0.2.7', port: 5905 });
  });

  it('explains a display that listens nowhere', () => {
    const xml = domain(`<graphics type='spice' port='5901'><listen type='none'/></graphics>`);
    expect(() => readGraphicsTarget(xml)).toThrow(/does not listen anywhere/);
  });

  it('marks TLS-only SPICE as unsupported in-app', () => {
    const xml = domain(`<graphics type='spice' tlsPort='5902' listen='127.0.0.1'/>`);
    expect(readGraphicsTarget(xml)).toMatchObject({
      endpoint: { port: 5902 },
      unsupported: expect.stringMatching(/TLS/),
    });
  });

  it('explains a stopped VM and a VM without display', () => {
    expect(() => readGraphicsTarget(domain(`<graphics type='vnc' port='-1' autoport='yes'/>`))).toThrow(
      /not running/,
    );
    expect(() => readGraphicsTarget(domain(''))).toThrow(/no VNC or SPICE/);
  });
});

describe('readSerialDevices', () => {
  it('lists pty serial ports and consoles by alias, once each', () => {
    const xml = domain(
      `<serial type='pty'><target port='0'/><alias name='serial0'/></serial>` +
        `<serial type='pty'><target port='1'/><alias name='serial1'/></serial>` +
        `<console type='pty'><target type='serial' port='0'/><alias name='serial0'/></console>` +
        `<console type='pty'><target type='virtio' port='1'/><alias name='console1'/></console>`,
    );
    expect(readSerialDevices(xml)).toEqual([
      { name: 'serial0', label: 'Serial 1' },
      { name: 'serial1', label: 'Serial 2' },
      { name: 'console1', label: 'Text console 2 (virtio)' },
    ]);
  });
});
