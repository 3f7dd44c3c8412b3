// The English texts of the checks shared/ runs in the renderer (on the field, as typed) and again in
// the backend (refusing the call) — issue 15. A check returns a key into these texts plus the values
// they interpolate (`CheckMessage`); the renderer's i18n uses these as its English strings under
// `checks.*` (renderer/i18n/en.ts), so each language translates them, and the backend renders the
// English text for its logs while its ApiError carries the key to the UI.

export const checkTexts = {
  network: {
    nameNeeded: 'The network needs a name',
    nameSlash: 'A network name cannot contain “/”',
    nameTaken: 'A network named “{{name}}” already exists on this host',
    chooseBridge: 'Choose the host bridge',
    chooseInterface: 'Choose at least one host interface',
    choosePf: 'Choose the physical function (the SR-IOV capable interface)',
    needsPrefix: '“{{text}}” needs a prefix length, as in 192.168.100.1/24',
    hostNeedsAddress: 'Each static host line needs an address',
    notAddress: '“{{text}}” is not an {{family}} address',
    prefixRange: 'The {{family}} prefix must be between 8 and {{max}} (got /{{prefix}})',
    networkAddress:
      '{{cidr}} is the subnet’s network address; use a host address such as the first one after it',
    broadcastAddress:
      '{{cidr}} is the subnet’s broadcast address; use a host address such as the first one after it',
    fieldNotAddress: '{{field}} “{{text}}” is not an {{family}} address',
    fieldOutside: '{{field}} {{text}} is outside the subnet {{cidr}}',
    dhcpReversed: 'The DHCP range starts after it ends ({{start}} > {{end}})',
    dhcpHasOwn: 'The DHCP range {{start}}–{{end}} contains the network’s own address {{address}}',
    hostNeedsMacOrName: 'The static host {{ip}} needs a MAC address or a name',
    hostMacBad: '“{{mac}}” is not a MAC address (aa:bb:cc:dd:ee:ff)',
    subnetOverlap: '{{cidr}} overlaps the network “{{other}}” ({{theirs}})',
    bridgeUsed: 'The bridge {{bridge}} is already used by another network',
    noBridge: 'The host has no bridge named “{{name}}”',
    noInterface: 'The host has no interface named “{{name}}”',
    // the XML edit's identity, SR-IOV's physical function (electron/backend/networks)
    renamed: 'The <name> must stay “{{name}}”: libvirt cannot rename a network (define a new one instead)',
    uuidChanged: 'The <uuid> must stay {{uuid}}: another UUID would be another network',
    pfNotPci: 'The interface {{pf}} is not a PCI device, so it has no SR-IOV virtual functions',
    pfNoVfs: 'The interface {{pf}} has no SR-IOV virtual functions (its device {{device}} offers none)',
  },
  /** What a network check's `{{field}}` names. */
  networkField: {
    dhcpStart: 'The DHCP range start',
    dhcpEnd: 'The DHCP range end',
    hostAddress: 'The static host address',
  },
  pool: {
    nameNeeded: 'A pool needs a name',
    nameTaken: 'A pool named “{{name}}” already exists on this host',
    nameBad:
      '“{{name}}” cannot be a pool name: use letters, digits and . _ + : - (starting with a letter or digit)',
    pathAbsolute: '{{field}} must be an absolute path (starting with /): “{{value}}”',
    pathControl: '{{field}} cannot contain line breaks or control characters',
    pathDotDot: '{{field}} cannot contain “..”: write the path it stands for',
    required: '{{field}} is required',
    wordSpaces: '{{field}} cannot contain spaces or control characters',
    invalid: 'The pool’s settings are not valid: {{detail}}',
  },
  /** What a pool check's `{{field}}` names. */
  poolField: {
    targetPath: 'The target path',
    sourceDevice: 'The source device',
    server: 'The server',
    share: 'The share',
    exportedPath: 'The exported path',
    volumeGroup: 'The volume group',
    device: 'A device',
    targetIqn: 'The target IQN',
    initiatorIqn: 'The initiator IQN',
    scsiAdapter: 'The SCSI adapter',
    monitorHost: 'A monitor host',
    cephPool: 'The Ceph pool',
    glusterVolume: 'The Gluster volume',
    directory: 'The directory',
    zfsPool: 'The ZFS pool',
  },
  vmName: {
    needed: 'The VM needs a name',
    slash: 'A VM name cannot contain “/”',
    control: 'A VM name cannot contain control characters',
    spaces: 'A VM name cannot start or end with a space',
    taken: 'A VM named “{{name}}” already exists on this host',
  },
  mac: {
    notHex: 'A MAC address is six pairs of hex digits separated by colons',
    multicast: 'A multicast MAC address cannot be a NIC’s address',
    allZero: 'The all-zero MAC address is not valid',
  },
  /** Add Hardware: what a new device cannot be added without. */
  hardware: {
    diskStorage: 'A disk needs storage: a new volume, an existing volume or a path',
    chooseNetwork: 'Choose a virtual network',
    nameBridge: 'Name the host bridge',
    nameMacvtap: 'Name the host interface for macvtap',
    chooseVf: 'Choose a virtual function (PCI address)',
    choosePci: 'Choose a PCI device of the host',
    chooseUsb: 'Choose a USB device of the host',
    chooseMdev: 'Choose a mediated device (its UUID)',
    nameSourceDir: 'Name the host directory to share',
    nameMountTag: 'Name the mount tag the guest uses',
    nameChannel: 'Name the channel (e.g. org.example.agent.0)',
    nameTpm: 'Name the host TPM device (/dev/tpm0)',
    nameEntropy: 'Name the host entropy source',
    needsSpice: 'A SPICE channel needs SPICE graphics: add a SPICE display first',
    needsQ35: 'An Intel IOMMU needs a q35 machine',
    singleInstance:
      'This VM already has a {{element}} device; a VM can have only one — change the existing one instead',
  },
  /** A VM's edited definition (shared/domain-edit/edit-checks.ts `checkDomain`). */
  domain: {
    memoryAboveMax: 'Current memory ({{current}} MiB) is above the maximum ({{max}} MiB)',
    memoryZero: 'Memory must be more than zero',
    memoryAboveHost: 'Maximum memory ({{memory}} MiB) is above the host’s memory ({{host}} MiB)',
    vcpusZero: 'A VM needs at least one vCPU',
    vcpusAboveMax: '{{current}} vCPUs are above the maximum of {{max}}',
    topologyMismatch: 'The topology gives {{product}} vCPUs, not {{count}}',
    bootDuplicate: 'Boot index {{order}} is already used by {{other}}',
    bootMixed: 'Per-device boot order and <boot dev> elements cannot be used together',
    kernelMissing: 'An initrd or kernel arguments need a kernel',
  },
  /** A size as typed (shared/storage/parse-capacity.ts). */
  size: {
    empty: 'Enter a size, for example 10 GiB',
    negative: '“{{text}}” is negative: a size must be above 0',
    notSize: '“{{text}}” is not a size: write a number and a unit, for example 10G or 1.5 TiB',
    badUnit: '“{{unit}}” is not a size unit: use K, M, G, T (binary) or KB, MB, GB, TB',
    zero: 'A size must be above 0',
    tooLarge: '“{{text}}” is too large',
  },
  /** A storage volume's name (shared/xml/build/new-volume.ts) and the backend's refusals. */
  volume: {
    nameNeeded: 'A volume needs a name',
    nameDots: '“{{name}}” cannot be a volume name',
    nameSlash: 'A volume name cannot contain “/”',
    nameControl: 'A volume name cannot contain control characters',
    nameLong: 'A volume name can have at most 255 bytes',
    nameTaken: 'Pool {{pool}} already has a volume named “{{name}}”',
    diskSeedSame: 'The disk and the seed need different names',
  },
} as const;

type Texts = typeof checkTexts;
export type CheckArea = keyof Texts;
/** `area.name`, e.g. `network.notAddress`; the i18n key is `checks.` + this. */
export type CheckKey = { [A in CheckArea]: `${A}.${keyof Texts[A] & string}` }[CheckArea];
