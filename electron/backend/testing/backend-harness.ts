// Test-only: a real backend (no fakes) in temp dirs, with helpers to call it and wait for pushes.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CallName,
  CallRequest,
  CallResponse,
  EventName,
  EventPayload,
} from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { HostInput } from '../../../shared/api/hosts';
import type { PromptRequest } from '../../../shared/api/prompts';
import { createBackend, type Backend } from '../create-backend';

export type PromptPolicy = (prompt: PromptRequest) => { accepted: boolean; answers?: string[] } | undefined;

export interface Harness {
  backend: Backend;
  dataDir: string;
  homeDir: string;
  prompts: PromptRequest[];
  events: Array<{ name: EventName; payload: unknown }>;
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>>;
  waitFor<K extends EventName>(
    name: K,
    match: (p: EventPayload<K>) => boolean,
    timeoutMs?: number,
  ): Promise<EventPayload<K>>;
  setPromptPolicy(policy: PromptPolicy): void;
  dispose(): void;
}

export async function createHarness(
  options: {
    homeDir?: string;
    retryDelayMs?: number;
    sshReadyTimeoutMs?: number;
    wizardPrefetch?: boolean;
    wizardOsListCache?: boolean;
    /** Another backend's data dir (a restart of the same desktop); default: a new one. */
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'vd-int-'));
  const dataDir = options.dataDir ?? join(root, 'data');
  const homeDir = options.homeDir ?? join(root, 'home');
  mkdirSync(join(homeDir, '.ssh'), { recursive: true });
  const backend = await createBackend({
    dataDir,
    homeDir,
    agentSocket: undefined,
    log: () => undefined,
    retryDelayMs: () => options.retryDelayMs ?? 200,
    ...(options.sshReadyTimeoutMs ? { sshReadyTimeoutMs: options.sshReadyTimeoutMs } : {}),
    ...(options.wizardPrefetch === false ? { wizardPrefetch: false } : {}),
    ...(options.wizardOsListCache === false ? { wizardOsListCache: false } : {}),
  });
  const events: Harness['events'] = [];
  const prompts: PromptRequest[] = [];
  let policy: PromptPolicy = () => undefined;
  const waiters = new Set<() => void>();
  const harness: Harness = {
    backend,
    dataDir,
    homeDir,
    prompts,
    events,
    async call(name, request) {
      const result = await backend.dispatch(name, request);
      if (!result.ok) throw ApiError.fromShape(result.error);
      return result.response as never;
    },
    waitFor(name, match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const e of events) {
            if (e.name === name && match(e.payload as never)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(e.payload as never);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${name}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    setPromptPolicy(next) {
      policy = next;
    },
    dispose: () => backend.dispose(),
  };
  backend.bus.subscribe((name, payload) => {
    events.push({ name, payload });
    if (name === 'prompts/request') {
      const prompt = payload as PromptRequest;
      prompts.push(prompt);
      const reply = policy(prompt);
      if (reply) {
        setImmediate(() => void harness.call('prompts/answer', { promptId: prompt.promptId, ...reply }));
      }
    }
    for (const waiter of [...waiters]) waiter();
  });
  return harness;
}

/** Clears recorded events so the next waitFor only sees what happens from now on. */
export function clearEvents(h: Harness): void {
  h.events.splice(0);
}

interface SshTestHost {
  host: string;
  port: number;
  user: string;
  uri: string;
  privateKeyPath: string;
  hostKeySha256: string;
}

/** Adds the test host as an SSH connection (fields of the test host, overridden by `extra`). */
export async function addSshHost(
  h: Harness,
  host: SshTestHost,
  extra: Partial<HostInput> = {},
): Promise<string> {
  const view = await h.call('hosts/add', {
    transport: 'ssh',
    host: host.host,
    port: host.port,
    user: host.user,
    uri: host.uri,
    autoconnect: false,
    ...extra,
  });
  return view.config.id;
}

/** Adds the test host as an SSH connection with its key, trusts its host key, and waits until connected. */
export async function connectByKey(h: Harness, host: SshTestHost): Promise<string> {
  h.setPromptPolicy((p) =>
    p.kind === 'host-key' && p.fingerprint === host.hostKeySha256 ? { accepted: true } : undefined,
  );
  const hostId = await addSshHost(h, host, { privateKeyPath: host.privateKeyPath });
  const status = await h.call('hosts/connect', { hostId });
  if (status.state !== 'connected') throw new Error(`Could not connect: ${JSON.stringify(status.error)}`);
  return hostId;
}

/** Reads until `ok` holds or the (bounded) time is up; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
