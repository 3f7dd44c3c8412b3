import { enConsoles } from './en-consoles';
import { enDetails } from './en-details';
// Add Hardware and Remove (issue 13)
import { enHardware } from './en-hardware';
// Import a VM from XML (issue 13)
import { enImportXml } from './en-import-xml';
import { enHostDetails } from './en-storage-pools';
import { enJobs, enVolumes } from './en-storage';
import { enNetworks } from './en-networks';
import { enNodeDevices } from './en-node-devices';
// Performance graphs (issues 10, 12)
import { enPerformance } from './en-performance';
// issue 14: snapshots and clone
import { enSnapshots } from './en-snapshots';
// issue 14: migrate
import { enMigrate } from './en-migrate';
import { enWizard } from './en-wizard';
// New VM wizard, cloud-image step (issue 11)
import { enCloudImage } from './en-cloud-image';
// issue 15: shared checks
import { checkTexts } from '../../shared/checks/check-texts';

/** English, the source language. Keys are grouped by feature; `{{x}}` are interpolations. */
export const en = {
  consoles: enConsoles,
  details: enDetails,
  app: {
    title: 'VirtDesk',
    toolbar: 'Main toolbar',
    addConnection: 'Add connection',
    preferences: 'Preferences',
    loading: 'Loading…',
    startupFailed: 'Could not reach the VirtDesk backend: {{message}}',
    transportDown: 'Connection to the VirtDesk backend lost — reconnecting…',
    selectedCount_one: '{{count}} VM selected',
    selectedCount_other: '{{count}} VMs selected',
    ready: 'Ready',
  },
  actions: {
    run: 'Run',
    pause: 'Pause',
    resume: 'Resume',
    shutdown: 'Shut Down',
    reboot: 'Reboot',
    reset: 'Force Reset',
    destroy: 'Force Off',
    save: 'Save',
    restore: 'Restore',
    autostart: 'Autostart',
    delete: 'Delete',
    clone: 'Clone…', // issue 14
    'save-file': 'Save to file…', // issue 14
    migrate: 'Migrate…', // issue 14
    cancel: 'Cancel',
    close: 'Close',
    dismiss: 'Dismiss',
  },
  menus: {
    vm: 'Actions for {{name}}',
    vms: 'Actions for {{count}} VMs',
    host: 'Actions for {{name}}',
  },
  confirm: {
    reset: {
      title: 'Force reset?',
      message:
        'Force reset “{{name}}”? The guest restarts at once, like pressing a reset button; unsaved data in it is lost.',
      messageMany: 'Force reset {{count}} VMs? Unsaved data in them is lost.',
    },
    destroy: {
      title: 'Force off?',
      message:
        'Force off “{{name}}”? This is like pulling the power cord; unsaved data in the guest is lost.',
      messageMany: 'Force off {{count}} VMs? This is like pulling their power cords; unsaved data is lost.',
    },
    shutdown: {
      title: 'Shut down?',
      message: 'Shut down “{{name}}”?',
      messageMany: 'Shut down {{count}} VMs?',
    },
    // Preferences can make these ask (issue 15)
    reboot: { title: 'Reboot?', message: 'Reboot “{{name}}”?', messageMany: 'Reboot {{count}} VMs?' },
    pause: {
      title: 'Pause?',
      message: 'Pause “{{name}}”? It stops running until it is resumed.',
      messageMany: 'Pause {{count}} VMs?',
    },
    delete: {
      title: 'Delete virtual machine?',
      message: 'Delete “{{name}}”? Its definition is removed from the host. This cannot be undone.',
      messageMany: 'Delete {{count}} VMs? This cannot be undone.',
      messageWithStorage:
        'Delete “{{name}}”? Its definition is removed from the host, and the storage checked below is deleted. This cannot be undone.',
      storageLegend: 'Also delete this storage',
      disk: '{{target}} · {{size}}',
      diskInPool: '{{target}} · {{size}} · pool {{pool}}',
      noteCdrom: 'CD-ROM media',
      noteReadonly: 'read-only',
      noteShared: 'also used by {{vms}}',
      noteNotDeletable: 'cannot be deleted here: {{reason}}',
    },
    removeHost: {
      title: 'Remove connection?',
      message: 'Remove the connection “{{name}}”? The virtual machines on the host are not touched.',
      confirm: 'Remove connection',
    },
  },
  list: {
    label: 'Virtual machines',
    columns: {
      name: 'Name',
      state: 'State',
      vcpus: 'vCPUs',
      memory: 'Memory',
      cpu: 'CPU',
      memoryUsage: 'Memory usage',
    },
    filter: 'Filter',
    filterPlaceholder: 'Name or title',
    stateFilter: 'State',
    stateFilters: {
      all: 'All',
      running: 'Running',
      paused: 'Paused',
      shutoff: 'Shut off',
      other: 'Other',
    },
    busy: 'Working: {{action}}',
    noValue: '—',
    vmCount_one: '{{count}} VM',
    vmCount_other: '{{count}} VMs',
    noMatches: 'No virtual machines match the filter',
    cpuUsage: 'CPU usage {{percent}}%',
    cpuUsageUnknown: 'CPU usage not measured yet',
    memoryUsage: 'Memory usage {{amount}}',
    memoryUsageUnknown: 'Memory usage not measured yet',
  },
  domainState: {
    running: 'Running',
    idle: 'Idle',
    paused: 'Paused',
    in_shutdown: 'Shutting down',
    shut_off: 'Shut off',
    crashed: 'Crashed',
    pmsuspended: 'Suspended',
    no_state: 'No state',
  },
  units: {
    KiB: '{{value}} KiB',
    MiB: '{{value}} MiB',
    GiB: '{{value}} GiB',
    TiB: '{{value}} TiB',
  },
  hosts: {
    connect: 'Connect',
    disconnect: 'Disconnect',
    remove: 'Remove connection',
    /** What VirtDesk did differently from ssh when reading ~/.ssh/config for this connection. */
    notes: '— {{notes}}',
    state: {
      connected: 'Connected',
      connecting: 'Connecting…',
      disconnected: 'Disconnected',
      retrying: 'Disconnected — retrying {{when}}',
      retryingSoon: 'Disconnected — retrying',
      failed: 'Failed: {{reason}}',
      failedNoReason: 'Failed',
    },
  },
  addConnection: {
    title: 'Add connection',
    transport: 'Connection type',
    transports: { ssh: 'SSH', local: 'Local' },
    name: 'Name',
    namePlaceholder: 'optional',
    host: 'Host',
    hostPlaceholder: 'host name, address or ~/.ssh/config alias',
    user: 'User',
    port: 'Port',
    uri: 'Libvirt URI',
    privateKey: 'Private key',
    privateKeyPlaceholder: 'optional, e.g. ~/.ssh/id_ed25519',
    autoconnect: 'Connect automatically',
    generatedUri: 'Generated URI',
    aliasDefinedAt: '{{file}}, line {{line}}',
    preview: {
      title: 'What this connects to',
      loading: 'Reading ~/.ssh/config…',
      failed: 'Cannot resolve this host: {{message}}',
      definedAt: 'Defined in {{file}}, line {{line}}',
      target: 'Connects to',
      via: 'Through',
      jumpStep: 'jump host {{target}}',
      commandStep: 'command {{command}}',
      keys: 'Keys',
      defaultKeys: 'the default keys in ~/.ssh',
      agent: 'Agent',
      agentUnused: 'not used (IdentitiesOnly)',
      none: 'none',
      knownHosts: 'Known hosts',
      ownKnownHostsOnly: 'VirtDesk’s own list only',
      hostKeyAlias: 'Host key looked up as',
      newKeys: 'A new host key',
      policy: {
        ask: 'is shown to you to trust or reject',
        yes: 'is refused (StrictHostKeyChecking yes)',
        'accept-new': 'is trusted without asking (StrictHostKeyChecking accept-new)',
      },
    },
    submit: 'Connect',
    adding: 'Adding…',
    failed: 'Could not add the connection: {{message}}',
    errors: {
      hostRequired: 'Enter the host to connect to',
      hostInvalid: 'A host name or ~/.ssh/config alias has no spaces or shell characters',
      userInvalid: 'A user name has no spaces or shell characters',
      portInvalid: 'Enter a port number from 1 to 65535',
      uriRequired: 'Enter a libvirt URI, for example qemu:///system',
      uriInvalid: 'A libvirt URI looks like qemu:///system or test:///default',
      nameInvalid: 'The name is too long',
      privateKeyInvalid: 'The path is too long',
    },
  },
  hostOverview: {
    title: 'Host',
    loading: 'Reading the host’s details…',
    failed: 'The host’s details could not be read: {{message}}',
    refresh: 'Check again',
    hostname: 'Host name',
    uri: 'Libvirt URI',
    libvirt: 'Libvirt',
    hypervisor: 'Hypervisor',
    cpu: 'CPU',
    topology: 'CPUs',
    topologyValue: '{{cpus}} ({{sockets}} sockets × {{cores}} cores × {{threads}} threads)',
    memory: 'Memory',
    memoryValue: '{{total}} ({{free}} free)',
    numa: 'NUMA cells',
    cell: 'Cell',
    cpus: 'CPUs',
    hugepages: 'Hugepages',
    free: '{{free}} free',
    pagesValue: '{{size}}: {{total}} ({{free}} free)',
    readiness: 'Readiness',
    status: { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown' },
  },
  welcome: {
    title: 'Welcome to VirtDesk',
    intro: 'Add a connection to a libvirt host to see and manage its virtual machines.',
    localUri: 'Local libvirt',
    localSystem: 'System (qemu:///system)',
    localSession: 'Session (qemu:///session)',
    addLocal: 'Add local libvirt',
    noLocal: 'No virsh was found on this machine, so local libvirt is not offered.',
    addDemo: 'Add demo (test:///default)',
    demoName: 'Demo',
    remoteHint: 'To reach a host over SSH, use “Add connection” in the toolbar.',
  },
  prompts: {
    hostKey: {
      title: 'Unknown host key',
      intro: 'The authenticity of host {{host}} can’t be established.',
      fingerprint: '{{keyType}} key fingerprint (SHA256):',
      question: 'Trust this key and continue connecting? It will be added to your known hosts.',
      trust: 'Trust',
    },
    password: { title: 'Password for {{user}}@{{host}}', field: 'Password' },
    passphrase: { title: 'Passphrase for {{keyPath}}', field: 'Passphrase' },
    keyboardInteractive: { title: 'Authentication for {{host}}' },
    connect: 'Connect',
    forHost: 'Connection: {{host}}',
  },
  // Preferences (issue 15)
  preferences: {
    title: 'Preferences',
    sections: {
      general: 'Appearance and language',
      stats: 'Statistics',
      newVm: 'New virtual machines',
      console: 'Consoles',
      confirm: 'Confirmations',
    },
    language: 'Language',
    languageSystem: 'As the system ({{language}})',
    languages: { en: 'English', 'zh-CN': '简体中文' },
    theme: 'Theme',
    themes: { system: 'As the system', light: 'Light', dark: 'Dark' },
    statsInterval: 'Statistics interval (seconds)',
    statsIntervalInvalid: 'Enter a number of seconds from 0.5 to 60',
    statsCollect: 'Statistics to collect',
    statsKinds: { cpu: 'CPU usage', memory: 'Memory usage', disk: 'Disk I/O', network: 'Network I/O' },
    statsNoneHint: 'With nothing checked, no statistics are read from the hosts.',
    graphics: 'Graphics',
    graphicsTypes: { auto: 'As the host offers (SPICE, else VNC)', spice: 'SPICE', vnc: 'VNC', none: 'None' },
    storageFormat: 'Disk format',
    storageFormats: {
      qcow2: 'qcow2 (allocated as the guest writes, snapshots)',
      raw: 'raw (fastest, no internal snapshots)',
    },
    cpuMode: 'CPU mode',
    cpuModes: {
      auto: 'Automatic (host-passthrough with KVM)',
      'host-passthrough': 'Host passthrough',
      'host-model': 'Host model',
      maximum: 'Maximum',
    },
    cpuModeHint: 'Without KVM (emulated guests) the automatic choice is used.',
    firmware: 'Firmware',
    firmwares: { auto: 'As the operating system needs', bios: 'BIOS', efi: 'UEFI (when the host has it)' },
    scaling: 'Scaling',
    scalings: { fit: 'Fit to window', native: '1:1' },
    resizeGuest: 'Resize the guest to the window (where the console can)',
    grabKeys: 'Release the keyboard with',
    clipboard: 'Share the clipboard in new consoles',
    confirmLegend: 'Ask before',
    confirmActions: {
      destroy: 'Force Off',
      reset: 'Force Reset',
      shutdown: 'Shut Down',
      reboot: 'Reboot',
      pause: 'Pause',
      several: 'Shutting down or forcing off several VMs at once',
    },
    confirmDeleteHint: 'Delete always asks (and asks which storage goes with it).',
    save: 'Save',
    failed: 'Could not save the preferences: {{message}}',
  },
  activity: {
    log: 'Activity',
    errors: 'Errors',
    hostAdded: 'Added connection {{host}}',
    hostRemoved: 'Removed connection {{host}}',
    removeFailed: 'Could not remove {{host}}: {{message}}',
    connecting: 'Connecting to {{host}}…',
    connected: 'Connected to {{host}}',
    connectPending: 'Connecting to {{host}}',
    connectFailed: 'Could not connect to {{host}}: {{message}}',
    disconnected: 'Disconnected from {{host}}',
    disconnectFailed: 'Could not disconnect from {{host}}: {{message}}',
    listFailed: 'Could not list the VMs of {{host}}: {{message}}',
    answerFailed: 'Could not send the answer: {{message}}',
    actionStarted: '{{action}} “{{name}}”…',
    actionDone: '{{action}} “{{name}}”: {{message}}',
    actionDoneQuiet: '{{action}} “{{name}}”: done',
    actionFailed: '{{action}} “{{name}}” failed: {{message}}',
    startupWarning: '{{message}}',
    // Preferences (issue 15)
    prefsDamaged:
      'The preferences file could not be read ({{problem}}); it was kept as {{aside}} and the defaults are used. Your connections are not affected.',
  },
  ...enHostDetails,
  jobs: enJobs,
  volumes: enVolumes,
  ...enNetworks,
  ...enNodeDevices,
  // Performance graphs (issues 10, 12)
  ...enPerformance,
  // issue 14: snapshots and clone
  ...enSnapshots,
  // issue 14: migrate
  ...enMigrate,
  ...enWizard,
  // New VM wizard, cloud-image step (issue 11)
  cloudImage: enCloudImage,
  // Add Hardware and Remove (issue 13)
  ...enHardware,
  // Import a VM from XML (issue 13)
  importXml: enImportXml,
  // issue 15: the shared checks' texts (shared/checks), keys + values from shared/ and the backend
  checks: checkTexts,
};

export type Resources = typeof en;
