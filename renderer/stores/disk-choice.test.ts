import { describe, expect, it } from 'vitest';
import type { DomainDisk } from '../../shared/api/domain-storage';
import { diskChoice } from './domain-action-runner';

const disk = (over: Partial<DomainDisk>): DomainDisk => ({
  target: 'vda',
  device: 'disk',
  path: '/pool/a.qcow2',
  pool: 'default',
  volume: 'a.qcow2',
  capacity: 2 ** 30,
  readonly: false,
  sharedWith: [],
  suggested: true,
  ...over,
});

describe('the Delete checklist', () => {
  it('checks a writable disk of its own in a pool, with its size and pool', () => {
    expect(diskChoice(disk({}))).toMatchObject({
      id: '/pool/a.qcow2',
      checked: true,
      disabled: false,
      detailKey: 'confirm.delete.diskInPool',
      detailParams: { target: 'vda', pool: 'default' },
      detailBytes: { size: 2 ** 30 },
      noteKeys: [],
    });
  });

  it('leaves CD-ROM media and shared disks unchecked and says why', () => {
    const cd = diskChoice(disk({ device: 'cdrom', readonly: true, suggested: false }));
    expect(cd).toMatchObject({ checked: false, noteKeys: ['confirm.delete.noteCdrom'] });
    const shared = diskChoice(disk({ sharedWith: ['web', 'db'], suggested: false }));
    expect(shared).toMatchObject({ checked: false, noteKeys: ['confirm.delete.noteShared'] });
    expect(shared.noteParams['vms']).toBe('web, db');
  });

  it('cannot choose a disk outside every pool', () => {
    const outside = diskChoice(
      disk({ pool: undefined, volume: undefined, suggested: false, notDeletable: 'not in a storage pool' }),
    );
    expect(outside).toMatchObject({ checked: false, disabled: true, detailKey: 'confirm.delete.disk' });
  });
});
