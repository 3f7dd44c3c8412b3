import { describe, expect, it } from 'vitest';
import { parseVolumeXml, serializeVolumeXml } from '../objects';
import { expectValid } from '../testing/validate';
import { readVolume } from '../views/volume';
import { buildNewVolume, volumeNameCheck, volumeNameProblem } from './new-volume';

describe('buildNewVolume', () => {
  it('writes a sparse qcow2 with a backing volume that libvirt’s schema accepts', () => {
    const xml = serializeVolumeXml(
      buildNewVolume({
        name: `it's a $(disk) <1> ünï`,
        format: 'qcow2',
        capacityBytes: 10 * 2 ** 30,
        allocateNow: false,
        backing: { path: '/pool/base.qcow2', format: 'qcow2' },
      }),
    );
    expectValid(xml, 'storagevol');
    expect(readVolume(parseVolumeXml(xml))).toMatchObject({
      name: `it's a $(disk) <1> ünï`,
      capacity: 10 * 2 ** 30,
      allocation: 0,
      format: 'qcow2',
      backingPath: '/pool/base.qcow2',
    });
  });

  it('allocates now when asked', () => {
    const xml = serializeVolumeXml(
      buildNewVolume({ name: 'a.img', format: 'raw', capacityBytes: 4096, allocateNow: true }),
    );
    expectValid(xml, 'storagevol');
    expect(readVolume(parseVolumeXml(xml))).toMatchObject({ capacity: 4096, allocation: 4096 });
  });

  it('refuses names and inputs libvirt would half-accept', () => {
    expect(volumeNameProblem('a/b')).toMatch(/“\/”/);
    expect(volumeNameCheck('a/b')).toEqual({ key: 'volume.nameSlash' });
    expect(volumeNameCheck('..')).toEqual({ key: 'volume.nameDots', values: { name: '..' } });
    expect(volumeNameProblem('..')).toBeDefined();
    expect(volumeNameProblem(' ')).toBeDefined();
    expect(volumeNameProblem('x\ny')).toMatch(/control/);
    expect(volumeNameProblem('disk 1 "quoted".qcow2')).toBeUndefined();
    expect(() =>
      buildNewVolume({
        name: 'r',
        format: 'raw',
        capacityBytes: 1,
        allocateNow: false,
        backing: { path: '/b', format: 'raw' },
      }),
    ).toThrow(/qcow2/);
  });
});
