/**
 * The desktop shell: one window, the backend wired to IPC. Only this file and preload.ts import
 * 'electron'; everything else is plain Node under backend/ (also served by serve.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { ipcCallChannel, ipcEventChannel, ipcSavePathChannel } from '../shared/api/bridge';
import { CALL_NAMES } from '../shared/api/call-names';
import { createBackend, type Backend } from './backend/create-backend';
import { contentSecurityPolicy } from './content-security-policy';
import { osLocales } from './os-locales';
import { SealedFileSecrets } from './backend/secrets/sealed-file-secrets';
import { safeStorageSealer } from './safe-storage-secrets';

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function rendererUrl(): string {
  return process.env['ELECTRON_RENDERER_URL'] ?? `file://${join(__dirname, '../renderer/index.html')}`;
}

const rendererBase = (): string => rendererUrl().replace(/index\.html$/, '');

/** The main window and detached VM windows: the only pages allowed to call the backend. */
const appWindows = new Set<BrowserWindow>();

const SECURE_PREFERENCES = {
  preload: join(__dirname, '../preload/preload.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

/** Every IPC message must come from the top frame of one of our windows, showing our renderer. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  const window = BrowserWindow.fromWebContents(event.sender);
  return Boolean(
    window &&
    appWindows.has(window) &&
    frame &&
    frame === event.sender.mainFrame &&
    frame.url.startsWith(rendererBase()),
  );
}

function track(window: BrowserWindow): void {
  appWindows.add(window);
  window.on('closed', () => appWindows.delete(window));
}

function registerIpc(b: Backend): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcCallChannel(name), (event, request: unknown) => {
      if (!trustedSender(event))
        return { ok: false, error: { code: 'invalid-request', message: 'Untrusted sender' } };
      return b.dispatch(name, request);
    });
  }
  // Where a volume download goes: the native save dialog; the backend writes the file itself.
  ipcMain.handle(ipcSavePathChannel, async (event, name: unknown) => {
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!trustedSender(event) || !window) return undefined;
    const defaultPath = typeof name === 'string' ? name.replace(/[/\\]/g, '_').slice(0, 255) : undefined;
    const choice = await dialog.showSaveDialog(window, defaultPath ? { defaultPath } : {});
    return choice.canceled ? undefined : choice.filePath;
  });
  b.bus.subscribe((name, payload) => {
    for (const window of appWindows) window.webContents.send(ipcEventChannel, { name, payload });
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1200,
    height: 780,
    title: 'VirtDesk',
    webPreferences: SECURE_PREFERENCES,
  });
  track(mainWindow);
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(rendererUrl());
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A detached VM window is our own page again, with the same locked-down preferences.
    if (url.startsWith(`${rendererUrl()}?`)) {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: { width: 1024, height: 800, webPreferences: SECURE_PREFERENCES },
      };
    }
    // The one allow-listed opener: documentation links go to the system browser; nothing else opens.
    if (/^https:\/\/(libvirt\.org|www\.qemu\.org)\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('did-create-window', (window) => track(window));
});

// Tests and portable installs point VirtDesk at another data directory.
if (process.env['VIRTDESK_DATA_DIR']) app.setPath('userData', process.env['VIRTDESK_DATA_DIR']);

app.whenReady().then(async () => {
  const csp = contentSecurityPolicy(process.env['ELECTRON_RENDERER_URL']);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  backend = await createBackend({
    dataDir: app.getPath('userData'),
    agentSocket: process.env['SSH_AUTH_SOCK'],
    version: app.getVersion(),
    // The UI's language follows the OS unless Preferences choose one (issue 15).
    locales: osLocales(app),
    persistentSecrets: new SealedFileSecrets(
      join(app.getPath('userData'), 'secrets.json'),
      safeStorageSealer,
    ),
    // Console WebSockets accept the renderer's own origin only (file:// pages send "file://").
    consoleOrigins: [
      'file://',
      ...(process.env['ELECTRON_RENDERER_URL'] ? [new URL(process.env['ELECTRON_RENDERER_URL']).origin] : []),
    ],
  });
  registerIpc(backend);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  backend?.dispose();
  if (process.platform !== 'darwin') app.quit();
});
