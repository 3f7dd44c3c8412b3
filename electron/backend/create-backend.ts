import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createDispatch, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { EventBus } from './events/event-bus';
import { HostManager, ConnectionsFile } from './hosts/host-manager';
import { KnownHosts } from './transport/known-hosts';
import { createSshConfigPreview } from './transport/ssh-config/config-preview';
import { JobManager } from './jobs/job-manager';
import { JsonFile } from './prefs/json-file';
import { PrefsService } from './prefs/prefs-service';
import { PromptBroker } from './prompts/prompt-broker';
import { ConsoleManager } from './consoles/console-manager';
import { SecretStore, type PersistentSecrets } from './secrets/secret-store';
import { OrphanVolumes } from './storage/volumes/orphan-volumes';
import { TransferTickets } from './storage/volumes/transfer-tickets';
import { VolumeOps } from './storage/volumes/volume-ops';
import { OsListCache } from './wizard/os-list-cache';
import { tuneGarbageCollection } from './runtime/garbage-collection';

export interface BackendOptions {
  /** Where connections, preferences and VirtDesk's own known_hosts live. */
  dataDir: string;
  /** Whose ~/.ssh (config, keys, known_hosts) to use. */
  homeDir?: string;
  agentSocket?: string | undefined;
  version?: string;
  log?: (message: string) => void;
  retryDelayMs?: (attempt: number) => number;
  /** How long the network may stay silent while connecting (default 20 s; a person's time never counts). */
  sshReadyTimeoutMs?: number;
  /** Where remembered secrets go (desktop: safeStorage from main.ts); default: memory only. */
  persistentSecrets?: PersistentSecrets;
  /** Origins allowed on console WebSockets besides those added later with allowConsoleOrigins. */
  consoleOrigins?: string[];
  /** Read the New VM wizard's first data after each connect (default true; off for a benchmark's baseline). */
  wizardPrefetch?: boolean;
  /** Keep the wizard's OS lists in the data dir across connections and restarts (default true). */
  wizardOsListCache?: boolean;
  /** The operating system's locales, best first (desktop: `osLocales(app)`); serve mode: none (the browser's). */
  locales?: readonly string[];
}

export interface Backend {
  dispatch: Dispatch;
  bus: EventBus;
  consoles: ConsoleManager;
  /** One-time ids of serve mode's upload/download URLs (issued by volumes/upload and volumes/download). */
  transfers: TransferTickets;
  /** The renderer's origin(s), known to serve mode only once it listens. */
  allowConsoleOrigins(origins: Iterable<string>): void;
  dispose(): void;
}

/** The composition root: every service is built here and handed its dependencies. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  tuneGarbageCollection();
  const log = options.log ?? ((m: string) => console.error(`[virtdesk] ${m}`));
  const homeDir = options.homeDir ?? homedir();
  const bus = new EventBus();
  const prompts = new PromptBroker(bus);
  const jobs = new JobManager(bus);
  // VirtDesk's own file; each connection adds its UserKnownHostsFile list (default ~/.ssh/known_hosts) read-only.
  const knownHosts = new KnownHosts([{ path: join(options.dataDir, 'known_hosts'), writable: true }]);
  // Preferences (issue 15): a damaged prefs.json is set aside and reported; connections are separate.
  const prefs = await PrefsService.load(options.dataDir, bus);
  // One secret store: SSH secrets for the session, console passwords remembered (persistent tier).
  const secrets = new SecretStore(options.persistentSecrets);
  const hosts = new HostManager(
    new JsonFile(join(options.dataDir, 'connections.json'), ConnectionsFile, () => ({
      version: 1 as const,
      hosts: [],
    })),
    {
      bus,
      prompts,
      knownHosts,
      secrets,
      homeDir,
      agentSocket: options.agentSocket,
      prefs: () => prefs.get(),
      jobs,
      ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
      ...(options.sshReadyTimeoutMs ? { readyTimeoutMs: options.sshReadyTimeoutMs } : {}),
      ...(options.wizardPrefetch === false ? { wizardPrefetch: false } : {}),
      // issue 11: the OS list kept on the desktop (checked against the host's osinfo-db at connect)
      ...(options.wizardOsListCache === false
        ? {}
        : { osListCache: new OsListCache(join(options.dataDir, 'os-lists')) }),
    },
  );
  const consoleOrigins = new Set(options.consoleOrigins ?? []);
  const consoles = new ConsoleManager({
    session: (hostId) => hosts.session(hostId),
    bus,
    secrets,
    allowedOrigin: (origin) => origin !== undefined && consoleOrigins.has(origin),
  });
  const tickets = new TransferTickets();
  const orphans = new OrphanVolumes(bus, (hostId) => hosts.session(hostId), jobs);
  const loaded = await hosts.load();
  const warnings = [loaded.warning].filter((w): w is string => Boolean(w));
  [prefs.warning, ...warnings].forEach((w) => w && log(w));
  const handlers = createHandlers({
    bus, // issue 14: snapshots and clone
    hosts,
    prompts,
    consoles,
    jobs,
    sshConfig: createSshConfigPreview({ homeDir, agentSocket: options.agentSocket }),
    volumes: { ops: new VolumeOps(jobs), transfers: { jobs, tickets, orphans } },
    info: () => ({
      version: options.version ?? '0.1.0',
      firstRun: !loaded.existed && hosts.list().length === 0,
      localVirsh: onPath('virsh'),
      dataDir: options.dataDir,
      warnings,
      ...(prefs.reset ? { prefsReset: prefs.reset } : {}),
      ...(options.locales?.length ? { locales: [...options.locales] } : {}),
    }),
    prefs,
  });
  return {
    dispatch: createDispatch(handlers, log),
    bus,
    consoles,
    transfers: tickets,
    allowConsoleOrigins: (origins) => {
      for (const origin of origins) consoleOrigins.add(origin);
    },
    dispose: () => {
      jobs.dispose();
      tickets.dispose();
      orphans.dispose();
      consoles.dispose();
      hosts.dispose();
    },
  };
}

function onPath(program: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
}
