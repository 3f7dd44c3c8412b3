import type { CallResponse } from '../../../shared/api/contract';
import type { Prefs, PrefsChange } from '../../../shared/api/prefs';
import type { HostManager } from '../hosts/host-manager';
import type { PromptBroker } from '../prompts/prompt-broker';
import type { Handlers } from './dispatch';
import type { ConsoleManager } from '../consoles/console-manager';
import { consoleHandlers } from '../consoles/console-handlers';
import type { SshConfigPreview } from '../transport/ssh-config/config-preview';
import { jobHandlers } from '../jobs/job-handlers';
import { overviewHandlers } from '../hosts/overview/overview-handlers';
import type { JobManager } from '../jobs/job-manager';
import { poolHandlers } from '../storage/pools/pool-handlers';
import { volumeHandlers } from '../storage/volumes/volume-handlers';
import type { VolumeOps } from '../storage/volumes/volume-ops';
import type { TransferDeps } from '../storage/volumes/volume-upload';
import { networkHandlers } from '../networks/network-handlers';
import { nodeDeviceHandlers } from '../node-devices/node-device-handlers';
import { editHandlers } from '../domains/edit/edit-handlers';
// issue 14: snapshots and clone
import type { EventBus } from '../events/event-bus';
import { snapshotHandlers } from '../snapshots/snapshot-handlers';
import { cloneHandlers } from '../clone/clone-handlers';
import { saveFileHandlers } from '../save-file/save-file-handlers';
// issue 14: migrate
import { migrateHandlers } from '../migrate/migrate-handlers';
import { wizardHandlers } from '../wizard/wizard-handlers';
// Cloud-image method of the New VM wizard (issue 11)
import { cloudImageHandlers } from '../cloud-init/cloud-image-handlers';
// Add Hardware and Remove (issue 13)
import { hardwareHandlers } from '../domains/hardware/hardware-handlers';
// Import a VM from XML (issue 13)
import { importHandlers } from '../domains/import/import-handlers';

export interface HandlerDeps {
  hosts: HostManager;
  prompts: PromptBroker;
  info: () => CallResponse<'app/info'>;
  prefs: { get: () => Prefs; set: (change: PrefsChange) => Promise<Prefs> };
  consoles: ConsoleManager;
  jobs: JobManager;
  sshConfig: SshConfigPreview;
  volumes: { ops: VolumeOps; transfers: TransferDeps };
  // issue 14: snapshots and clone
  bus: EventBus;
}

/** Each contract call → the service that does it. Requests arrive already validated. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { hosts, prompts, info, prefs, consoles, jobs, sshConfig, volumes } = deps;
  return {
    'app/info': async () => info(),
    'hosts/list': async () => hosts.list(),
    'hosts/add': (input) => hosts.add(input),
    'hosts/update': (config) => hosts.update(config),
    'hosts/remove': async ({ hostId }) => {
      await hosts.remove(hostId);
      return {};
    },
    'hosts/connect': ({ hostId }) => hosts.session(hostId).connect(),
    'hosts/disconnect': async ({ hostId }) => hosts.session(hostId).disconnect(),
    'prompts/answer': async ({ promptId, accepted, answers }) => {
      prompts.answer(promptId, { accepted, answers });
      return {};
    },
    'domains/list': async ({ hostId }) => hosts.session(hostId).listDomains(),
    'domains/action': ({ hostId, uuid, action }) => hosts.session(hostId).action(uuid, action),
    'domains/disks': ({ hostId, uuid }) => hosts.session(hostId).disks(uuid),
    'domains/delete': ({ hostId, uuid, deleteVolumes }) =>
      hosts.session(hostId).deleteWithStorage(uuid, deleteVolumes),
    'stats/watch': async ({ hostId, watching }) => {
      hosts.session(hostId).watchStats(watching);
      return {};
    },
    // Host performance graphs (issue 10)
    'stats/watch-host': async ({ hostId, watching }) => {
      hosts.session(hostId).watchHostStats(watching);
      return {};
    },
    'prefs/get': async () => prefs.get(),
    'prefs/set': (patch) => prefs.set(patch),
    'ssh-config/aliases': () => sshConfig.aliases(),
    'ssh-config/resolve': (request) => sshConfig.resolve(request),
    ...consoleHandlers(consoles),
    ...jobHandlers(jobs),
    ...volumeHandlers(hosts, volumes.ops, volumes.transfers),
    ...overviewHandlers(hosts),
    ...poolHandlers(hosts, jobs),
    ...networkHandlers(hosts),
    ...nodeDeviceHandlers(hosts),
    ...editHandlers(hosts),
    // issue 14: snapshots and clone
    ...snapshotHandlers(hosts, jobs, deps.bus),
    ...cloneHandlers(hosts, jobs),
    ...saveFileHandlers(hosts, jobs),
    // issue 14: migrate
    ...migrateHandlers(hosts, jobs),
    ...wizardHandlers(hosts, jobs),
    // Cloud-image method of the New VM wizard (issue 11)
    ...cloudImageHandlers(hosts, jobs),
    // Add Hardware and Remove (issue 13)
    ...hardwareHandlers(hosts),
    // Import a VM from XML (issue 13)
    ...importHandlers(hosts),
  };
}
