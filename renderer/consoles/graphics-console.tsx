import { useEffect, useRef, useState } from 'react';
import { useStoreState, useStores } from '../common/stores-context';
import { ConsoleToolbar } from './console-toolbar';
import { useConsoleT } from './console-strings';
import { PasswordDialog } from './password-dialog';
import { useClipboardSharing } from './use-clipboard-sharing';
import { useGraphicsSession } from './use-graphics-session';
import { useKeyboardGrab } from './use-keyboard-grab';

export interface GraphicsConsoleProps {
  hostId: string;
  uuid: string;
  name: string;
  running: boolean;
  hostConnected: boolean;
  onRun: () => void;
}

/** The Console page of a VM window: the guest's screen (VNC or SPICE), its toolbar and states. */
export function GraphicsConsole(props: GraphicsConsoleProps) {
  const t = useConsoleT();
  const { consoleCalls } = useStores();
  const screen = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const consolePrefs = useStoreState('prefs', (state) => state.prefs.console); // issue 15
  const [clipboardOn, setClipboardOn] = useClipboardSharing(props.hostId, props.uuid, consolePrefs.clipboard);
  const { view, session, client, retry, submitPassword, cancelPassword } = useGraphicsSession({
    calls: consoleCalls,
    hostId: props.hostId,
    uuid: props.uuid,
    running: props.running,
    hostConnected: props.hostConnected,
    screen,
    onGuestClipboard: (text) => {
      if (clipboardOn) void navigator.clipboard?.writeText(text).catch(() => undefined);
    },
  });
  const grabbed = useKeyboardGrab(screen, () => client.current?.blur(), consolePrefs.grabKeys);
  const [viewerMessage, setViewerMessage] = useState('');

  const connected = view.kind === 'display' && view.status.state === 'connected';
  // Each new connection starts with this VM's clipboard switch.
  useEffect(() => {
    if (connected) client.current?.setClipboardSharing(clipboardOn);
  }, [connected, clipboardOn, client]);
  let overlay: React.ReactNode = null;
  if (view.kind === 'not-running')
    overlay = (
      <div className="console-overlay" role="status">
        <p>{t('notRunning')}</p>
        <button type="button" onClick={props.onRun}>
          {t('run')}
        </button>
      </div>
    );
  else if (view.kind === 'host-lost') overlay = <Notice text={t('hostLost')} />;
  else if (view.kind === 'opening' || (view.kind === 'display' && view.status.state === 'connecting'))
    overlay = <Notice text={t('connecting')} />;
  else if (view.kind === 'display' && view.status.state === 'disconnected')
    overlay = <Notice text={t('disconnected')} />;
  else if (view.kind === 'failed' || view.kind === 'unsupported') {
    const consoleId = view.kind === 'unsupported' ? view.consoleId : undefined;
    overlay = (
      <div className="console-overlay" role="alert">
        <p>{t('failed', { message: view.message })}</p>
        {consoleId ? (
          <button
            type="button"
            onClick={() =>
              void consoleCalls.launchViewer(consoleId).then(
                (r) => setViewerMessage(r.message),
                (e: Error) => setViewerMessage(e.message),
              )
            }
          >
            {t('viewer')}
          </button>
        ) : (
          <button type="button" onClick={retry}>
            {t('retry')}
          </button>
        )}
        {viewerMessage && <p role="status">{viewerMessage}</p>}
      </div>
    );
  }

  return (
    <div className="graphics-console" ref={frame}>
      <ConsoleToolbar
        client={client}
        enabled={connected}
        frame={frame}
        name={props.name}
        clipboard={{ on: clipboardOn, set: setClipboardOn }}
        preferred={consolePrefs}
      />
      <div className="console-stage">
        {/* Floats over the screen: showing it must not move the canvas under the pointer. */}
        {grabbed && connected && (
          <p className="grab-hint" role="status">
            {t('grabHint', { keys: consolePrefs.grabKeys })}
          </p>
        )}
        <div
          className="console-screen"
          ref={screen}
          role="img"
          aria-label={t('screen', { name: props.name })}
          data-protocol={session?.protocol}
          data-connected={connected ? 'true' : 'false'}
          onFocus={() => {
            if (clipboardOn)
              void navigator.clipboard?.readText().then(
                (text) => client.current?.sendClipboard(text),
                () => undefined,
              );
          }}
        />
        {overlay}
      </div>
      {view.kind === 'display' && view.status.state === 'password-required' && (
        <PasswordDialog
          wrong={view.status.wrong}
          onCancel={cancelPassword}
          onSubmit={(password, remember) => {
            submitPassword(password);
            if (remember) consoleCalls.rememberPassword(props.hostId, props.uuid, password);
          }}
        />
      )}
    </div>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <div className="console-overlay" role="status">
      <p>{text}</p>
    </div>
  );
}
