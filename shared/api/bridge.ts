import type { CallName, CallRequest, CallResult, EventName, EventPayload } from './contract';

/**
 * What the Electron preload exposes as `window.virtdesk`: one method per call (each returns a
 * CallResult, never throws across the bridge) and a subscribe function that returns its unsubscribe.
 * No ipcRenderer, no raw event objects.
 */
export type DesktopBridge = {
  readonly calls: { readonly [K in CallName]: (request: CallRequest<K>) => Promise<CallResult<K>> };
  on<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): () => void;
  /** Local files for upload and download (the desktop app reads and writes them in the backend). */
  readonly files: {
    /** The local path of a File the user picked or dropped (Electron's webUtils.getPathForFile). */
    pathForFile(file: object): string;
    /** Asks where to save a download; undefined when the user cancels. */
    chooseSavePath(suggestedName: string): Promise<string | undefined>;
  };
};

/** IPC channel names, shared by main.ts and preload.ts. */
export const ipcCallChannel = (name: CallName): string => `virtdesk:call:${name}`;
export const ipcEventChannel = 'virtdesk:event';
export const ipcSavePathChannel = 'virtdesk:save-path';
