import type { Handlers } from '../api/dispatch';
import type { ConsoleManager } from './console-manager';

type ConsoleCall = Extract<keyof Handlers, `consoles/${string}`>;

/** The consoles/* calls → ConsoleManager. Requests arrive already validated. */
export function consoleHandlers(consoles: ConsoleManager): Pick<Handlers, ConsoleCall> {
  return {
    'consoles/open': ({ hostId, uuid }) => consoles.openGraphics(hostId, uuid),
    'consoles/tokens': async ({ consoleId, count }) => ({ tokens: consoles.tokens(consoleId, count) }),
    'consoles/close': async ({ consoleId }) => {
      await consoles.close(consoleId);
      return {};
    },
    'consoles/remember-password': async ({ hostId, uuid, password }) => {
      await consoles.rememberPassword(hostId, uuid, password);
      return {};
    },
    'consoles/launch-viewer': async ({ consoleId }) => ({ message: await consoles.launchViewer(consoleId) }),
    'consoles/serial-devices': ({ hostId, uuid }) => consoles.serialDevices(hostId, uuid),
    'consoles/serial-open': ({ hostId, uuid, device, rows, cols }) =>
      consoles.openSerial(hostId, uuid, { rows, cols }, device),
    'consoles/serial-input': async ({ consoleId, data }) => {
      consoles.serialInput(consoleId, data);
      return {};
    },
    'consoles/serial-ack': async ({ consoleId, seq }) => {
      consoles.serialAck(consoleId, seq);
      return {};
    },
    'consoles/serial-resize': async ({ consoleId, rows, cols }) => {
      consoles.serialResize(consoleId, rows, cols);
      return {};
    },
  };
}
