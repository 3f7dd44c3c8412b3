import { describe, expect, it } from 'vitest';
import { parseVolList, parseVolListDetails } from './parse-volume-output';

describe('volume table parsers', () => {
  it('splits vol-list rows at the path, whatever the name holds (as virsh 9.0 prints them)', () => {
    const output = [
      ' Name            Path',
      '-----------------------------------------------------------',
      " a b 'c'.qcow2   /home/vdtest/p/a b 'c'.qcow2",
      ' ünï.img         /home/vdtest/p/ünï.img',
      '',
    ].join('\n');
    expect(parseVolList(output)).toEqual([
      { name: "a b 'c'.qcow2", path: "/home/vdtest/p/a b 'c'.qcow2" },
      { name: 'ünï.img', path: '/home/vdtest/p/ünï.img' },
    ]);
    expect(parseVolList(' Name   Path\n------------\n\n')).toEqual([]);
  });

  it('reads vol-list --details: type and sizes from the end of the row (as virsh 9.0 prints them)', () => {
    const output = [
      ' Name            Path                                 Type   Capacity   Allocation',
      '-------------------------------------------------------------------------------------',
      " a b 'c'.qcow2   /home/vdtest/p/a b 'c'.qcow2   file   1.50 GiB   196.00 KiB",
      ' ünï.img         /home/vdtest/p/ünï.img             file   0.00 B     unknown',
      ' odd             /dev/vg/odd                        block  unknown    unknown',
      '',
    ].join('\n');
    expect(parseVolListDetails(output)).toEqual([
      {
        name: "a b 'c'.qcow2",
        path: "/home/vdtest/p/a b 'c'.qcow2",
        type: 'file',
        capacity: 1.5 * 2 ** 30,
        allocation: 196 * 1024,
      },
      { name: 'ünï.img', path: '/home/vdtest/p/ünï.img', type: 'file', capacity: 0 },
      { name: 'odd', path: '/dev/vg/odd', type: 'block' },
    ]);
  });
});
