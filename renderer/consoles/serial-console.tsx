import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { SerialData, SerialDevice } from '../../shared/api/consoles';
import { toApiError } from '../api/api-error-from';
import { useStores } from '../common/stores-context';
import { useConsoleT } from './console-strings';

export interface SerialConsoleProps {
  hostId: string;
  uuid: string;
  name: string;
  running: boolean;
  hostConnected: boolean;
}

/**
 * The serial terminal: `virsh console` on the host, shown with xterm.js. Each chunk is acknowledged
 * once xterm has rendered it, so a flooding guest is paused at the SSH channel, not in the UI.
 */
export function SerialConsole(props: SerialConsoleProps) {
  const t = useConsoleT();
  const { consoleCalls: calls } = useStores();
  const host = useRef<HTMLDivElement>(null);
  const [devices, setDevices] = useState<SerialDevice[] | null>(null);
  const [device, setDevice] = useState<string>('');
  const [connected, setConnected] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');
  const live = props.running && props.hostConnected;

  useEffect(() => {
    if (!live) return;
    calls.serialDevices(props.hostId, props.uuid).then(
      (list) => setDevices(list),
      (e: unknown) => setMessage(toApiError(e).message),
    );
  }, [calls, props.hostId, props.uuid, live]);

  useEffect(() => {
    const el = host.current;
    if (!el || !live || !connected || devices === null || devices.length === 0) return;
    const term = new Terminal({ convertEol: false, cursorBlink: true, scrollback: 5000, fontSize: 14 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fit.fit();
    let consoleId: string | undefined;
    let disposed = false;
    const early: SerialData[] = [];
    const show = (chunk: SerialData) => term.write(chunk.data, () => calls.serialAck(chunk));
    const offData = calls.onSerialData((chunk) => {
      if (consoleId === undefined) early.push(chunk);
      else if (chunk.consoleId === consoleId) show(chunk);
    });
    const offClosed = calls.onClosed((c) => {
      if (c.consoleId !== consoleId) return;
      setMessage(t('serialEnded', { message: c.message }));
      consoleId = undefined;
    });
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC') {
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => undefined);
        return false;
      }
      if (e.code === 'KeyV') {
        void navigator.clipboard?.readText().then(
          (text) => term.paste(text),
          () => undefined,
        );
        return false;
      }
      return true;
    });
    const input = term.onData((data) => {
      if (consoleId) calls.serialInput(consoleId, data);
    });
    const resized = term.onResize(({ rows, cols }) => {
      if (consoleId) calls.serialResize(consoleId, rows, cols);
    });
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
    setMessage('');
    const chosen = device || devices[0]!.name;
    calls
      .openSerial({
        hostId: props.hostId,
        uuid: props.uuid,
        device: chosen,
        rows: term.rows,
        cols: term.cols,
      })
      .then(
        (r) => {
          if (disposed) return calls.close(r.consoleId);
          consoleId = r.consoleId;
          early.filter((c) => c.consoleId === r.consoleId).forEach(show);
          early.length = 0;
          term.focus();
        },
        (e: unknown) => setMessage(toApiError(e).message),
      );
    return () => {
      disposed = true;
      offData();
      offClosed();
      input.dispose();
      resized.dispose();
      observer.disconnect();
      if (consoleId) calls.close(consoleId);
      term.dispose();
    };
  }, [calls, props.hostId, props.uuid, live, connected, devices, device, attempt, t]);

  if (!props.hostConnected) return <p role="status">{t('hostLost')}</p>;
  if (!props.running) return <p role="status">{t('notRunning')}</p>;
  return (
    <div className="serial-console">
      <div role="toolbar" aria-label={t('serial')} className="console-toolbar">
        {devices && devices.length > 1 && (
          <label>
            {t('device')}
            <select value={device || devices[0]!.name} onChange={(e) => setDevice(e.target.value)}>
              {devices.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {connected ? (
          <button type="button" onClick={() => setConnected(false)}>
            {t('disconnect')}
          </button>
        ) : (
          <button type="button" onClick={() => (setConnected(true), setAttempt((n) => n + 1))}>
            {t('reconnect')}
          </button>
        )}
      </div>
      {devices?.length === 0 && <p role="status">{t('noSerial')}</p>}
      {message && <p role="status">{message}</p>}
      <div
        className="serial-terminal"
        ref={host}
        role="group"
        aria-label={t('terminal', { name: props.name })}
      />
    </div>
  );
}
