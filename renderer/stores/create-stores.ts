import type { RendererApi } from '../api/renderer-api';
import { toApiError } from '../api/api-error-from';
import { createActivityStore } from './activity-store';
import { createDomainActionRunner } from './domain-action-runner';
import { domainKey, parseDomainKey } from './domain-key';
import { createDomainsStore } from './domains-store';
import { createHostOverviewStore } from './host-overview-store';
import { createHostWindowsStore } from './host-windows-store';
import { createHostsStore } from './hosts-store';
import { createPoolsStore } from './pools-store';
import { createPrefsStore } from './prefs-store';
import { createPromptsStore } from './prompts-store';
import { createSessionStore } from './session-store';
import { createStatsStore } from './stats-store';
import { createUiStore } from './ui-store';
import { createVmWindowsStore } from '../consoles/vm-windows-store';
import { createConsoleCalls } from '../consoles/console-calls';
import { createJobsStore } from './jobs-store';
import { createVolumesStore } from './volumes-store';
import { createNetworksStore } from '../networks/networks-store';
import { createNodeDevicesStore } from '../node-devices/node-devices-store';
// Storage dialogs' calls (issue 8)
import { createPoolCalls } from '../storage/pools/pool-calls';
// A network's XML edited with a diff before apply (issue 10)
import { createNetworkEditStore } from '../networks/network-edit-store';
// Host performance graphs (issue 10)
import { createHostStatsStore } from './host-stats-store';
import { createDetailsStore } from '../details/details-store';
import { createWizardStore } from '../wizard/wizard-store';
// issue 14: snapshots, clone, save to file, migrate (their dialogs' calls)
import { createCloneCalls } from '../clone/clone-calls';
import { createMigrateCalls } from '../migrate/migrate-calls';
import { createSaveFileCalls } from '../save-file/save-file-calls';
import { createSnapshotCalls } from '../snapshots/snapshot-calls';
// Add Hardware and Remove (issue 13)
import { createHardwareCalls } from '../details/add-hardware/hardware-calls';
// Import a VM from XML (issue 13)
import { createImportCalls } from '../domains/import/import-calls';
// The New VM wizard's calls (issue 11, #8)
import { createWizardCalls } from '../wizard/wizard-calls';

/** Every store, built around one api (tests pass a fake). */
export function createStores(api: RendererApi) {
  const activity = createActivityStore();
  const session = createSessionStore();
  const hosts = createHostsStore(api, activity);
  const domains = createDomainsStore(api);
  const stats = createStatsStore();
  const prompts = createPromptsStore(api, activity);
  const prefs = createPrefsStore(api);
  const ui = createUiStore();
  const consoles = createVmWindowsStore();
  const jobs = createJobsStore(api);
  const volumes = createVolumesStore(api);
  const hostOverview = createHostOverviewStore(api);
  const actions = createDomainActionRunner({ api, domains, activity, prefs, ui });
  const pools = createPoolsStore(api);
  const networks = createNetworksStore(api);
  const nodeDevices = createNodeDevicesStore(api);
  const hostWindows = createHostWindowsStore();
  const hostStats = createHostStatsStore();
  // VM details (issue 12)
  const details = createDetailsStore(api);
  const wizard = createWizardStore();
  return {
    api,
    /** The console pages' calls (they never hold the API themselves). */
    consoleCalls: createConsoleCalls(api),
    /** The storage tab's pool calls (issue 8: its dialogs never hold the API). */
    poolCalls: createPoolCalls(api),
    // issue 14: the Snapshots page's and the Clone / Save to file / Migrate dialogs' calls
    snapshotCalls: createSnapshotCalls(api),
    cloneCalls: createCloneCalls(api),
    saveFileCalls: createSaveFileCalls(api),
    migrateCalls: createMigrateCalls(api),
    /** The New VM wizard's calls (capabilities and OS data kept per connection). */
    wizardCalls: createWizardCalls(api, hosts),
    activity,
    session,
    hosts,
    domains,
    stats,
    prompts,
    prefs,
    ui,
    actions,
    consoles,
    jobs,
    volumes,
    hostOverview,
    pools,
    hostWindows,
    networks,
    nodeDevices,
    hostStats,
    details,
    wizard,
    // A network's XML edited with a diff before apply (issue 10)
    networkEdit: createNetworkEditStore(api),
    // Add Hardware and Remove (issue 13)
    hardwareCalls: createHardwareCalls(api, details),
    // Import a VM from XML (issue 13)
    importCalls: createImportCalls(api),
  };
}

export type Stores = ReturnType<typeof createStores>;

function loadDomains(stores: Stores, hostId: string): void {
  stores.domains
    .getState()
    .load(hostId)
    .catch((error: unknown) => {
      const host = stores.hosts.getState().byId[hostId];
      stores.activity.getState().post('error', 'activity.listFailed', {
        host: host?.config.name || host?.config.host || hostId,
        message: toApiError(error).message,
      });
    });
}

/** Reads the initial state (app info, prefs, hosts, VM lists of connected hosts); call after startStores. */
export async function syncStores(stores: Stores): Promise<void> {
  const { api, session, hosts, prefs } = stores;
  const connectedBefore = new Set(
    Object.values(hosts.getState().byId)
      .filter((view) => view.status.state === 'connected')
      .map((view) => view.config.id),
  );
  try {
    const [info] = await Promise.all([api.call('app/info', {}), hosts.getState().load()]);
    session.getState().setInfo(info);
    session.getState().setStartupError(null);
    for (const message of info.warnings)
      stores.activity.getState().post('error', 'activity.startupWarning', { message });
    // Preferences (issue 15): a damaged prefs.json was set aside; said in the user's language.
    if (info.prefsReset) stores.activity.getState().post('error', 'activity.prefsDamaged', info.prefsReset);
  } catch (error) {
    session.getState().setStartupError(toApiError(error).message);
    return;
  }
  prefs
    .getState()
    .load()
    .catch(() => {});
  stores.jobs
    .getState()
    .load()
    .catch(() => {});
  // Hosts that just became connected are loaded by the transition rule in startStores; hosts that
  // stayed connected (a resync after the transport came back) are re-read here.
  for (const view of Object.values(hosts.getState().byId)) {
    if (view.status.state === 'connected' && connectedBefore.has(view.config.id))
      loadDomains(stores, view.config.id);
  }
}

/**
 * Subscribes the stores to the api's events and wires the cross-store rules (load a host's VMs when
 * it connects, forget them when it goes away, prune the selection). Returns the unsubscribe.
 */
export function startStores(stores: Stores): () => void {
  const { api, session, hosts, domains, stats, prompts, ui, jobs, volumes } = stores;
  /** Hosts whose list arrived (a reset delta) while they were connecting: loaded already. */
  const listedWhileConnecting = new Set<string>();
  const stops: (() => void)[] = [
    api.on('hosts/status', (status) => hosts.getState().applyStatus(status)),
    api.on('hosts/changed', (list) => hosts.getState().applyList(list)),
    api.on('domains/delta', (delta) => {
      // The backend sends a (re)connecting host's list just before "connected": no need to ask again.
      const state = hosts.getState().byId[delta.hostId]?.status.state;
      if (delta.reset && (state === 'connecting' || state === 'retrying'))
        listedWhileConnecting.add(delta.hostId);
      const removed = domains.getState().applyDelta(delta);
      stats.getState().forget(removed.map((uuid) => domainKey(delta.hostId, uuid)));
    }),
    api.on('stats/tick', (tick) => stats.getState().applyTick(tick)),
    api.on('pools/delta', (delta) => stores.pools.getState().applyDelta(delta)),
    api.on('networks/delta', (delta) => stores.networks.getState().applyDelta(delta)),
    api.on('nodedevices/delta', (delta) => stores.nodeDevices.getState().applyDelta(delta)),
    // Host performance graphs (issue 10)
    api.on('stats/host-tick', (tick) => stores.hostStats.getState().applyTick(tick)),
    api.on('prompts/request', (request) => prompts.getState().enqueue(request)),
    // Preferences (issue 15): every window follows a change at once
    api.on('prefs/changed', (changed) => stores.prefs.getState().apply(changed)),
    api.on('prompts/dismiss', ({ promptId }) => prompts.getState().dismiss(promptId)),
    api.on('jobs/started', (job) => jobs.getState().apply(job)),
    api.on('jobs/progress', (progress) => jobs.getState().applyProgress(progress)),
    api.on('jobs/finished', (job) => {
      jobs.getState().apply(job);
      if (job.kind.startsWith('volume-')) volumes.getState().reloadHost(job.hostId);
    }),
    hosts.subscribe((next, previous) => {
      for (const [hostId, view] of Object.entries(next.byId)) {
        const before = previous.byId[hostId]?.status.state;
        if (view.status.state === 'connected' && before !== 'connected') {
          if (!listedWhileConnecting.delete(hostId)) loadDomains(stores, hostId);
        } else if (view.status.state !== 'connected' && before === 'connected')
          listedWhileConnecting.delete(hostId);
      }
      for (const hostId of Object.keys(previous.byId)) {
        if (!next.byId[hostId]) {
          domains.getState().forgetHost(hostId);
          stats.getState().forgetHost(hostId);
          stores.pools.getState().forgetHost(hostId);
          if (stores.hostWindows.getState().open?.hostId === hostId) stores.hostWindows.getState().close();
          stores.networks.getState().forgetHost(hostId);
          stores.nodeDevices.getState().forgetHost(hostId);
          stores.hostStats.getState().forgetHost(hostId);
        }
      }
    }),
    domains.subscribe((next, previous) => {
      if (next.byHost === previous.byHost) return;
      ui.getState().pruneSelection((key) => {
        const { hostId, uuid } = parseDomainKey(key);
        return next.byHost[hostId]?.[uuid] !== undefined && hosts.getState().byId[hostId] !== undefined;
      });
    }),
  ];
  if (api.onTransportState) {
    stops.push(
      api.onTransportState((state) => {
        const wasDown = session.getState().transport === 'down';
        session.getState().setTransport(state);
        if (state === 'up' && wasDown) void syncStores(stores);
      }),
    );
  }
  return () => {
    for (const stop of stops) stop();
  };
}
