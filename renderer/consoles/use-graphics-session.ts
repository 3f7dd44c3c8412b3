import { useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/api-error-from';
import type { GraphicsSession } from '../../shared/api/consoles';
import { CONNECT_TIMEOUT_MS, describeConnectFailure } from './connect-failure';
import type { ConsoleCalls } from './console-calls';
import { useConsoleT } from './console-strings';
import type { ConnectFailure, ConnectStep, DisplayClient, DisplayStatus } from './display-client';
import { openSpiceDisplay } from './spice-display';
import { openVncDisplay } from './vnc-display';

export type ConsoleView =
  | { kind: 'not-running' }
  | { kind: 'host-lost' }
  | { kind: 'opening' }
  | { kind: 'unsupported'; message: string; consoleId: string }
  | { kind: 'failed'; message: string }
  | { kind: 'display'; status: DisplayStatus };

export interface GraphicsSessionInput {
  calls: ConsoleCalls;
  hostId: string;
  uuid: string;
  running: boolean;
  hostConnected: boolean;
  screen: React.RefObject<HTMLDivElement | null>;
  onGuestClipboard: (text: string) => void;
}

/**
 * The life of one graphical console: opens it when the guest runs and the host is connected,
 * follows guest stops and starts and connection drops, and reconnects by itself (new tokens, and a
 * fresh read of the XML, since the port can change when the guest restarts). A connection that
 * does not come up says why and stays down until "Try again": refused, unreachable, or not done
 * within CONNECT_TIMEOUT_MS (counted until the session is up or a password is asked for).
 */
export function useGraphicsSession(input: GraphicsSessionInput) {
  const { calls, hostId, uuid, running, hostConnected, screen } = input;
  // A language switch must not reconnect the console: the effect reads the current `t` when needed.
  const translate = useConsoleT();
  const t = useRef(translate);
  t.current = translate;
  const [view, setView] = useState<ConsoleView>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<GraphicsSession | null>(null);
  const client = useRef<DisplayClient | null>(null);
  const clipboard = useRef(input.onGuestClipboard);
  clipboard.current = input.onGuestClipboard;
  const password = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!hostConnected) return setView({ kind: 'host-lost' });
    if (!running) return setView({ kind: 'not-running' });
    // `cancelled`: this attempt is over (cleaned up or failed); nothing it still reports counts.
    let cancelled = false;
    let opened: GraphicsSession | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let step: ConnectStep = 'host';
    let connected = false;
    const closeConsole = () => {
      client.current?.disconnect();
      client.current = null;
      if (opened) calls.close(opened.consoleId);
      opened = undefined;
    };
    const fail = (failure: ConnectFailure) => {
      if (cancelled) return;
      cancelled = true;
      clearTimeout(deadline);
      closeConsole();
      setView({ kind: 'failed', message: describeConnectFailure(t.current, failure) });
    };
    const deadline = setTimeout(() => fail({ step, timedOut: true, detail: '' }), CONNECT_TIMEOUT_MS);
    const onStatus = (status: DisplayStatus) => {
      if (cancelled) return;
      if (status.state === 'failed') return fail(status.failure);
      if (status.state === 'connecting') step = status.step;
      else clearTimeout(deadline);
      if (status.state === 'disconnected' && !connected)
        return fail({ step: 'handshake', timedOut: false, detail: status.message });
      if (status.state === 'connected') connected = true;
      setView({ kind: 'display', status });
      // The guest rebooting keeps the connection; anything else that drops it: start again.
      if (status.state === 'disconnected') retry = setTimeout(() => setAttempt((n) => n + 1), 1000);
    };
    setView({ kind: 'opening' });
    calls.openGraphics(hostId, uuid).then(
      (s) => {
        opened = s;
        if (cancelled) return closeConsole();
        setSession(s);
        if (s.unsupported) {
          clearTimeout(deadline);
          return setView({ kind: 'unsupported', message: s.unsupported, consoleId: s.consoleId });
        }
        const el = screen.current;
        if (!el) return;
        const open = s.protocol === 'vnc' ? openVncDisplay : openSpiceDisplay;
        const target = { url: s.url, tokens: s.tokens, password: password.current ?? s.password };
        try {
          client.current = open(el, target, {
            onStatus,
            onGuestClipboard: (text) => clipboard.current(text),
          });
        } catch (error) {
          fail({ step: 'handshake', timedOut: false, detail: toApiError(error).message });
        }
      },
      (error: unknown) => {
        if (cancelled) return;
        cancelled = true;
        clearTimeout(deadline);
        setView({ kind: 'failed', message: toApiError(error).message });
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(deadline);
      clearTimeout(retry);
      closeConsole();
      setSession(null);
    };
  }, [calls, hostId, uuid, running, hostConnected, screen, attempt]);

  return {
    view,
    session,
    client,
    retry: () => setAttempt((n) => n + 1),
    /** The person closed the password dialog: stop here and say so (Try again asks anew). */
    cancelPassword() {
      client.current?.disconnect();
      setView({ kind: 'failed', message: t.current('passwordCancelled') });
    },
    /** A password typed by the user: VNC takes it on the open connection, SPICE reconnects with it. */
    submitPassword(value: string) {
      password.current = value;
      const waiting =
        view.kind === 'display' && view.status.state === 'password-required' && !view.status.wrong;
      if (waiting && client.current?.protocol === 'vnc') client.current.sendPassword(value);
      else setAttempt((n) => n + 1);
    },
  };
}
