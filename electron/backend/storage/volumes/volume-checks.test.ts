import { describe, expect, it } from 'vitest';
import { capacityBytes, checkDeletable, checkVolumeName } from './volume-checks';

describe('volume checks before anything runs', () => {
  const vm = (name: string, running: boolean) => ({ uuid: `${name}-uuid`, name, running });

  it('refuses to delete a volume a running VM uses, and asks before one a shut-off VM references', () => {
    expect(() => checkDeletable('disk.qcow2', [vm('web', true), vm('db', false)], true)).toThrow(
      /in use by running VM web: shut it down first/,
    );
    expect(() => checkDeletable('disk.qcow2', [vm('db', false)], false)).toThrow(/disk of db; confirm/);
    expect(() => checkDeletable('disk.qcow2', [vm('db', false)], true)).not.toThrow();
    expect(() => checkDeletable('free.img', [], false)).not.toThrow();
  });

  it('turns bad names and sizes into invalid-request errors with the reason', () => {
    expect(() => checkVolumeName('a/b')).toThrow(expect.objectContaining({ code: 'invalid-request' }));
    expect(() => capacityBytes('-1')).toThrow(/negative/);
    expect(() => capacityBytes('abc')).toThrow(/not a size/);
    expect(capacityBytes('1.5T')).toBe(1.5 * 2 ** 40);
    // issue 15: the refusal carries its check, for the UI's language
    expect(() => capacityBytes('abc')).toThrow(
      expect.objectContaining({ check: { key: 'size.notSize', values: { text: 'abc' } } }),
    );
    expect(() => checkVolumeName('a/b')).toThrow(
      expect.objectContaining({ check: { key: 'volume.nameSlash' } }),
    );
  });
});
