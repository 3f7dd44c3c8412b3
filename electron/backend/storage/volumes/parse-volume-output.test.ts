import { describe, expect, it } from 'vitest';
import { parseDomBlkSources, parseVolList } from './parse-volume-output';

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

  it('reads the disk sources of domblklist --details, skipping empty CD-ROMs', () => {
    const output = [
      ' Type   Device   Target   Source',
      '------------------------------------------------',
      ' file   disk     vda      /var/lib/images/my disk.qcow2',
      ' file   cdrom    sda      -',
      '',
    ].join('\n');
    expect(parseDomBlkSources(output)).toEqual(['/var/lib/images/my disk.qcow2']);
  });
});
