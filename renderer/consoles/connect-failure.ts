import type { useConsoleT } from './console-strings';
import type { ConnectFailure } from './display-client';

/**
 * How long the network part of connecting a console may take: `consoles/open` on the host, the
 * console bridge taking the WebSocket, the guest's display answering, the protocol handshake. A
 * password prompt ends it: a person may take as long as they like.
 */
export const CONNECT_TIMEOUT_MS = 20_000;

type ConsoleT = ReturnType<typeof useConsoleT>;

/** The sentence a person reads when a console could not connect. */
export function describeConnectFailure(t: ConsoleT, failure: ConnectFailure): string {
  const seconds = Math.round(CONNECT_TIMEOUT_MS / 1000);
  const { step, detail } = failure;
  if (failure.timedOut) {
    const key = {
      host: 'timeoutHost',
      bridge: 'timeoutBridge',
      display: 'timeoutDisplay',
      handshake: 'timeoutHandshake',
    } as const;
    return t(key[step], { seconds });
  }
  if (step === 'bridge') return t('bridgeRefused');
  if (step === 'display') return detail ? t('displayUnreachable', { detail }) : t('displayClosed');
  return detail || t('handshakeClosed');
}
