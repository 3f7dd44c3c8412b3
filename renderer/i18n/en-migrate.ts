/** English strings of the Migrate dialog (issue 14; spread into `en`). */
export const enMigrate = {
  migrate: {
    title: 'Migrate {{name}}',
    destination: 'Destination host',
    noDestination: 'Connect to another host first: a VM migrates between hosts that are connected here.',
    mode: 'While it moves',
    live: 'Keep it running (live)',
    paused: 'Pause it while its memory is copied',
    offline: 'It is shut off: only its definition moves (offline).',
    persistent: 'Keep the definition on the destination',
    undefineSource: 'Remove the definition from {{host}}',
    copyStorage: 'Disks',
    copyNone: 'Shared storage: do not copy',
    copyAll: 'Copy all disk contents',
    copyInc: 'Copy what differs (the destination has a copy)',
    bandwidth: 'Bandwidth limit (MiB/s)',
    bandwidthHint: 'Empty: no limit.',
    bandwidthInvalid: 'A whole number of MiB/s, 1 or more.',
    tunnelled: 'Tunnel the data through libvirt’s connection',
    tunnelledHint:
      'Slower: the memory and disks go inside libvirt’s connection instead of QEMU’s own. Relayed through this desktop, it keeps every port closed on the source.',
    advanced: 'Advanced',
    route: 'Way to the destination',
    routeAuto: 'Automatic: directly if the source reaches it, else through this desktop',
    routeDirect: 'Directly: the source host connects over SSH by itself',
    routeRelay: 'Relayed through this desktop',
    pathAuto:
      'VirtDesk first checks whether {{host}} reaches {{uri}} over SSH by itself (peer-to-peer, with its user’s keys); if not, libvirt’s connection is relayed through this desktop’s SSH connections to both hosts. The result says which way was used.',
    pathDirect:
      'The source host’s libvirt connects to {{uri}} over SSH by itself (peer-to-peer): its user needs a key the destination accepts.',
    pathRelay:
      'libvirt’s connection is relayed through this desktop’s SSH connections to both hosts: no keys are needed on the source.',
    relayNative:
      'QEMU’s own data is relayed too, through a port on the source’s loopback (127.0.0.1): while it runs, other users of the source could connect to it; VirtDesk relays only the VM’s own connections and refuses the rest. Tunnel the data (Advanced) to open no port.',
    relayTunnelled: 'The data is tunnelled inside that connection (slower; no port is opened on the source).',
    submit: 'Migrate',
    done: '{{message}}',
    failed: 'Migrating {{name}} failed: {{message}}',
  },
};
