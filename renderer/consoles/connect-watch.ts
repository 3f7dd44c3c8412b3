import type { DisplayStatus } from './display-client';

/**
 * Follows the network steps of a console's (main) WebSocket: `open` means the console bridge took
 * it, the first message that the guest's display answered. A close before the display answered is
 * a failure, with the reason the bridge put in the close frame (why the channel to the display
 * failed), or a refusal when the socket never opened (a browser tells nothing more about a refused
 * upgrade). Once the display has answered, the protocol client reports what happens.
 */
export function watchConnect(
  socket: EventTarget,
  report: (status: DisplayStatus) => void,
): { answered: () => boolean } {
  let opened = false;
  let answered = false;
  report({ state: 'connecting', step: 'bridge' });
  socket.addEventListener(
    'open',
    () => {
      opened = true;
      report({ state: 'connecting', step: 'display' });
    },
    { once: true },
  );
  socket.addEventListener(
    'message',
    () => {
      answered = true;
      report({ state: 'connecting', step: 'handshake' });
    },
    { once: true },
  );
  socket.addEventListener(
    'close',
    (event) => {
      if (answered) return;
      const { reason } = event as CloseEvent;
      report({
        state: 'failed',
        failure: { step: opened ? 'display' : 'bridge', timedOut: false, detail: reason ?? '' },
      });
    },
    { once: true },
  );
  return { answered: () => answered };
}
