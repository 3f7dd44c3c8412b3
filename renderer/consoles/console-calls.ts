import type { VirtdeskApi } from '../../shared/api/contract';
import type { ConsoleClosed, SerialData } from '../../shared/api/consoles';

/**
 * Every call the console pages make, built once with the stores: components read stores and use
 * these; they never hold the API themselves. Calls whose answer nobody waits for (input, resize,
 * acknowledgements, closing) drop their errors here: a console that is gone cannot take input, and
 * the page already shows why from `consoles/closed` or the connection state.
 */
export function createConsoleCalls(api: VirtdeskApi) {
  const quietly = (call: Promise<unknown>) => void call.catch(() => undefined);
  return {
    openGraphics: (hostId: string, uuid: string) => api.call('consoles/open', { hostId, uuid }),
    close: (consoleId: string) => quietly(api.call('consoles/close', { consoleId })),
    launchViewer: (consoleId: string) => api.call('consoles/launch-viewer', { consoleId }),
    rememberPassword: (hostId: string, uuid: string, password: string) =>
      quietly(api.call('consoles/remember-password', { hostId, uuid, password })),
    serialDevices: (hostId: string, uuid: string) => api.call('consoles/serial-devices', { hostId, uuid }),
    openSerial: (request: { hostId: string; uuid: string; device: string; rows: number; cols: number }) =>
      api.call('consoles/serial-open', request),
    serialInput: (consoleId: string, data: string) =>
      quietly(api.call('consoles/serial-input', { consoleId, data })),
    serialResize: (consoleId: string, rows: number, cols: number) =>
      quietly(api.call('consoles/serial-resize', { consoleId, rows, cols })),
    serialAck: (chunk: SerialData) =>
      quietly(api.call('consoles/serial-ack', { consoleId: chunk.consoleId, seq: chunk.seq })),
    onSerialData: (listener: (chunk: SerialData) => void) => api.on('consoles/serial-data', listener),
    onClosed: (listener: (closed: ConsoleClosed) => void) => api.on('consoles/closed', listener),
  };
}

export type ConsoleCalls = ReturnType<typeof createConsoleCalls>;
