import { z } from 'zod';
import { ApiErrorShape } from './errors';
import { appCalls } from './app';
import { hostCalls, hostEvents } from './hosts';
import { domainCalls, domainEvents } from './domains';
import { promptCalls, promptEvents } from './prompts';
import { prefsCalls, prefsEvents } from './prefs';
import { consoleCalls, consoleEvents } from './consoles';
import { domainStorageCalls } from './domain-storage';
import { domainEditCalls } from './domain-edit';
import { hostOverviewCalls } from './host-overview';
import { jobCalls, jobEvents } from './jobs';
import { poolCalls, poolEvents } from './pools';
import { volumeCalls } from './volumes';
import { networkCalls, networkEvents } from './networks';
import { nodeDeviceCalls, nodeDeviceEvents } from './node-devices';
import { sshConfigCalls } from './ssh-config';
// Host performance graphs (issue 10)
import { hostStatsCalls, hostStatsEvents } from './host-stats';
// issue 14: snapshots and clone
import { snapshotCalls, snapshotEvents } from './snapshots';
import { domainCloneCalls } from './domain-clone';
import { domainSaveFileCalls } from './domain-save-file';
// issue 14: migrate
import { domainMigrateCalls } from './domain-migrate';
import { wizardCalls, wizardEvents } from './wizard';
// Cloud-image method of the New VM wizard (issue 11)
import { cloudImageCalls } from './cloud-init';
// A network's XML edited with a diff before apply (issue 10)
import { networkEditCalls } from './network-edit';
// Add Hardware and Remove (issue 13)
import { domainHardwareCalls } from './domain-hardware';
// Import a VM from XML (issue 13)
import { domainImportCalls } from './domain-import';

/**
 * The one contract: every call the renderer may make, named `area/verb`, with request and response
 * schemas. The backend validates each request before acting; types are inferred, so caller and
 * handler cannot drift.
 */
export const calls = {
  ...appCalls,
  ...hostCalls,
  ...promptCalls,
  ...domainCalls,
  ...prefsCalls,
  ...sshConfigCalls,
  ...consoleCalls,
  ...jobCalls,
  ...volumeCalls,
  ...domainStorageCalls,
  ...domainEditCalls,
  ...hostOverviewCalls,
  ...poolCalls,
  ...networkCalls,
  ...nodeDeviceCalls,
  // Host performance graphs (issue 10)
  ...hostStatsCalls,
  // issue 14: snapshots and clone
  ...snapshotCalls,
  ...domainCloneCalls,
  ...domainSaveFileCalls,
  // issue 14: migrate
  ...domainMigrateCalls,
  ...wizardCalls,
  // Cloud-image method of the New VM wizard (issue 11)
  ...cloudImageCalls,
  // A network's XML edited with a diff before apply (issue 10)
  ...networkEditCalls,
  // Add Hardware and Remove (issue 13)
  ...domainHardwareCalls,
  // Import a VM from XML (issue 13)
  ...domainImportCalls,
} as const;

/** Streams the backend pushes. */
export const events = {
  ...hostEvents,
  ...domainEvents,
  ...promptEvents,
  ...consoleEvents,
  ...jobEvents,
  ...poolEvents,
  ...networkEvents,
  ...nodeDeviceEvents,
  // Host performance graphs (issue 10)
  ...hostStatsEvents,
  // issue 14: snapshots and clone
  ...snapshotEvents,
  // Preferences (issue 15)
  ...prefsEvents,
  // New VM wizard (issue 11): a kept OS list replaced
  ...wizardEvents,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallRequest<K extends CallName> = z.input<Calls[K]['request']>;
export type CallResponse<K extends CallName> = z.infer<Calls[K]['response']>;
export type ParsedRequest<K extends CallName> = z.infer<Calls[K]['request']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.infer<Events[K]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** What travels back for every call, on both transports. */
export type CallResult<K extends CallName> =
  { ok: true; response: CallResponse<K> } | { ok: false; error: z.infer<typeof ApiErrorShape> };

/** The interface the renderer programs against; Electron IPC and the WebSocket both implement it. */
export interface VirtdeskApi {
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>>;
  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void;
}

/** Messages on the serve-mode WebSocket (validated on both ends). */
export const WireClientMessage = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  request: z.unknown(),
});
export type WireClientMessage = z.infer<typeof WireClientMessage>;

export const WireServerMessage = z.union([
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(true), response: z.unknown() }),
  z.object({ type: z.literal('result'), id: z.number(), ok: z.literal(false), error: ApiErrorShape }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type WireServerMessage = z.infer<typeof WireServerMessage>;
