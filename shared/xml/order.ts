// libvirt's canonical child order (the order in which it formats XML), per parent element name.
// New nodes are inserted according to these lists so that VirtDesk's output reads like libvirt's.

const DEVICE_TAIL = ['boot', 'rom', 'alias', 'address'];

// prettier-ignore
export const DEVICE_ORDER = [
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'smartcard', 'serial',
  'parallel', 'console', 'channel', 'input', 'tpm', 'graphics', 'sound', 'audio', 'video', 'hostdev',
  'redirdev', 'redirfilter', 'hub', 'watchdog', 'memballoon', 'rng', 'panic', 'shmem', 'memory',
  'iommu', 'vsock', 'crypto', 'pstore',
] as const;

// prettier-ignore
export const CHILD_ORDER: Record<string, readonly string[]> = {
  domain: [
    'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory',
    'currentMemory', 'blkiotune', 'memtune', 'memoryBacking', 'vcpu', 'vcpus', 'iothreads',
    'iothreadids', 'defaultiothread', 'cputune', 'numatune', 'resource', 'sysinfo', 'bootloader',
    'bootloader_args', 'os', 'idmap', 'features', 'cpu', 'clock', 'on_poweroff', 'on_reboot',
    'on_crash', 'on_lockfailure', 'pm', 'perf', 'devices', 'seclabel', 'keywrap', 'launchSecurity',
  ],
  os: [
    'type', 'firmware', 'init', 'initarg', 'initenv', 'initdir', 'inituser', 'initgroup', 'loader',
    'nvram', 'kernel', 'initrd', 'cmdline', 'shim', 'dtb', 'acpi', 'boot', 'bootmenu', 'smbios', 'bios',
  ],
  cpu: ['model', 'vendor', 'topology', 'cache', 'maxphysaddr', 'feature', 'numa'],
  memoryBacking: ['hugepages', 'nosharepages', 'locked', 'source', 'access', 'allocation', 'discard'],
  // As libvirt 9.0 formats them (virDomainMemtuneFormat: min_guarantee before swap_hard_limit).
  memtune: ['hard_limit', 'soft_limit', 'min_guarantee', 'swap_hard_limit'],
  numatune: ['memory', 'memnode'],
  blkiotune: ['weight', 'device'],
  // <blkiotune><device>: libvirt writes the IOPS throttles before the byte ones.
  device: ['path', 'weight', 'read_iops_sec', 'write_iops_sec', 'read_bytes_sec', 'write_bytes_sec'],
  cputune: [
    'shares', 'global_period', 'global_quota', 'period', 'quota', 'emulator_period', 'emulator_quota',
    'iothread_period', 'iothread_quota', 'vcpupin', 'emulatorpin', 'iothreadpin', 'emulatorsched',
    'vcpusched', 'iothreadsched', 'cachetune', 'memorytune',
  ],
  features: [
    'acpi', 'apic', 'pae', 'hap', 'viridian', 'privnet', 'hyperv', 'kvm', 'pvspinlock', 'capabilities',
    'pmu', 'vmport', 'gic', 'smm', 'ioapic', 'hpt', 'vmcoreinfo', 'htm', 'nested-hv', 'msrs',
    'ccf-assist', 'xen', 'cfpc', 'sbbc', 'ibs', 'tcg', 'async-teardown', 'ras', 'ps2',
  ],
  hyperv: [
    'relaxed', 'vapic', 'spinlocks', 'vpindex', 'runtime', 'synic', 'stimer', 'reset', 'vendor_id',
    'frequencies', 'reenlightenment', 'tlbflush', 'ipi', 'evmcs', 'avic', 'emsr_bitmap', 'xmm_input',
  ],
  kvm: ['hidden', 'hint-dedicated', 'poll-control', 'pv-ipi', 'dirty-ring'],
  pm: ['suspend-to-mem', 'suspend-to-disk'],
  devices: DEVICE_ORDER,
  disk: [
    'driver', 'source', 'backingStore', 'backenddomain', 'geometry', 'blockio', 'mirror', 'target',
    'iotune', 'boot', 'readonly', 'shareable', 'transient', 'serial', 'wwn', 'vendor', 'product',
    'encryption', 'alias', 'address',
  ],
  // <disk><iotune> as libvirt 9.0 formats it (virDomainDiskDefFormatIotune).
  iotune: [
    'total_bytes_sec', 'read_bytes_sec', 'write_bytes_sec', 'total_iops_sec', 'read_iops_sec',
    'write_iops_sec', 'total_bytes_sec_max', 'read_bytes_sec_max', 'write_bytes_sec_max',
    'total_iops_sec_max', 'read_iops_sec_max', 'write_iops_sec_max', 'size_iops_sec', 'group_name',
    'total_bytes_sec_max_length', 'read_bytes_sec_max_length', 'write_bytes_sec_max_length',
    'total_iops_sec_max_length', 'read_iops_sec_max_length', 'write_iops_sec_max_length',
  ],
  interface: [
    'mac', 'source', 'vlan', 'virtualport', 'ip', 'route', 'script', 'downscript', 'backenddomain',
    'target', 'guest', 'model', 'driver', 'backend', 'filterref', 'tune', 'teaming', 'link', 'mtu',
    'coalesce', 'bandwidth', 'portForward', ...DEVICE_TAIL,
  ],
  graphics: ['listen', 'image', 'jpeg', 'zlib', 'playback', 'streaming', 'clipboard', 'mouse', 'filetransfer', 'gl', 'audio'],
  hostdev: ['driver', 'source', 'origstates', ...DEVICE_TAIL],
  controller: ['model', 'driver', 'target', 'master', 'pcihole64', ...DEVICE_TAIL],
  serial: ['source', 'protocol', 'log', 'target', ...DEVICE_TAIL],
  console: ['source', 'protocol', 'log', 'target', ...DEVICE_TAIL],
  channel: ['source', 'protocol', 'log', 'target', ...DEVICE_TAIL],
  filesystem: ['driver', 'binary', 'idmap', 'source', 'target', 'readonly', 'space_hard_limit', 'space_soft_limit', ...DEVICE_TAIL],
  rng: ['rate', 'backend', 'driver', ...DEVICE_TAIL],
  tpm: ['backend', ...DEVICE_TAIL],
  video: ['driver', 'model', ...DEVICE_TAIL],
  sound: ['codec', 'audio', ...DEVICE_TAIL],
  memballoon: ['stats', 'driver', ...DEVICE_TAIL],
  watchdog: DEVICE_TAIL,
  input: ['source', 'driver', ...DEVICE_TAIL],
  redirdev: ['source', 'protocol', ...DEVICE_TAIL],
  smartcard: ['certificate', 'database', 'source', 'protocol', ...DEVICE_TAIL],
  panic: DEVICE_TAIL,
  vsock: ['cid', ...DEVICE_TAIL],
  clock: ['timer'],
};
