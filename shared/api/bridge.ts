import type { CallName, CallRequest, CallResult, EventName, EventPayload } from './contract';

/**
 * What the Electron preload exposes as `window.virtdesk`: one method per call (each returns a
 * CallResult, never throws across the bridge) and a subscribe function that returns its unsubscribe.
 * No ipcRenderer, no raw event objects.
 */
export type DesktopBridge = {
  readonly calls: { readonly [K in CallName]: (request: CallRequest<K>) => Promise<CallResult<K>> };
  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void;
};

/** IPC channel names, shared by main.ts and preload.ts. */
export const ipcCallChannel = (name: CallName): string => `virtdesk:call:${name}`;
export const ipcEventChannel = 'virtdesk:event';
