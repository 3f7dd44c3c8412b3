// Test-only: one device of every kind the Add Hardware dialog offers (each variant), with what the
// dialog's defaults leave for the person to fill in, and one field each test then edits.
import type { NewHardware } from '../../../api/domain-hardware';
import type { XmlDocument } from '../../../xml/document';
import { defaultSettings, HARDWARE_KINDS, VARIANTS, type HardwareKind } from '../hardware-kinds';

export interface SampleHardware {
  /** `storage/cdrom`, `tpm/emulated`, … */
  label: string;
  hw: NewHardware;
  /** What `virsh dumpxml` shows once it is added. */
  expect: RegExp;
  /** One field changed afterwards through the pane's edit path, and what dumpxml then shows. */
  edit: { patch: Record<string, string | number | boolean | null>; expect: RegExp };
}

const FILL_INS: Partial<Record<string, Record<string, unknown>>> = {
  'storage/disk': { sourceFile: '/tmp/vd-hw-sample.qcow2' },
  'storage/cdrom': { sourceFile: '/tmp/vd-hw-sample.iso' },
  'network/network': { sourceNetwork: 'vd-hw-isolated' },
  'network/direct': { sourceDev: 'lo' },
  'network/hostdev': { sourcePci: '0000:02:10.0' },
  'channel/custom': { targetName: 'org.example.vd-hw.0' },
  'usb-host': { usbVendor: '0x046d', usbProduct: '0xc52b' },
  'pci-host': { sourcePci: '0000:00:03.0' },
  mdev: { mdevUuid: '4b20d080-1b54-4048-85b3-a6a62d165c01' },
  'filesystem/virtiofs': { sourceDir: '/tmp', targetDir: 'vd-hw-share' },
  'filesystem/9p': { sourceDir: '/tmp', targetDir: 'vd-hw-9p' },
};

const EXPECT: Record<string, RegExp> = {
  'storage/disk': /<disk type='file' device='disk'>[\s\S]*?<source file='\/tmp\/vd-hw-sample.qcow2'/,
  'storage/cdrom': /<disk type='file' device='cdrom'>[\s\S]*?vd-hw-sample.iso/,
  'storage/floppy': /<disk type='file' device='floppy'>/,
  controller: /<controller type='usb' index='\d+' model='qemu-xhci' ports='15'/,
  'network/network': /<interface type='network'>[\s\S]*?<source network='vd-hw-isolated'/,
  'network/bridge': /<interface type='bridge'>[\s\S]*?<source bridge='br0'/,
  'network/direct': /<interface type='direct'>[\s\S]*?<source dev='lo' mode='bridge'/,
  'network/hostdev': /<interface type='hostdev' managed='yes'>[\s\S]*?bus='0x02' slot='0x10'/,
  input: /<input type='tablet' bus='usb'/,
  graphics: /<graphics type='vnc' port='-1' autoport='yes'/,
  sound: /<sound model='ich\d'/,
  serial: /<serial type='pty'/,
  parallel: /<parallel type='pty'/,
  console: /<console type='pty'>\s*<target type='virtio'/,
  'channel/guest-agent': /<channel type='unix'>[\s\S]*?name='org.qemu.guest_agent.0'/,
  'channel/spicevmc': /<channel type='spicevmc'>[\s\S]*?name='com.redhat.spice.0'/,
  'channel/custom': /<channel type='pty'>[\s\S]*?name='org.example.vd-hw.0'/,
  'usb-host': /<hostdev mode='subsystem' type='usb' managed='yes'>[\s\S]*?<vendor id='0x046d'\/>/,
  'pci-host': /<hostdev mode='subsystem' type='pci' managed='yes'>[\s\S]*?slot='0x03'/,
  mdev: /<hostdev mode='subsystem' type='mdev'[^>]*model='vfio-pci'/,
  video: /<model type='(vga|virtio|qxl)'/,
  watchdog: /<watchdog model='i6300esb' action='reset'/,
  'filesystem/virtiofs': /<filesystem type='mount'[^>]*>[\s\S]*?<driver type='virtiofs'\/>/,
  'filesystem/9p': /<filesystem type='mount' accessmode='mapped'>/,
  smartcard: /<smartcard mode='passthrough' type='spicevmc'/,
  'usb-redir': /<redirdev bus='usb' type='spicevmc'/,
  'tpm/emulated': /<tpm model='tpm-crb'>\s*<backend type='emulator' version='2.0'/,
  'tpm/passthrough': /<tpm model='tpm-tis'>\s*<backend type='passthrough'>\s*<device path='\/dev\/tpm0'\/>/,
  rng: /<rng model='virtio'>\s*<backend model='random'>\/dev\/urandom<\/backend>/,
  panic: /<panic model='isa'/,
  vsock: /<vsock model='virtio'>\s*<cid auto='yes'/,
  memballoon: /<memballoon model='virtio'/,
  iommu: /<iommu model='intel'/,
};

const EDITS: Record<string, SampleHardware['edit']> = {
  storage: { patch: { cache: 'none' }, expect: /<driver name='qemu' type='\w+' cache='none'/ },
  controller: { patch: { ports: 8 }, expect: /model='qemu-xhci' ports='8'/ },
  network: { patch: { model: 'e1000' }, expect: /<model type='e1000'\/>/ },
  input: { patch: { bus: 'virtio' }, expect: /<input type='tablet' bus='virtio'/ },
  graphics: { patch: { keymap: 'de' }, expect: /keymap='de'/ },
  sound: { patch: { model: 'ac97' }, expect: /<sound model='ac97'/ },
  serial: { patch: { logFile: '/tmp/vd-hw-serial.log' }, expect: /<log file='\/tmp\/vd-hw-serial.log'/ },
  parallel: { patch: { logFile: '/tmp/vd-hw-par.log' }, expect: /<log file='\/tmp\/vd-hw-par.log'/ },
  console: { patch: { logFile: '/tmp/vd-hw-con.log' }, expect: /<log file='\/tmp\/vd-hw-con.log'/ },
  channel: { patch: { logFile: '/tmp/vd-hw-chan.log' }, expect: /<log file='\/tmp\/vd-hw-chan.log'/ },
  'usb-host': { patch: { managed: false }, expect: /type='usb' managed='no'/ },
  'pci-host': { patch: { romBar: false }, expect: /<rom bar='off'\/>/ },
  mdev: { patch: { display: true }, expect: /display='on'/ },
  video: { patch: { heads: 2 }, expect: /heads='2'/ },
  watchdog: { patch: { action: 'poweroff' }, expect: /action='poweroff'/ },
  filesystem: { patch: { readonly: true }, expect: /<readonly\/>/ },
  smartcard: { patch: { mode: 'host', type: null }, expect: /<smartcard mode='host'/ },
  'usb-redir': {
    patch: { type: 'tcp', sourceHost: '127.0.0.1', sourceService: '4000' },
    expect: /<redirdev bus='usb' type='tcp'>\s*<source mode='connect' host='127.0.0.1' service='4000'/,
  },
  tpm: { patch: { model: 'tpm-tis' }, expect: /<tpm model='tpm-tis'>/ },
  rng: { patch: { rateBytes: 2048 }, expect: /<rate bytes='2048'/ },
  panic: { patch: { model: 'hyperv' }, expect: /<panic model='hyperv'/ },
  vsock: { patch: { cidAddress: 42 }, expect: /address='42'/ },
  memballoon: { patch: { statsPeriod: 10 }, expect: /<stats period='10'\/>/ },
  iommu: { patch: { cachingMode: true }, expect: /caching_mode='on'/ },
};

/** Every kind and variant, with the defaults for `doc` and the fill-ins. */
export function sampleHardware(doc: XmlDocument): SampleHardware[] {
  return HARDWARE_KINDS.flatMap((kind: HardwareKind) =>
    (VARIANTS[kind] ?? [undefined]).map((variant) => {
      const label = variant ? `${kind}/${variant}` : kind;
      const settings = {
        ...defaultSettings(kind, doc, variant),
        ...(FILL_INS[label] ?? FILL_INS[kind] ?? {}),
      };
      return {
        label,
        hw: { kind, settings: settings as NewHardware['settings'] },
        expect: EXPECT[label] ?? EXPECT[kind]!,
        edit: EDITS[kind]!,
      };
    }),
  );
}
