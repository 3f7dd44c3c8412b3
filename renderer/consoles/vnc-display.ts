import RFB from '@novnc/novnc';
import type { DisplayCallbacks, DisplayClient, DisplayTarget, ScaleMode } from './display-client';
import { keyDef } from './key-combos';

/** noVNC in `screen`, over the console's loopback WebSocket (one single-use token). */
export function openVncDisplay(
  screen: HTMLElement,
  target: DisplayTarget,
  callbacks: DisplayCallbacks,
): DisplayClient {
  const token = target.tokens[0];
  if (!token) throw new Error('no console token');
  const rfb = new RFB(screen, `${target.url}?token=${encodeURIComponent(token)}`, {
    shared: true,
    wsProtocols: ['binary'],
    ...(target.password ? { credentials: { password: target.password } } : {}),
  });
  rfb.background = 'transparent';
  rfb.scaleViewport = true;
  let sharing = false;
  let askedOnce = false;
  callbacks.onStatus({ state: 'connecting' });
  rfb.addEventListener('connect', () => callbacks.onStatus({ state: 'connected' }));
  rfb.addEventListener('credentialsrequired', () => {
    callbacks.onStatus({ state: 'password-required', wrong: askedOnce || Boolean(target.password) });
    askedOnce = true;
  });
  let refused = false;
  rfb.addEventListener('securityfailure', () => {
    // A wrong password: ask again (the view reconnects with the new one) instead of retrying.
    refused = true;
    callbacks.onStatus({ state: 'password-required', wrong: true });
  });
  let ended = false;
  rfb.addEventListener('disconnect', (e) => {
    ended = true;
    if (refused) return;
    const clean = (e as CustomEvent<{ clean: boolean }>).detail.clean;
    callbacks.onStatus({ state: 'disconnected', message: '', clean });
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
