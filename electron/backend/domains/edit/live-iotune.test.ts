import { describe, expect, it } from 'vitest';
import type { EditChange } from '../../../../shared/api/domain-edit';
import { applyChanges } from '../../../../shared/domain-edit/apply-changes';
import { parseDomainXml, serializeDomainXml } from '../../../../shared/xml/objects';
import { editFixture } from '../../../../shared/xml/testing/edit-assert';
import { fixture, libvirtRoundTrip } from '../../../../shared/xml/testing/validate';
import { updateDevice } from '../../../../shared/xml/views/devices/device-views';
import { blkdeviotuneArgv, splitIotune } from './live-iotune';

type DeviceChange = Extract<EditChange, { target: 'device' }>;
const disk = (patch: DeviceChange['patch']): DeviceChange => ({
  target: 'device',
  kind: 'disk',
  key: 'disk:vda',
  patch,
});

describe('a disk’s I/O limits in its <iotune>', () => {
  it('writes limits and bursts in libvirt’s order, valid against the schema, read back by libvirt as written', () => {
    const r = editFixture('csr1kv-1.xml', (doc) =>
      updateDevice(doc, 'disk', 'disk:vda', {
        readIopsSecMax: 2000,
        readIopsSec: 500,
        totalBytesSec: 10_000_000,
        readIopsSecMaxLength: 10,
        totalBytesSecMax: 20_000_000,
      }),
    );
    expect(r.added).toEqual([
      '<iotune>',
      '<total_bytes_sec>10000000</total_bytes_sec>',
      '<read_iops_sec>500</read_iops_sec>',
      '<total_bytes_sec_max>20000000</total_bytes_sec_max>',
      '<read_iops_sec_max>2000</read_iops_sec_max>',
      '<read_iops_sec_max_length>10</read_iops_sec_max_length>',
      '</iotune>',
    ]);
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    applyChanges(doc, [disk({ totalBytesSec: 10_000_000, totalBytesSecMax: 20_000_000, readIopsSec: 500 })]);
    const xml = serializeDomainXml(doc);
    // libvirt's own dumpxml (test driver) keeps the block exactly.
    const block = (s: string) => /<iotune>[\s\S]*?<\/iotune>/.exec(s)?.[0].replace(/\s+/g, '');
    expect(block(libvirtRoundTrip(xml))).toBe(block(xml));
  });
});

describe('live: blkdeviotune for the throttles, update-device for the rest', () => {
  it('splits a disk change', () => {
    const { iotune, rest } = splitIotune(disk({ cache: 'none', totalIopsSec: 100, readBytesSecMax: null }));
    expect(iotune?.patch).toEqual({ totalIopsSec: 100, readBytesSecMax: null });
    expect(rest?.patch).toEqual({ cache: 'none' });
    expect(splitIotune(disk({ totalIopsSec: 1 })).rest).toBeUndefined();
    const nic: DeviceChange = {
      target: 'device',
      kind: 'interface',
      key: 'interface:x',
      patch: { mac: 'a' },
    };
    expect(splitIotune(nic)).toEqual({ iotune: undefined, rest: nic });
  });

  it('sends the changed values by the disk’s target, a cleared one as 0', () => {
    const doc = parseDomainXml(fixture('csr1kv-1.xml'));
    const change = disk({ totalIopsSec: 300, readBytesSec: null, totalIopsSecMax: 900 });
    applyChanges(doc, [change]);
    expect(blkdeviotuneArgv('u-1', change, doc)).toEqual([
      'blkdeviotune',
      '--domain',
      'u-1',
      '--device',
      'vda',
      '--total-iops-sec',
      '300',
      '--read-bytes-sec',
      '0',
      '--total-iops-sec-max',
      '900',
      '--live',
    ]);
  });
});
