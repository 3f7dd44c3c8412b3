import { useEffect, useRef, useState } from 'react';
import type { ConsolePrefs } from '../../shared/api/prefs';
import { Menu, type MenuItem } from '../common/menu';
import { useConsoleT } from './console-strings';
import type { DisplayClient, ScaleMode } from './display-client';
import { SEND_KEY_COMBOS } from './key-combos';
import { KeysDialog } from './keys-dialog';

export interface ConsoleToolbarProps {
  client: React.RefObject<DisplayClient | null>;
  enabled: boolean;
  frame: React.RefObject<HTMLElement | null>;
  name: string;
  clipboard: { on: boolean; set: (on: boolean) => void };
  /** Scaling and "resize guest" from the preferences (issue 15), until changed here. */
  preferred?: Pick<ConsolePrefs, 'scaling' | 'resizeGuest'>;
}

/** Send key, scaling, fullscreen, screenshot, type text, clipboard sharing. */
export function ConsoleToolbar({ client, enabled, frame, name, clipboard, preferred }: ConsoleToolbarProps) {
  const t = useConsoleT();
  const sendKeyButton = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<'combo' | 'type' | null>(null);
  const [chosen, setScale] = useState<ScaleMode | null>(null);
  const supports = client.current?.supports ?? { resizeGuest: false, clipboard: false };
  const scale: ScaleMode =
    chosen ??
    (preferred?.resizeGuest && supports.resizeGuest ? 'resize-guest' : (preferred?.scaling ?? 'fit'));
  // Each connection starts with the scaling shown (the preference until one is chosen here).
  useEffect(() => {
    if (enabled) client.current?.setScale(scale);
  }, [enabled, scale, client]);

  const items: MenuItem[] = [
    ...SEND_KEY_COMBOS.map((combo) => ({
      id: combo.label,
      label: combo.label,
      onSelect: () => client.current?.sendCombo(combo.codes),
    })),
    { id: 'custom', label: t('custom'), onSelect: () => setDialog('combo') },
  ];

  const screenshot = async () => {
    const blob = await client.current?.screenshot();
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${name.replace(/[^\w.-]+/g, '_')}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <div role="toolbar" aria-label={t('console')} className="console-toolbar">
      <button
        type="button"
        ref={sendKeyButton}
        aria-haspopup="menu"
        disabled={!enabled}
        onClick={() => {
          const r = sendKeyButton.current?.getBoundingClientRect();
          setMenuAt(r ? { x: r.left, y: r.bottom } : { x: 0, y: 0 });
        }}
      >
        {t('sendKey')}
      </button>
      <label>
        {t('scaling')}
        <select
          value={scale}
          onChange={(e) => {
            const mode = e.target.value as ScaleMode;
            setScale(mode);
            client.current?.setScale(mode);
          }}
        >
          <option value="fit">{t('scaleFit')}</option>
          <option value="native">{t('scaleNative')}</option>
          {supports.resizeGuest && <option value="resize-guest">{t('scaleResize')}</option>}
        </select>
      </label>
      <button type="button" onClick={() => void frame.current?.requestFullscreen?.().catch(() => undefined)}>
        {t('fullscreen')}
      </button>
      <button type="button" disabled={!enabled} onClick={() => void screenshot()}>
        {t('screenshot')}
      </button>
      <button type="button" disabled={!enabled} onClick={() => setDialog('type')}>
        {t('typeText')}
      </button>
      <label title={supports.clipboard ? undefined : t('clipboardUnsupported')}>
        <input
          type="checkbox"
          checked={clipboard.on && supports.clipboard}
          disabled={!supports.clipboard}
          onChange={(e) => {
            clipboard.set(e.target.checked);
            client.current?.setClipboardSharing(e.target.checked);
          }}
        />
        {t('clipboard')}
      </label>
      {menuAt && (
        <Menu label={t('sendKeyMenu')} items={items} position={menuAt} onClose={() => setMenuAt(null)} />
      )}
      {dialog && (
        <KeysDialog
          mode={dialog}
          onCancel={() => setDialog(null)}
          onSend={(strokes) => {
            for (const stroke of strokes) client.current?.sendCombo(stroke);
            setDialog(null);
            client.current?.focus();
          }}
        />
      )}
    </div>
  );
}
