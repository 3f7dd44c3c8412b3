/**
 * The only bridge between the sandboxed renderer and the main process: `window.virtdesk`, one
 * method per contract call plus `on()` for pushed events. No ipcRenderer, no raw IPC events.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  ipcCallChannel,
  ipcEventChannel,
  ipcSavePathChannel,
  type DesktopBridge,
} from '../shared/api/bridge';
import { CALL_NAMES, EVENT_NAMES } from '../shared/api/call-names';

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (request: unknown) => ipcRenderer.invoke(ipcCallChannel(name), request)]),
) as DesktopBridge['calls'];

const bridge: DesktopBridge = {
  calls,
  on(name, handler) {
    if (!(EVENT_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown event ${name}`);
    const listener = (_event: IpcRendererEvent, message: { name: string; payload: unknown }) => {
      if (message.name === name) handler(message.payload as never);
    };
    ipcRenderer.on(ipcEventChannel, listener);
    return () => ipcRenderer.removeListener(ipcEventChannel, listener);
  },
  files: {
    pathForFile: (file) => webUtils.getPathForFile(file as File),
    chooseSavePath: (name) =>
      ipcRenderer.invoke(ipcSavePathChannel, String(name)) as Promise<string | undefined>,
  },
};

contextBridge.exposeInMainWorld('virtdesk', bridge);
