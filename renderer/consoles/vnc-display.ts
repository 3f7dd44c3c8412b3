import RFB from '@novnc/novnc';
import { watchConnect } from './connect-watch';
import type { DisplayCallbacks, DisplayClient, DisplayTarget, ScaleMode } from './display-client';
import { keyDef } from './key-combos';

/**
 * noVNC in `screen`, over the console's loopback WebSocket (one single-use token). The WebSocket is
 * ours, handed to noVNC, so we see why it closed while connecting.
 */
export function openVncDisplay(
  screen: HTMLElement,
  target: DisplayTarget,
  callbacks: DisplayCallbacks,
): DisplayClient {
  const token = target.tokens[0];
  if (!token) throw new Error('no console token');
  let stopped = false;
  const report: DisplayCallbacks['onStatus'] = (status) => {
    if (!stopped) callbacks.onStatus(status);
  };
  const socket = new WebSocket(`${target.url}?token=${encodeURIComponent(token)}`, ['binary']);
  const watch = watchConnect(socket, report);
  const rfb = new RFB(screen, socket, {
    shared: true,
    ...(target.password ? { credentials: { password: target.password } } : {}),
  });
  rfb.background = 'transparent';
  rfb.scaleViewport = true;
  let sharing = false;
  let askedOnce = false;
  rfb.addEventListener('connect', () => report({ state: 'connected' }));
  rfb.addEventListener('credentialsrequired', () => {
    report({ state: 'password-required', wrong: askedOnce || Boolean(target.password) });
    askedOnce = true;
  });
  let refused = false;
  rfb.addEventListener('securityfailure', () => {
    // A wrong password: ask again (the view reconnects with the new one) instead of retrying.
    refused = true;
    report({ state: 'password-required', wrong: true });
  });
  let ended = false;
  rfb.addEventListener('disconnect', (e) => {
    ended = true;
    // Before the display answered, the watch reports why the socket closed.
    if (refused || !watch.answered()) return;
    const clean = (e as CustomEvent<{ clean: boolean }>).detail.clean;
    report({ state: 'disconnected', message: '', clean });
  });
  rfb.addEventListener('clipboard', (e) => {
    if (sharing) callbacks.onGuestClipboard((e as CustomEvent<{ text: string }>).detail.text);
  });

  const press = (code: string, down: boolean) => {
    const def = keyDef(code);
    if (def) rfb.sendKey(def.keysym, domCode(code), down);
  };
  return {
    protocol: 'vnc',
    supports: { resizeGuest: true, clipboard: true },
    sendCombo(codes) {
      codes.forEach((c) => press(c, true));
      [...codes].reverse().forEach((c) => press(c, false));
    },
    setScale(mode: ScaleMode) {
      rfb.scaleViewport = mode === 'fit';
      rfb.clipViewport = false;
      rfb.resizeSession = mode === 'resize-guest';
    },
    sendPassword: (password) => rfb.sendCredentials({ password }),
    setClipboardSharing(on) {
      sharing = on;
    },
    sendClipboard(text) {
      if (sharing) rfb.clipboardPasteFrom(text);
    },
    screenshot: () =>
      new Promise((resolve, reject) =>
        rfb.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No screen yet'))), 'image/png'),
      ),
    focus: () => rfb.focus({ preventScroll: true }),
    blur: () => rfb.blur(),
    disconnect: () => {
      stopped = true;
      if (!ended) rfb.disconnect();
      ended = true;
    },
  };
}

/** Our key codes → DOM codes noVNC maps to QEMU scancodes ("Chara" → "KeyA", "Char1" → "Digit1"). */
function domCode(code: string): string | null {
  if (!code.startsWith('Char')) return code;
  const ch = code.slice(4);
  if (/^[a-z]$/.test(ch)) return `Key${ch.toUpperCase()}`;
  if (/^[0-9]$/.test(ch)) return `Digit${ch}`;
  return null;
}
