import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The console views' strings (merged into the app's i18n resources under `consoles.`). */
export const consoleStrings = {
  en: {
    window: 'Virtual machine {{name}}',
    pages: 'Pages',
    console: 'Console',
    serial: 'Serial console',
    close: 'Close {{name}}',
    detach: 'Open in new window',
    notRunning: 'Guest is not running',
    run: 'Run',
    hostLost: 'The connection to the host was lost. Reconnecting…',
    connecting: 'Connecting to the console…',
    disconnected: 'The console disconnected. Reconnecting…',
    failed: 'The console cannot be shown: {{message}}',
    timeoutHost: 'the host did not answer within {{seconds}} s.',
    timeoutBridge: 'VirtDesk’s console bridge did not accept the connection within {{seconds}} s.',
    timeoutDisplay: 'the guest’s display did not answer within {{seconds}} s.',
    timeoutHandshake: 'the guest’s display answered but did not finish connecting within {{seconds}} s.',
    bridgeRefused: 'VirtDesk’s console bridge refused the connection.',
    displayUnreachable: 'the guest’s display cannot be reached. {{detail}}',
    displayClosed: 'the connection closed before the guest’s display answered.',
    handshakeClosed: 'the guest’s display closed the connection while connecting.',
    passwordCancelled: 'no password was given.',
    retry: 'Try again',
    viewer: 'Open in remote-viewer',
    passwordTitle: 'Console password',
    passwordWrong: 'The password was not accepted. Try again.',
    password: 'Password',
    remember: 'Remember this password',
    connect: 'Connect',
    cancel: 'Cancel',
    sendKey: 'Send key',
    sendKeyMenu: 'Keys to send',
    custom: 'Custom combination…',
    customTitle: 'Send a key combination',
    combo: 'Keys (for example Ctrl+Alt+F7)',
    comboInvalid: 'Unknown key in “{{combo}}”',
    send: 'Send',
    scaling: 'Scaling',
    scaleFit: 'Fit to window',
    scaleNative: '1:1',
    scaleResize: 'Resize guest to window',
    fullscreen: 'Fullscreen',
    screenshot: 'Screenshot',
    typeText: 'Type clipboard text',
    typeTitle: 'Type text into the guest',
    typeLabel: 'Text to type as keystrokes',
    type: 'Type',
    clipboard: 'Share clipboard',
    clipboardUnsupported: 'This console cannot share the clipboard',
    grabHint: 'Keyboard grabbed by the guest. Press Ctrl+Alt to release.',
    screen: 'Screen of {{name}}',
    device: 'Device',
    terminal: 'Serial terminal of {{name}}',
    reconnect: 'Reconnect',
    disconnect: 'Disconnect',
    serialEnded: 'The serial console ended: {{message}}',
    noSerial: 'This VM has no serial port or text console',
    openConsole: 'Open console',
  },
};

let registered = new WeakSet<object>();

/** `t` for console strings; registers them with the app's i18n instance on first use. */
export function useConsoleT(): (
  key: keyof (typeof consoleStrings)['en'],
  values?: Record<string, unknown>,
) => string {
  const { t, i18n } = useTranslation();
  if (!registered.has(i18n)) {
    i18n.addResourceBundle('en', 'translation', { consoles: consoleStrings.en }, true, false);
    registered.add(i18n);
  }
  return useCallback((key, values) => t(`consoles.${key}`, values ?? {}), [t]);
}

/** Tests build a fresh i18n per test. */
export function resetConsoleStrings(): void {
  registered = new WeakSet();
}
