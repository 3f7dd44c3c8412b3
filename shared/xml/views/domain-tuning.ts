// NUMA memory policy, block I/O weights, resource partition, lifecycle actions and power management.
import { documentRoot, type XmlDocument } from '../document';
import { attr, intAttr, intText, readFields, text, writeFields, yesNoAttr, type FieldValues } from './fields';
import { list } from './list-field';

type NumaMode = 'strict' | 'preferred' | 'interleave' | 'restrictive';

export const numatuneFields = {
  mode: attr<NumaMode>('numatune/memory', 'mode'),
  nodeset: attr('numatune/memory', 'nodeset'),
  placement: attr<'static' | 'auto'>('numatune/memory', 'placement'),
  memnodes: list('numatune', 'memnode', {
    cellid: intAttr('', 'cellid'),
    mode: attr<NumaMode>('', 'mode'),
    nodeset: attr('', 'nodeset'),
  }),
};

export const blkiotuneFields = {
  weight: intText('blkiotune/weight'),
  devices: list('blkiotune', 'device', {
    path: text('path'),
    weight: intText('weight'),
    readBytesSec: intText('read_bytes_sec'),
    writeBytesSec: intText('write_bytes_sec'),
    readIopsSec: intText('read_iops_sec'),
    writeIopsSec: intText('write_iops_sec'),
  }),
};

export type LifecycleAction =
  | 'destroy'
  | 'restart'
  | 'preserve'
  | 'rename-restart'
  | 'coredump-destroy'
  | 'coredump-restart'
  | 'poweroff'
  | 'pause'
  | 'ignore';

export const lifecycleFields = {
  partition: text('resource/partition'),
  onPoweroff: text<LifecycleAction>('on_poweroff'),
  onReboot: text<LifecycleAction>('on_reboot'),
  onCrash: text<LifecycleAction>('on_crash'),
  onLockfailure: text<LifecycleAction>('on_lockfailure'),
  suspendToMem: yesNoAttr('pm/suspend-to-mem', 'enabled'),
  suspendToDisk: yesNoAttr('pm/suspend-to-disk', 'enabled'),
};

export type Numatune = FieldValues<typeof numatuneFields>;
export type Blkiotune = FieldValues<typeof blkiotuneFields>;
export type Lifecycle = FieldValues<typeof lifecycleFields>;

export const readNumatune = (doc: XmlDocument): Numatune => readFields(documentRoot(doc), numatuneFields);
export const writeNumatune = (doc: XmlDocument, patch: Numatune): void =>
  writeFields(documentRoot(doc), numatuneFields, patch);
export const readBlkiotune = (doc: XmlDocument): Blkiotune => readFields(documentRoot(doc), blkiotuneFields);
export const writeBlkiotune = (doc: XmlDocument, patch: Blkiotune): void =>
  writeFields(documentRoot(doc), blkiotuneFields, patch);
export const readLifecycle = (doc: XmlDocument): Lifecycle => readFields(documentRoot(doc), lifecycleFields);
export const writeLifecycle = (doc: XmlDocument, patch: Lifecycle): void =>
  writeFields(documentRoot(doc), lifecycleFields, patch);
