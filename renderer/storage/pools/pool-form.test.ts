import { describe, expect, it } from 'vitest';
import { PoolSpec, PoolType } from '../../../shared/api/pools';
import { applySource, emptyForm, FIELDS, formProblem, specFromForm } from './pool-form';

describe('the Add Pool form', () => {
  it('asks every type for fields; an empty form is refused with a reason unless the defaults suffice', () => {
    for (const type of PoolType.options) {
      expect(FIELDS[type].length).toBeGreaterThan(0);
      // mpath needs nothing but its target, /dev/mapper by default.
      if (type === 'mpath') expect(formProblem(emptyForm(type, 'p'))).toBeUndefined();
      else
        expect(formProblem(emptyForm(type, 'p'))).toEqual({
          key: expect.any(String),
          values: expect.anything(),
        });
    }
  });

  it('turns the seeds’ dir pool into a spec the contract accepts', () => {
    const form = { ...emptyForm('dir', ' kvm_images '), values: { targetPath: '/home/data/kvm/pool' } };
    expect(formProblem(form)).toBeUndefined();
    expect(PoolSpec.parse(specFromForm(form))).toEqual({
      type: 'dir',
      name: 'kvm_images',
      targetPath: '/home/data/kvm/pool',
    });
  });

  it('reads multi-line devices and monitor host:port lines', () => {
    const logical = {
      ...emptyForm('logical', 'vg'),
      values: { volumeGroup: 'vg0', devices: '/dev/sdb\n\n /dev/sdc ' },
    };
    expect(specFromForm(logical)).toMatchObject({ devices: ['/dev/sdb', '/dev/sdc'], targetPath: undefined });
    const rbd = { ...emptyForm('rbd', 'r'), values: { monitors: 'mon1:6789\nmon2', sourceName: 'rbd' } };
    expect(specFromForm(rbd)).toMatchObject({ hosts: [{ host: 'mon1', port: 6789 }, { host: 'mon2' }] });
    expect(formProblem(rbd)).toBeUndefined();
  });

  it('refuses a port that is not a number', () => {
    const iscsi = {
      ...emptyForm('iscsi', 'i'),
      values: { ...emptyForm('iscsi').values, host: 'san', target: 'iqn.x', port: 'abc' },
    };
    expect(formProblem(iscsi)).toMatchObject({
      key: 'pool.invalid',
      values: { detail: expect.stringMatching(/port/) },
    });
  });

  it('fills a found source into the form', () => {
    const nfs = applySource(emptyForm('netfs', 'n'), {
      host: 'nas',
      dir: '/export',
      format: 'nfs',
      devices: [],
    });
    expect(nfs.values).toMatchObject({ host: 'nas', sourcePath: '/export', format: 'nfs' });
    const vg = applySource(emptyForm('logical', 'l'), { name: 'vg1', devices: ['/dev/sda2'] });
    expect(vg.values.volumeGroup).toBe('vg1');
  });
});
