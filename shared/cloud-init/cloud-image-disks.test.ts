import { describe, expect, it } from 'vitest';
import { buildNewDomain } from '../xml/build/new-domain';
import { parseDomainXml, serializeDomainXml } from '../xml/objects';
import { expectValid } from '../xml/testing/validate';
import { GiB } from '../xml/units';
import { listDevices } from '../xml/views/devices/device-list';
import { readDeviceElement } from '../xml/views/devices/device-views';
import { cloudImageDisks } from './cloud-image-disks';

describe('cloud-image disks in a new domain', () => {
  it('the disk first (virtio qcow2), the seed as a read-only CD-ROM; the document validates', () => {
    const disks = cloudImageDisks({
      disk: { path: '/pool/web-1.qcow2' },
      seed: { path: '/pool/web-1-cidata.iso' },
    });
    const xml = serializeDomainXml(
      buildNewDomain(
        { name: 'web-1', memoryBytes: GiB, vcpus: 1, disks, nics: [{ type: 'user' }] },
        () => 0.5,
      ),
    );
    expectValid(xml, 'domain');
    const found = listDevices(parseDomainXml(xml), 'disk').map((d) => readDeviceElement('disk', d.element));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      device: 'disk',
      format: 'qcow2',
      sourceFile: '/pool/web-1.qcow2',
      targetBus: 'virtio',
    });
    expect(found[1]).toMatchObject({
      device: 'cdrom',
      format: 'raw',
      sourceFile: '/pool/web-1-cidata.iso',
      targetBus: 'sata',
      readonly: true,
    });
  });
});
