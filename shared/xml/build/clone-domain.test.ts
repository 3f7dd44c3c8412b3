import { describe, expect, it } from 'vitest';
import { parseDomainXml, serializeDomainXml } from '../objects';
import { validateXml } from '../testing/validate';
import { cloneDomainXml } from './clone-domain';

const SOURCE = `<domain type='qemu'>
  <name>web</name>
  <uuid>fe9ed156-4eb5-4d05-9b41-2fbd516f889d</uuid>
  <genid>43dc0cf8-809b-4adb-9bea-a9abb5f3d90d</genid>
  <metadata><app:x xmlns:app='urn:x'>kept</app:x></metadata>
  <memory unit='KiB'>32768</memory>
  <os firmware='efi'>
    <type arch='x86_64' machine='q35'>hvm</type>
    <nvram template='/usr/share/OVMF/OVMF_VARS_4M.fd'>/home/u/.config/libvirt/qemu/nvram/web_VARS.fd</nvram>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/p/web.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='volume' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source pool='p' volume='data.qcow2'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/iso/x.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='user'>
      <mac address='52:54:00:11:22:33'/>
      <model type='virtio'/>
    </interface>
    <interface type='network'>
      <mac address='52:54:00:11:22:34'/>
      <source network='default'/>
    </interface>
  </devices>
</domain>
`;

describe('cloneDomainXml', () => {
  it('changes the name, UUID, MACs, chosen disks and NVRAM, and nothing else', () => {
    const doc = parseDomainXml(SOURCE);
    const macs = ['52:54:00:11:22:34', '52:54:00:aa:00:01', '52:54:00:aa:00:02'];
    cloneDomainXml(
      doc,
      'web-clone',
      new Map([
        ['vda', { mode: 'clone', path: '/p/web-clone.qcow2' }],
        ['vdb', { mode: 'none' }],
        ['sda', { mode: 'share' }],
      ]),
      new Set(['52:54:00:11:22:33']),
      () => macs.shift()!,
    );
    const xml = serializeDomainXml(doc);
    expect(xml).toContain('<name>web-clone</name>');
    expect(xml).not.toContain('<uuid>');
    expect(xml).not.toContain('<genid>');
    expect(xml).toContain("<app:x xmlns:app='urn:x'>kept</app:x>");
    // 52:54:00:11:22:34 is the source's own second MAC: never reused.
    expect(xml).toContain("<mac address='52:54:00:aa:00:01'/>");
    expect(xml).toContain("<mac address='52:54:00:aa:00:02'/>");
    expect(xml).not.toContain('52:54:00:11:22:3');
    expect(xml).toContain("<source file='/p/web-clone.qcow2'/>");
    expect(xml).not.toContain('data.qcow2');
    expect(xml).toContain("<source file='/iso/x.iso'/>");
    expect(xml).toContain("<nvram template='/usr/share/OVMF/OVMF_VARS_4M.fd'/>");
    expect(validateXml(xml, 'domain')).toMatchObject({ ok: true });
  });
});
