// vCPUs (<vcpu>, <vcpus>), pinning (<cputune>) and the guest CPU model (<cpu>).
import { documentRoot, type XmlDocument } from '../document';
import {
  attr,
  intAttr,
  intText,
  readFields,
  text,
  writeFields,
  yesNoAttr,
  onOffAttr,
  type FieldValues,
} from './fields';
import { list } from './list-field';

export const vcpuFields = {
  /** Maximum vCPUs. */
  count: intText('vcpu'),
  /** vCPUs online at boot, when fewer than `count`. */
  current: intAttr('vcpu', 'current'),
  placement: attr<'static' | 'auto'>('vcpu', 'placement'),
  cpuset: attr('vcpu', 'cpuset'),
  vcpus: list('vcpus', 'vcpu', {
    id: intAttr('', 'id'),
    enabled: yesNoAttr('', 'enabled'),
    hotpluggable: yesNoAttr('', 'hotpluggable'),
    order: intAttr('', 'order'),
  }),
};

export const cputuneFields = {
  shares: intText('cputune/shares'),
  period: intText('cputune/period'),
  quota: intText('cputune/quota'),
  emulatorPeriod: intText('cputune/emulator_period'),
  emulatorQuota: intText('cputune/emulator_quota'),
  vcpupin: list('cputune', 'vcpupin', { vcpu: intAttr('', 'vcpu'), cpuset: attr('', 'cpuset') }),
  emulatorpin: attr('cputune/emulatorpin', 'cpuset'),
  iothreadpin: list('cputune', 'iothreadpin', {
    iothread: intAttr('', 'iothread'),
    cpuset: attr('', 'cpuset'),
  }),
};

export type CpuMode = 'host-passthrough' | 'host-model' | 'custom' | 'maximum';
export type CpuFeaturePolicy = 'force' | 'require' | 'optional' | 'disable' | 'forbid';

export const cpuFields = {
  mode: attr<CpuMode>('cpu', 'mode'),
  match: attr<'minimum' | 'exact' | 'strict'>('cpu', 'match'),
  check: attr<'none' | 'partial' | 'full'>('cpu', 'check'),
  migratable: onOffAttr('cpu', 'migratable'),
  model: text('cpu/model'),
  modelFallback: attr<'allow' | 'forbid'>('cpu/model', 'fallback'),
  vendor: text('cpu/vendor'),
  sockets: intAttr('cpu/topology', 'sockets'),
  dies: intAttr('cpu/topology', 'dies'),
  clusters: intAttr('cpu/topology', 'clusters'),
  cores: intAttr('cpu/topology', 'cores'),
  threads: intAttr('cpu/topology', 'threads'),
  cacheMode: attr<'emulate' | 'passthrough' | 'disable'>('cpu/cache', 'mode'),
  features: list('cpu', 'feature', { policy: attr<CpuFeaturePolicy>('', 'policy'), name: attr('', 'name') }),
  numaCells: list('cpu/numa', 'cell', {
    id: intAttr('', 'id'),
    cpus: attr('', 'cpus'),
    memory: intAttr('', 'memory'),
    unit: attr('', 'unit'),
    memAccess: attr<'shared' | 'private'>('', 'memAccess'),
  }),
};

export type Vcpu = FieldValues<typeof vcpuFields>;
export type Cputune = FieldValues<typeof cputuneFields>;
export type Cpu = FieldValues<typeof cpuFields>;

export const readVcpu = (doc: XmlDocument): Vcpu => readFields(documentRoot(doc), vcpuFields);
export const writeVcpu = (doc: XmlDocument, patch: Vcpu): void =>
  writeFields(documentRoot(doc), vcpuFields, patch);
export const readCputune = (doc: XmlDocument): Cputune => readFields(documentRoot(doc), cputuneFields);
export const writeCputune = (doc: XmlDocument, patch: Cputune): void =>
  writeFields(documentRoot(doc), cputuneFields, patch);
export const readCpu = (doc: XmlDocument): Cpu => readFields(documentRoot(doc), cpuFields);
export const writeCpu = (doc: XmlDocument, patch: Cpu): void =>
  writeFields(documentRoot(doc), cpuFields, patch);
