// <disk>: file/block/volume/network sources, driver options, target, boot order, flags, I/O limits.
import { attr, flag, intAttr, intText, text, type FieldValues } from '../fields';

export const diskFields = {
  type: attr<'file' | 'block' | 'volume' | 'network' | 'dir'>('', 'type'),
  device: attr<'disk' | 'cdrom' | 'floppy' | 'lun'>('', 'device'),
  driverName: attr('driver', 'name'),
  format: attr<'raw' | 'qcow2' | 'vmdk' | 'vdi' | 'iso'>('driver', 'type'),
  cache: attr<'default' | 'none' | 'writethrough' | 'writeback' | 'directsync' | 'unsafe'>('driver', 'cache'),
  io: attr<'threads' | 'native' | 'io_uring'>('driver', 'io'),
  discard: attr<'unmap' | 'ignore'>('driver', 'discard'),
  detectZeroes: attr<'off' | 'on' | 'unmap'>('driver', 'detect_zeroes'),
  sourceFile: attr('source', 'file'),
  sourceDev: attr('source', 'dev'),
  sourcePool: attr('source', 'pool'),
  sourceVolume: attr('source', 'volume'),
  sourceProtocol: attr<'nbd' | 'iscsi' | 'rbd' | 'gluster' | 'http' | 'https' | 'nfs'>('source', 'protocol'),
  sourceName: attr('source', 'name'),
  sourceHost: attr('source/host', 'name'),
  sourcePort: attr('source/host', 'port'),
  targetDev: attr('target', 'dev'),
  targetBus: attr<'virtio' | 'sata' | 'scsi' | 'ide' | 'usb' | 'fdc' | 'xen'>('target', 'bus'),
  bootOrder: intAttr('boot', 'order'),
  readonly: flag('readonly'),
  shareable: flag('shareable'),
  serial: text('serial'),
  totalBytesSec: intText('iotune/total_bytes_sec'),
  readBytesSec: intText('iotune/read_bytes_sec'),
  writeBytesSec: intText('iotune/write_bytes_sec'),
  totalIopsSec: intText('iotune/total_iops_sec'),
  readIopsSec: intText('iotune/read_iops_sec'),
  writeIopsSec: intText('iotune/write_iops_sec'),
};

export type DiskSettings = FieldValues<typeof diskFields>;
