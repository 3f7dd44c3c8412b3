import { useEffect, useRef, useState } from 'react';
import type { RendererApi } from '../api/renderer-api';
import { toApiError } from '../api/api-error-from';
import type { GraphicsSession } from '../../shared/api/consoles';
import type { DisplayClient, DisplayStatus } from './display-client';
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
  api: RendererApi;
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
 * fresh read of the XML, since the port can change when the guest restarts).
 */
export function useGraphicsSession(input: GraphicsSessionInput) {
  const { api, hostId, uuid, running, hostConnected, screen } = input;
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
    let cancelled = false;
    let opened: GraphicsSession | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setView({ kind: 'opening' });
    api.call('consoles/open', { hostId, uuid }).then(
      (s) => {
        opened = s;
        if (cancelled) return void api.call('consoles/close', { consoleId: s.consoleId }).catch(() => {});
        setSession(s);
        if (s.unsupported)
          return setView({ kind: 'unsupported', message: s.unsupported, consoleId: s.consoleId });
        const el = screen.current;
        if (!el) return;
        const open = s.protocol === 'vnc' ? openVncDisplay : openSpiceDisplay;
        client.current = open(
          el,
          {
            url: s.url,
            tokens: s.tokens,
            password: password.current ?? s.password,
          },
          {
            onStatus: (status) => {
              if (cancelled) return;
              setView({ kind: 'display', status });
              // The guest rebooting keeps the connection; anything else that drops it: start again.
              if (status.state === 'disconnected') retry = setTimeout(() => setAttempt((n) => n + 1), 1000);
            },
            onGuestClipboard: (text) => clipboard.current(text),
          },
        );
      },
      (error: unknown) => {
        if (cancelled) return;
        setView({ kind: 'failed', message: toApiError(error).message });
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(retry);
      client.current?.disconnect();
      client.current = null;
      setSession(null);
      if (opened) void api.call('consoles/close', { consoleId: opened.consoleId }).catch(() => {});
    };
  }, [api, hostId, uuid, running, hostConnected, screen, attempt]);

  return {
    view,
    session,
    client,
    retry: () => setAttempt((n) => n + 1),
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
