import type { CloudImageBase } from '../../shared/api/cloud-init';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { DiskSource, HostCapabilities, NewVmPlan, OsDetails, OsEntry } from '../../shared/api/wizard';
import type { HostsStore } from '../stores/hosts-store';

export type CapabilitiesQuery = {
  arch?: string | undefined;
  virtType?: string | undefined;
  machine?: string | undefined;
};

export type OsList = { entries: OsEntry[]; message?: string };

/**
 * Every call the New VM wizard makes, built once with the stores (components read stores and use
 * these; they never hold the API). What does not change while a host stays connected — its
 * capabilities per query, the OS list, an OS's details, the seed tool — is asked once per connection
 * and kept here until the host leaves "connected" (the backend reads it again after a reconnect).
 */
export function createWizardCalls(api: VirtdeskApi, hosts: HostsStore) {
  const perHost = new Map<string, Map<string, Promise<unknown>>>();
  hosts.subscribe((next) => {
    for (const hostId of [...perHost.keys()])
      if (next.byId[hostId]?.status.state !== 'connected') perHost.delete(hostId);
  });
  /** One answer per (host, key) while the host stays connected; a failure is not kept. */
  const once = <T>(hostId: string, key: string, read: () => Promise<T>): Promise<T> => {
    let map = perHost.get(hostId);
    if (!map) perHost.set(hostId, (map = new Map()));
    const known = map.get(key) as Promise<T> | undefined;
    if (known) return known;
    const reading = read();
    map.set(key, reading);
    reading.catch(() => {
      if (perHost.get(hostId)?.get(key) === reading) perHost.get(hostId)?.delete(key);
    });
    return reading;
  };
  // A kept OS list turned out stale at connect: the host's new list replaces it (issue 11).
  const osListWatchers = new Set<(hostId: string) => void>();
  api.on('wizard/os-list-changed', ({ hostId, ...list }) => {
    if (!perHost.has(hostId)) return;
    perHost.get(hostId)!.set('os-list', Promise.resolve(list));
    for (const watcher of osListWatchers) watcher(hostId);
  });
  return {
    capabilities: (hostId: string, query: CapabilitiesQuery = {}): Promise<HostCapabilities> => {
      const defined = Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
      ) as CapabilitiesQuery;
      return once(hostId, `caps ${JSON.stringify(defined)}`, () =>
        api.call('hosts/capabilities', { hostId, ...defined }),
      );
    },
    osList: (hostId: string): Promise<OsList> =>
      once(hostId, 'os-list', () => api.call('wizard/os-list', { hostId })),
    osDetails: (hostId: string, osId: string, arch: string | undefined): Promise<OsDetails> =>
      once(hostId, `os ${arch ?? ''} ${osId}`, () =>
        api.call('wizard/os-details', { hostId, osId, ...(arch ? { arch } : {}) }),
      ),
    /** Calls `changed` when a host's OS list was replaced by a newer one; returns the unsubscribe. */
    watchOsList: (changed: (hostId: string) => void): (() => void) => {
      osListWatchers.add(changed);
      return () => osListWatchers.delete(changed);
    },
    seedTool: (hostId: string) =>
      once(hostId, 'seed-tool', () => api.call('cloud-image/seed-tool', { hostId })),
    /** Reads the host's first data for the wizard (a wizard about to open; errors show when it does). */
    prefetch(hostId: string): void {
      this.capabilities(hostId).catch(() => undefined);
      this.osList(hostId).catch(() => undefined);
    },
    // Asked every time: the answer depends on the host's files at that moment.
    detectOs: (hostId: string, path: string) => api.call('wizard/os-detect', { hostId, path }),
    checkMedia: (hostId: string, source: DiskSource) => api.call('wizard/check-media', { hostId, source }),
    checkUrl: (hostId: string, url: string) => api.call('wizard/check-url', { hostId, url }),
    inspectBase: (hostId: string, base: CloudImageBase) =>
      api.call('cloud-image/inspect-base', { hostId, base }),
    preview: (hostId: string, plan: NewVmPlan) => api.call('wizard/preview', { hostId, plan }),
    create: (hostId: string, plan: NewVmPlan) => api.call('wizard/create', { hostId, plan }),
    beginInstall: (hostId: string, uuid: string) => api.call('wizard/begin-install', { hostId, uuid }),
    cancelInstall: (hostId: string, uuid: string) => api.call('wizard/cancel-install', { hostId, uuid }),
    /** Is the VM waiting for its installation (the record in its definition)? Asked every time. */
    pendingInstall: (hostId: string, uuid: string) => api.call('wizard/pending-install', { hostId, uuid }),
  };
}

export type WizardCalls = ReturnType<typeof createWizardCalls>;
