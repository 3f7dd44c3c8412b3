// The tuning panes' fields over shared/xml's views (issue 13): what each pane shows and edits.
import type { EditableView } from '../../../shared/api/domain-edit';
import type { FieldDef, FieldInput } from '../field-defs';
import type { DetailsKey } from '../details-strings';

type Row = [key: string, label: DetailsKey, input: FieldInput, options?: readonly string[]];

const on = (view: EditableView, rows: Row[]): FieldDef[] =>
  rows.map(([key, label, input, options]) => ({
    on: { target: 'domain', view },
    key,
    label,
    input,
    ...(options ? { options } : {}),
  }));

export const cpuTuningFields: FieldDef[] = [
  ...on('vcpu', [
    ['placement', 'tnVcpuPlacement', 'select', ['static', 'auto']],
    ['cpuset', 'tnVcpuCpuset', 'text'],
  ]),
  ...on('iothreads', [['count', 'tnIothreads', 'number']]),
  ...on('cputune', [
    ['emulatorpin', 'tnEmulatorpin', 'text'],
    ['shares', 'tnShares', 'number'],
    ['period', 'tnPeriod', 'number'],
    ['quota', 'tnQuota', 'number'],
    ['emulatorPeriod', 'tnEmulatorPeriod', 'number'],
    ['emulatorQuota', 'tnEmulatorQuota', 'number'],
  ]),
];

const NUMA_MODES = ['strict', 'preferred', 'interleave', 'restrictive'] as const;

export const memoryBackingPaneFields: FieldDef[] = on('memoryBacking', [
  ['hugepages', 'tnHugepages', 'checkbox'],
  ['locked', 'tnLocked', 'checkbox'],
  ['nosharepages', 'tnNosharepages', 'checkbox'],
  ['discard', 'tnDiscard', 'checkbox'],
  ['source', 'tnSource', 'select', ['anonymous', 'file', 'memfd']],
  ['access', 'tnAccess', 'select', ['private', 'shared']],
  ['allocation', 'tnAllocation', 'select', ['immediate', 'ondemand']],
  ['allocationThreads', 'tnAllocationThreads', 'number'],
]);

export const memtunePaneFields: FieldDef[] = on('memtune', [
  ['hardLimit', 'tnHardLimit', 'size'],
  ['softLimit', 'tnSoftLimit', 'size'],
  ['swapHardLimit', 'tnSwapHardLimit', 'size'],
  ['minGuarantee', 'tnMinGuarantee', 'size'],
]);

export const numatunePaneFields: FieldDef[] = on('numatune', [
  ['mode', 'tnNumaMode', 'select', NUMA_MODES],
  ['nodeset', 'tnNumaNodeset', 'text'],
  ['placement', 'tnNumaPlacement', 'select', ['static', 'auto']],
]);

export const blkiotunePaneFields: FieldDef[] = [
  ...on('blkiotune', [['weight', 'tnBlkioWeight', 'number']]),
  ...on('lifecycle', [['partition', 'tnPartition', 'text']]),
];

export const featurePaneFields: FieldDef[] = on('features', [
  ['acpi', 'tnAcpi', 'checkbox'],
  ['apic', 'tnApic', 'checkbox'],
  ['pae', 'tnPae', 'checkbox'],
  ['hap', 'tnHap', 'checkbox'],
  ['viridian', 'tnViridian', 'checkbox'],
  ['privnet', 'tnPrivnet', 'checkbox'],
  ['pmu', 'tnPmu', 'onoff'],
  ['vmport', 'tnVmport', 'onoff'],
  ['smm', 'tnSmm', 'onoff'],
  ['pvspinlock', 'tnPvspinlock', 'onoff'],
  ['vmcoreinfo', 'tnVmcoreinfo', 'onoff'],
  ['ioapicDriver', 'tnIoapic', 'select', ['kvm', 'qemu']],
  ['gicVersion', 'tnGic', 'text'],
  ['kvmHidden', 'tnKvmHidden', 'onoff'],
  ['kvmHintDedicated', 'tnKvmHintDedicated', 'onoff'],
  ['kvmPollControl', 'tnKvmPollControl', 'onoff'],
  ['kvmPvIpi', 'tnKvmPvIpi', 'onoff'],
]);

export const hypervPaneFields: FieldDef[] = on('features', [
  ['hyperv', 'tnHyperv', 'checkbox'],
  ['hypervMode', 'tnHypervMode', 'select', ['custom', 'passthrough']],
  ['hvRelaxed', 'tnHvRelaxed', 'onoff'],
  ['hvVapic', 'tnHvVapic', 'onoff'],
  ['hvSpinlocks', 'tnHvSpinlocks', 'onoff'],
  ['hvSpinlockRetries', 'tnHvSpinlockRetries', 'number'],
  ['hvVpindex', 'tnHvVpindex', 'onoff'],
  ['hvRuntime', 'tnHvRuntime', 'onoff'],
  ['hvSynic', 'tnHvSynic', 'onoff'],
  ['hvStimer', 'tnHvStimer', 'onoff'],
  ['hvStimerDirect', 'tnHvStimerDirect', 'onoff'],
  ['hvReset', 'tnHvReset', 'onoff'],
  ['hvVendorId', 'tnHvVendorId', 'onoff'],
  ['hvVendorIdValue', 'tnHvVendorIdValue', 'text'],
  ['hvFrequencies', 'tnHvFrequencies', 'onoff'],
  ['hvReenlightenment', 'tnHvReenlightenment', 'onoff'],
  ['hvTlbflush', 'tnHvTlbflush', 'onoff'],
  ['hvIpi', 'tnHvIpi', 'onoff'],
  ['hvEvmcs', 'tnHvEvmcs', 'onoff'],
  ['hvAvic', 'tnHvAvic', 'onoff'],
]);

export const LIFECYCLE_ACTIONS = [
  'destroy',
  'restart',
  'preserve',
  'rename-restart',
  'coredump-destroy',
  'coredump-restart',
] as const;

export const clockPaneFields: FieldDef[] = [
  ...on('clock', [
    ['offset', 'tnClockOffset', 'select', ['utc', 'localtime', 'timezone', 'variable', 'absolute']],
    ['timezone', 'tnClockTimezone', 'text'],
    ['adjustment', 'tnClockAdjustment', 'text'],
    ['basis', 'tnClockBasis', 'select', ['utc', 'localtime']],
  ]),
  ...on('lifecycle', [
    ['onPoweroff', 'tnOnPoweroff', 'select', LIFECYCLE_ACTIONS],
    ['onReboot', 'tnOnReboot', 'select', LIFECYCLE_ACTIONS],
    ['onCrash', 'tnOnCrash', 'select', LIFECYCLE_ACTIONS],
    ['onLockfailure', 'tnOnLockfailure', 'select', ['poweroff', 'restart', 'pause', 'ignore']],
    ['suspendToMem', 'tnSuspendToMem', 'onoff'],
    ['suspendToDisk', 'tnSuspendToDisk', 'onoff'],
  ]),
];

/** A repeated element's columns, edited as rows (pins, page sizes, memnodes, cells, devices, timers). */
export interface ListColumn {
  key: string;
  label: DetailsKey;
  input: 'text' | 'number' | 'size' | 'select' | 'onoff';
  options?: readonly string[];
}

export interface ListDef {
  view: EditableView;
  /** The view's list field. */
  key: string;
  label: DetailsKey;
  columns: ListColumn[];
}

export const vcpupinList: ListDef = {
  view: 'cputune',
  key: 'vcpupin',
  label: 'tnVcpupin',
  columns: [
    { key: 'vcpu', label: 'tnVcpu', input: 'number' },
    { key: 'cpuset', label: 'tnHostCpus', input: 'text' },
  ],
};

export const iothreadpinList: ListDef = {
  view: 'cputune',
  key: 'iothreadpin',
  label: 'tnIothreadpin',
  columns: [
    { key: 'iothread', label: 'tnIothread', input: 'number' },
    { key: 'cpuset', label: 'tnHostCpus', input: 'text' },
  ],
};

export const hugepageList: ListDef = {
  view: 'memoryBacking',
  key: 'pages',
  label: 'tnPages',
  columns: [
    { key: 'size', label: 'tnPageSize', input: 'size' },
    { key: 'nodeset', label: 'tnGuestNodes', input: 'text' },
  ],
};

export const memnodeList: ListDef = {
  view: 'numatune',
  key: 'memnodes',
  label: 'tnMemnodes',
  columns: [
    { key: 'cellid', label: 'tnGuestCell', input: 'number' },
    { key: 'mode', label: 'tnNumaMode', input: 'select', options: NUMA_MODES },
    { key: 'nodeset', label: 'tnHostNodes', input: 'text' },
  ],
};

export const guestCellList: ListDef = {
  view: 'cpu',
  key: 'numaCells',
  label: 'tnGuestCells',
  columns: [
    { key: 'id', label: 'tnCellId', input: 'number' },
    { key: 'cpus', label: 'tnCellCpus', input: 'text' },
    { key: 'memory', label: 'tnCellMemory', input: 'number' },
    { key: 'unit', label: 'tnCellUnit', input: 'text' },
    { key: 'memAccess', label: 'tnAccess', input: 'select', options: ['shared', 'private'] },
  ],
};

export const blkioDeviceList: ListDef = {
  view: 'blkiotune',
  key: 'devices',
  label: 'tnBlkioDevices',
  columns: [
    { key: 'path', label: 'tnDevicePath', input: 'text' },
    { key: 'weight', label: 'tnBlkioWeight', input: 'number' },
    { key: 'readBytesSec', label: 'tnReadBytesSec', input: 'number' },
    { key: 'writeBytesSec', label: 'tnWriteBytesSec', input: 'number' },
    { key: 'readIopsSec', label: 'tnReadIopsSec', input: 'number' },
    { key: 'writeIopsSec', label: 'tnWriteIopsSec', input: 'number' },
  ],
};

export const timerList: ListDef = {
  view: 'clock',
  key: 'timers',
  label: 'tnTimers',
  columns: [
    {
      key: 'name',
      label: 'tnTimerName',
      input: 'select',
      options: ['rtc', 'pit', 'hpet', 'kvmclock', 'hypervclock', 'tsc', 'platform', 'armvtimer'],
    },
    {
      key: 'tickpolicy',
      label: 'tnTickpolicy',
      input: 'select',
      options: ['delay', 'catchup', 'merge', 'discard'],
    },
    { key: 'present', label: 'tnPresent', input: 'onoff' },
    { key: 'track', label: 'tnTrack', input: 'select', options: ['boot', 'guest', 'wall', 'realtime'] },
    { key: 'frequency', label: 'tnFrequency', input: 'number' },
    {
      key: 'mode',
      label: 'tnTimerMode',
      input: 'select',
      options: ['auto', 'native', 'emulate', 'paravirt', 'smpsafe'],
    },
  ],
};

/** What each tuning pane edits: its fields and its lists (the panes and the seed tests read these). */
export interface TuningPaneDefs {
  defs: FieldDef[];
  lists: ListDef[];
}

export const TUNING_PANES = {
  cpu: { defs: cpuTuningFields, lists: [vcpupinList, iothreadpinList] },
  memory: {
    defs: [...memoryBackingPaneFields, ...memtunePaneFields, ...numatunePaneFields],
    lists: [hugepageList, memnodeList, guestCellList],
  },
  /** Each disk's own `<iotune>` is in its Disk pane (`iotuneFieldsFor` in pane-fields.ts). */
  io: { defs: blkiotunePaneFields, lists: [blkioDeviceList] },
  features: { defs: [...featurePaneFields, ...hypervPaneFields], lists: [] },
  clock: { defs: clockPaneFields, lists: [timerList] },
} satisfies Record<string, TuningPaneDefs>;
