import { SpiceMainConn } from '@spice-project/spice-html5';
import { Constants } from '@spice-project/spice-html5/src/enums.js';
import { SpiceMiniData, SpiceMsgcKeyDown, SpiceMsgcKeyUp } from '@spice-project/spice-html5/src/spicemsg.js';
import { watchConnect } from './connect-watch';
import type { DisplayCallbacks, DisplayClient, DisplayTarget, ScaleMode } from './display-client';
import { keyDef, spiceKeyCode } from './key-combos';
import './spice-html5-fixes';

let screens = 0;

/**
 * spice-html5 in `screen`. Every SPICE channel is its own WebSocket to the console's bridge, opened
 * by spice-html5 on the main connection's URL, so all carry the session's one channel token. "Fit"
 * scales with a CSS transform, under which the client's offsetX/offsetY stay in guest pixels, so
 * the pointer is right at any zoom or devicePixelRatio.
 */
export function openSpiceDisplay(
  screen: HTMLElement,
  target: DisplayTarget,
  callbacks: DisplayCallbacks,
): DisplayClient {
  // spice-html5 sizes and fills the element it is given; give it one inside ours.
  const inner = document.createElement('div');
  inner.id = `vd-spice-screen-${++screens}`;
  inner.style.transformOrigin = '0 0';
  screen.appendChild(inner);
  const token = target.tokens[0];
  if (!token) throw new Error('no console token');
  let stopped = false;
  const report: DisplayCallbacks['onStatus'] = (status) => {
    if (!stopped) callbacks.onStatus(status);
  };
  let scale: ScaleMode = 'fit';
  const sc = new SpiceMainConn({
    uri: `${target.url}?token=${encodeURIComponent(token)}`,
    screen_id: inner.id,
    password: target.password ?? '',
    onsuccess: () => report({ state: 'connected' }),
    onerror: (error) => {
      // Before the display answered, the watch reports why the main channel closed.
      if (!watch.answered()) return;
      // spice-html5 passes the socket's error Event here as it is.
      const message = error instanceof Error ? error.message : 'WebSocket error';
      if (/password/i.test(message)) report({ state: 'password-required', wrong: true });
      else report({ state: 'disconnected', message, clean: false });
    },
  });
  const watch = watchConnect(sc.ws, report);
  const canvas = () => inner.querySelector('canvas');
  const applyScale = () => {
    const c = canvas();
    if (!c) return;
    const s = scale === 'fit' ? Math.min(screen.clientWidth / c.width, screen.clientHeight / c.height) : 1;
    inner.style.transform = s > 0 && Number.isFinite(s) && s !== 1 ? `scale(${s})` : '';
  };
  const observer = new ResizeObserver(applyScale);
  observer.observe(screen);
  const mutations = new MutationObserver(() => {
    const c = canvas();
    if (c) observer.observe(c);
    applyScale();
  });
  mutations.observe(inner, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['width', 'height'],
  });

  const send = (code: string, down: boolean) => {
    const def = keyDef(code);
    if (!def || sc.inputs?.state !== 'ready') return;
    const key = down ? new SpiceMsgcKeyDown() : new SpiceMsgcKeyUp();
    key.code = spiceKeyCode(def, down);
    const msg = new SpiceMiniData();
    msg.build_msg(
      down ? Constants['SPICE_MSGC_INPUTS_KEY_DOWN']! : Constants['SPICE_MSGC_INPUTS_KEY_UP']!,
      key,
    );
    sc.inputs.send_msg(msg);
  };
  return {
    protocol: 'spice',
    supports: { resizeGuest: false, clipboard: false },
    sendCombo(codes) {
      codes.forEach((c) => send(c, true));
      [...codes].reverse().forEach((c) => send(c, false));
    },
    setScale(mode) {
      scale = mode;
      applyScale();
    },
    sendPassword: () => {
      // spice-html5 takes the password only when connecting; the view reconnects with it.
    },
    setClipboardSharing: () => undefined,
    sendClipboard: () => undefined,
    screenshot: () =>
      new Promise((resolve, reject) => {
        const c = canvas();
        if (!c) return reject(new Error('No screen yet'));
        c.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No screen yet'))), 'image/png');
      }),
    focus: () => canvas()?.focus({ preventScroll: true }),
    blur: () => canvas()?.blur(),
    disconnect: () => {
      stopped = true;
      observer.disconnect();
      mutations.disconnect();
      sc.stop();
      inner.remove();
    },
  };
}
